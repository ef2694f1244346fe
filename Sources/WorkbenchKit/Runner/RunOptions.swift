/// How to run an experiment: where results go, whether to start over, which trials to fit.
public struct RunOptions: Sendable {
  /// The results root; the run lands in `<root>/<experiment>/<run-key>/`.
  public var outputRoot: String
  /// Discard trials recorded by an earlier run of the same spec and data.
  public var fresh: Bool
  /// Which of the plan's trials this process fits; all by default.
  public var includes: @Sendable (TrialConfig) -> Bool
  /// The share of the plan to record in a shard store, when the run is split (`run --shard I/N`).
  public var shard: Shard?

  public init(outputRoot: String = "results", fresh: Bool = false, shard: Shard? = nil, includes: @escaping @Sendable (TrialConfig) -> Bool = { _ in true }) {
    self.outputRoot = outputRoot
    self.fresh = fresh
    self.shard = shard
    self.includes = includes
  }
}
