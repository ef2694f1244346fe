/// How a metric's work grows when it compares every pair of rows, and how it becomes a sampled estimate instead.
///
/// Metrics that declare it (silhouette, Dunn) cost O(rows² · columns); the
/// run's ``Guardrails`` estimate that cost from the data's size before any
/// trial and, on large data, switch a metric that can be sampled to its
/// sampled form unless the spec set ``samplingParameter`` itself.
public struct PairwiseCost: Sendable, Equatable {
  /// The parameter that chooses exact or sampled (`sample_size`); `nil` when the metric cannot be sampled.
  public var samplingParameter: String?
  /// The parameter values of the sampled form.
  public var sampled: [String: JSONValue]

  public init(samplingParameter: String? = nil, sampled: [String: JSONValue] = [:]) {
    self.samplingParameter = samplingParameter
    self.sampled = sampled
  }
}
