/// What changed between two runs: their inputs, every shared trial's rank, score and metrics, and how far their chosen
/// segmentations agree.
///
/// Inputs: the spec (as JSON path differences, `$schema` aside), the data
/// fingerprint and size, the tool version. Trials are matched by config
/// hash, so the same configuration is compared even when the grids differ;
/// the chosen trials (rank 1 of each finalizer-derived leaderboard) are
/// compared on the customers both runs contain (``SegmentAgreement``).
/// Rendered as Markdown (``markdown``) and JSON (``json``).
public struct RunComparison: Sendable {
  /// One trial present in both runs.
  public struct TrialDelta: Sendable {
    /// The trial in each run (grid positions may differ).
    public var first: TrialRecord
    public var second: TrialRecord
    /// "scaled · kmeans k=5".
    public var description: String
    /// Rank (1 = chosen) and score in each run; nil when not ranked there.
    public var rank: (first: Int?, second: Int?)
    public var score: (first: Double?, second: Double?)
  }

  /// The runs, first and second.
  public let first: RankedRun
  public let second: RankedRun
  /// Where the specs differ.
  public let specChanges: [JSONDifference.Change]
  /// Trials in both runs, in the first run's grid order.
  public let trials: [TrialDelta]
  /// Trials in only one run, in grid order.
  public let onlyFirst: [TrialRecord]
  public let onlySecond: [TrialRecord]
  /// Metric names of either run: the first's in spec order, then the second's others.
  public let metricNames: [String]
  /// Agreement of the chosen segmentations, when both runs chose a trial.
  public let agreement: SegmentAgreement?

  /// Compares `first` with `second` (reads both chosen trials' labels).
  public init(_ first: RankedRun, _ second: RankedRun) throws {
    self.first = first
    self.second = second
    specChanges = JSONDifference.specChanges(first.results.manifest.spec, second.results.manifest.spec)
    let theirs = Dictionary(second.results.records.map { ($0.configHash, $0) }, uniquingKeysWith: { a, _ in a })
    let ours = Set(first.results.records.map(\.configHash))
    func ranking(_ run: RankedRun) -> [String: (rank: Int, score: Double)] {
      var out: [String: (Int, Double)] = [:]
      for (i, entry) in run.leaderboard.ranked.enumerated() { out[entry.record.configHash] = (i + 1, entry.score) }
      return out
    }
    let firstRanks = ranking(first), secondRanks = ranking(second)
    trials = first.results.records.compactMap { record in
      guard let other = theirs[record.configHash] else { return nil }
      let a = firstRanks[record.configHash], b = secondRanks[record.configHash]
      return TrialDelta(first: record, second: other, description: first.describe(record), rank: (a?.rank, b?.rank), score: (a?.score, b?.score))
    }
    onlyFirst = first.results.records.filter { theirs[$0.configHash] == nil }
    onlySecond = second.results.records.filter { !ours.contains($0.configHash) }
    let names = first.results.plan.metrics.map(\.name)
    metricNames = names + second.results.plan.metrics.map(\.name).filter { !names.contains($0) }
    if let a = first.chosen, let b = second.chosen {
      agreement = SegmentAgreement(try first.results.identifiedLabels(a.record), try second.results.identifiedLabels(b.record))
    } else {
      agreement = nil
    }
  }

  /// The input facts of one run, for the "what changed" table and JSON.
  static func facts(_ run: RankedRun) -> [(key: String, value: String)] {
    let manifest = run.results.manifest
    return [
      ("experiment", run.experiment), ("run key", run.runKey), ("data SHA-256", String(manifest.dataSHA256.prefix(16)) + "…"),
      ("rows × columns", "\(manifest.rows) × \(manifest.columns)"), ("tool", "workbench \(manifest.toolVersion)"),
      ("trials ok / failed", "\(manifest.succeeded) / \(manifest.failed)"),
    ]
  }
}
