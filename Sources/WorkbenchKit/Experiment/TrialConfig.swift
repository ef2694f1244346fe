/// One trial: a pipeline variant and an algorithm setting, with its hash and seed.
public struct TrialConfig: Sendable, Equatable {
  /// Position in the deterministic grid order (0-based).
  public var index: Int
  /// The preprocessing it runs on.
  public var pipeline: PipelineVariant
  /// The algorithm and its parameter values.
  public var algorithm: ResolvedPlugin
  /// First 16 hex digits of the SHA-256 of ``configuration``.
  public var configHash: String
  /// Derived from the experiment seed and the config hash only.
  public var seed: UInt64
  /// The external metrics the trial computes: their fingerprints enter the configuration, so a changed metric program is noticed.
  public var externalMetrics: [ResolvedPlugin] = []

  /// The canonical configuration that is hashed: every step and the algorithm, defaults filled in
  /// (and the external metrics, only when there are any, so built-in configurations keep their hashes).
  public var configuration: JSONValue {
    var o: [String: JSONValue] = ["pipeline": .array(pipeline.steps.map(\.json)), "algorithm": algorithm.json]
    if !externalMetrics.isEmpty { o["external_metrics"] = .array(externalMetrics.map(\.json)) }
    return .object(o)
  }
}

/// A pipeline with one complete setting of every step's parameters.
public struct PipelineVariant: Sendable, Equatable {
  /// The pipeline's name in the spec.
  public var name: String
  /// Its steps, resolved.
  public var steps: [ResolvedPlugin]
  /// First 16 hex digits of the SHA-256 of the steps (identifies the fitted features).
  public var hash: String
}
