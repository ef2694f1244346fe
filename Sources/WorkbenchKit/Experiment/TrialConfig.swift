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

  /// The canonical configuration that is hashed: every step and the algorithm, defaults filled in.
  public var configuration: JSONValue {
    ["pipeline": .array(pipeline.steps.map(\.json)), "algorithm": algorithm.json]
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
