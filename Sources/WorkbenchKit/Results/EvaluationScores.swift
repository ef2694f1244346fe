/// A trial's internal metrics recomputed in the run's shared evaluation space (see ``EvaluationSpec``).
public struct EvaluationScores: Sendable, Equatable {
  /// The space's name (`standardized`, or a pipeline's name).
  public var space: String
  /// The metrics, as in ``TrialRecord/metrics``.
  public var metrics: [String: Score]

  public init(space: String, metrics: [String: Score]) {
    self.space = space
    self.metrics = metrics
  }
}
