/// How to run an experiment: where results go, whether to start over, which trials to fit.
public struct RunOptions: Sendable {
  /// The results root; the run lands in `<root>/<experiment>/<run-key>/`.
  public var outputRoot: String
  /// Discard trials recorded by an earlier run of the same spec and data.
  public var fresh: Bool
  /// Which of the plan's trials this process fits (a shard's share); all by default.
  public var includes: @Sendable (TrialConfig) -> Bool

  public init(outputRoot: String = "results", fresh: Bool = false, includes: @escaping @Sendable (TrialConfig) -> Bool = { _ in true }) {
    self.outputRoot = outputRoot
    self.fresh = fresh
    self.includes = includes
  }
}
