import Foundation

extension RunFinalizer {
  /// `report.html` of the run: the ranking, k selection and the chosen trial's segments (see ``RunReport``).
  ///
  /// `records` are the ranked, aligned records, `insight` the chosen trial's
  /// insight when the spec asks for insight, `source` every column of the
  /// data in original units (nil only when no trial is ranked), `space` the standardized space of its features when
  /// already built.
  func reportText(
    _ results: RunResults, board: Leaderboard, records: [TrialRecord], kSelection: KSelection, source: DataTable?, space: EvaluationSpace?,
    insight: SegmentInsight?
  ) throws -> String {
    try RunReport.assemble(
      results, board: board, records: records, kSelection: kSelection, trial: board.ranked.first?.record, insight: insight, source: source,
      space: space, registry: registry
    ).html
  }

  /// Writes the report of the run in `runDirectory` (`workbench report`), describing trial `trial` (a config hash or
  /// unique prefix) or, when nil, the chosen trial.
  ///
  /// Reads the run through ``RunResults`` only (and the data file, checked
  /// against its recorded SHA-256). For the chosen trial the page is exactly
  /// the `report.html` finalizing writes, and by default it goes there
  /// (rewritten only if its bytes differ, under the run's lock); for another
  /// trial it goes to `report-<hash>.html` in the current folder, so the
  /// run folder keeps only derived files. `out` names another file.
  /// - Returns: the path written and the trial described (nil when no trial is ranked).
  public func writeReport(runDirectory: String, trial: String?, out: String?) throws -> (path: String, trial: TrialRecord?) {
    let results = try RunResults.open(runDirectory, registry: registry)
    let (board, records) = try ranked(results)
    var described = board.ranked.first?.record
    if let trial {
      let hash = try results.record(matching: trial).configHash
      let record = records.first { $0.configHash == hash }!
      guard record.status == .ok else {
        throw SpecError(
          Location(file: runDirectory), "trial \(record.configHash) failed (\(record.error ?? "no reason recorded")); it has no segments to report.",
          fix: "choose a successful trial (see leaderboard.md), or leave --trial out for the chosen one.")
      }
      described = record
    }
    let source = described == nil ? nil : try loadSource(results)
    let insight = try described.flatMap { record in
      try results.plan.experiment.insight.enabled ? self.insight(of: record, in: results, source: source!).0 : nil
    }
    let html = try RunReport.assemble(
      results, board: board, records: records, kSelection: kSelection(records, plan: results.plan), trial: described, insight: insight, source: source,
      registry: registry
    ).html
    let isChosen = described?.configHash == board.ranked.first?.record.configHash
    if let out {
      try AtomicFile.write(html, to: out)
      return (out, described)
    }
    guard isChosen else {
      let path = "report-\(described!.configHash).html"
      try AtomicFile.write(html, to: path)
      return (path, described)
    }
    let lock = try RunLock.acquire(results.folder)
    defer { withExtendedLifetime(lock) {} }
    _ = try results.folder.writeIfChanged(html, to: "report.html")
    return (results.folder.file("report.html"), described)
  }

  /// Choosing k over `records`, with each metric's rule from the registry.
  func kSelection(_ records: [TrialRecord], plan: TrialPlan) -> KSelection {
    KSelection(records: records, metrics: plan.metrics.map { ($0.name, registry.metric(named: $0.name)?.kRule) })
  }
}
