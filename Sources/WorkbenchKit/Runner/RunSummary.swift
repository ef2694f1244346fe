/// What a finished run produced.
public struct RunSummary: Sendable {
  /// The run's results folder.
  public var directory: String
  /// The plan that ran.
  public var plan: TrialPlan
  /// Every trial's record, in grid order, with its run-wide segment ids.
  public var records: [TrialRecord]
  /// The ranked trials.
  public var leaderboard: Leaderboard
  /// Trials taken from an earlier run instead of being fitted again.
  public var resumed: Int

  /// The metrics each trial computed, in spec order.
  public var metricNames: [String] { plan.metrics.map(\.name) }

  /// Number of failed trials.
  public var failedCount: Int { records.filter { $0.status == .failed }.count }

  /// A trial's algorithm parameters as `k=3 n_init=10` (see ``TrialPlan/parameterText(of:registry:)``).
  public func parameterText(of record: TrialRecord, registry: PluginRegistry) -> String {
    plan.parameterText(of: record.index, registry: registry)
  }
}
