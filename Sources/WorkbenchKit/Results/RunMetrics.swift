/// `metrics.json` at a run's root: the chosen trial's metrics and the trial counts, for DVC and dashboards.
///
/// DVC reads it as a metrics file (`dvc metrics show`, `dvc metrics diff`
/// between commits), flattening keys to `chosen.metrics.silhouette`,
/// `chosen.score`, `trials.failed`. Derived at finalize time; byte-stable.
/// ```json
/// { "experiment": "customer-segments", "run_key": "…",
///   "trials": { "planned": 14, "ok": 14, "failed": 0, "ranked": 12 },
///   "chosen": { "trial": 9, "pipeline": "scaled", "algorithm": "kmeans", "parameters": "k=5", "segments": 5,
///               "score": 0.73, "stability": 0.98, "smallest_segment_share": 0.11, "metrics": { "silhouette": 0.31, … } } }
/// ```
public struct RunMetrics: Sendable {
  /// The file's name at the run's root.
  public static let fileName = "metrics.json"

  /// The run.
  public let run: RankedRun

  public init(_ run: RankedRun) {
    self.run = run
  }

  /// The document.
  public var json: JSONValue {
    let records = run.results.records
    let ok = records.filter { $0.status == .ok }.count
    return [
      "experiment": .string(run.experiment), "run_key": .string(run.runKey),
      "trials": [
        "planned": .int(run.results.plan.trials.count), "ok": .int(ok), "failed": .int(records.count - ok), "ranked": .int(run.leaderboard.ranked.count),
      ],
      "chosen": run.chosen?.json ?? .null,
    ]
  }
}
