/// How to run an experiment: where results go, how many trials at once, whether to start over.
public struct RunOptions: Sendable {
  /// The results root; the run lands in `<root>/<experiment>/<run-key>/`.
  public var outputRoot: String
  /// Trials fitted at the same time (≥ 1). Results do not depend on it.
  public var jobs: Int
  /// Discard trials recorded by an earlier run of the same spec and data.
  public var fresh: Bool

  public init(outputRoot: String = "results", jobs: Int, fresh: Bool = false) {
    precondition(jobs >= 1, "jobs must be at least 1")
    self.outputRoot = outputRoot
    self.jobs = jobs
    self.fresh = fresh
  }
}
