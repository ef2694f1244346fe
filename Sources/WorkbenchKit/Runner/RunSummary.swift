/// What a finished run produced.
public struct RunSummary: Sendable {
  /// The run's results folder.
  public var directory: String
  /// Every trial's record, in grid order.
  public var records: [TrialRecord]
  /// The ranked trials.
  public var leaderboard: Leaderboard
  /// Trials taken from an earlier run instead of being fitted again.
  public var resumed: Int
  /// The metrics each trial computed, in spec order.
  public var metricNames: [String]

  /// Number of failed trials.
  public var failedCount: Int { records.filter { $0.status == .failed }.count }
}
