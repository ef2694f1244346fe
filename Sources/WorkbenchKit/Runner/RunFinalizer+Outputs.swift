extension RunFinalizer {
  /// The derived files other tools read at a run's root: `metrics.json` always, the gate's verdict when the spec has a gate.
  ///
  /// - `metrics.json` (``RunMetrics``) for DVC's `dvc metrics show/diff`;
  /// - with a `gate` section: `gate.json`, `gate.xml` (JUnit) and `gate.md`,
  ///   its threshold checks on the chosen trial (baseline checks need a
  ///   second run, so `workbench gate --baseline` makes them; here they are
  ///   listed as skipped).
  /// All are functions of the trial store, like every derived file.
  func runOutputs(_ results: RunResults, leaderboard: Leaderboard) throws -> [(String, String)] {
    let run = RankedRun(results: results, leaderboard: leaderboard, registry: registry)
    var files = [(RunMetrics.fileName, RunMetrics(run).json.prettyText)]
    if let gate = results.plan.experiment.gate {
      let report = try QualityGate(spec: gate).evaluate(run)
      files += [("gate.json", report.json.prettyText), ("gate.xml", report.junit), ("gate.md", report.markdown)]
    }
    return files
  }
}
