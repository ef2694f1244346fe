import WorkbenchNumerics

/// A clustering algorithm as the registry holds it: declarations, capabilities and a factory.
public struct AlgorithmDescriptor: PluginDescriptor {
  public static let kind = PluginKind.algorithm
  public let name: String
  public let summary: String
  public let parameters: [ParameterSpec]
  /// Behaviour the runner and the common checks rely on.
  public let capabilities: AlgorithmCapabilities
  /// How the common checks should run it (checking parameters, expected failures with reasons).
  public let checking: CheckingTuning
  /// Builds an instance from validated parameters; throws ``ParameterError`` for rules spanning parameters.
  public let make: @Sendable (Parameters) throws -> any ClusteringAlgorithm
  /// Labels new rows with a saved model (the algorithm's ``Clustering/model``).
  public let predict: @Sendable (JSONValue, ClusteringInput) throws -> Prediction
  /// Where an external plugin comes from (its manifest and fingerprint); `nil` for built-ins.
  public var origin: PluginOrigin?

  public init(
    name: String, summary: String, parameters: [ParameterSpec], capabilities: AlgorithmCapabilities, checking: CheckingTuning = CheckingTuning(),
    make: @escaping @Sendable (Parameters) throws -> any ClusteringAlgorithm,
    predict: @escaping @Sendable (JSONValue, ClusteringInput) throws -> Prediction
  ) {
    self.name = name
    self.summary = summary
    self.parameters = parameters
    self.capabilities = capabilities
    self.checking = checking
    self.make = make
    self.predict = predict
  }

  /// The descriptor of a built-in Swift algorithm.
  public init<Algorithm: ClusteringAlgorithm>(_ type: Algorithm.Type) {
    let tuning = type as? any CommonCheckTuning.Type
    self.init(
      name: type.name, summary: type.summary, parameters: type.parameters, capabilities: type.capabilities,
      checking: CheckingTuning(
        parameters: tuning?.checkingParameters ?? [:], expectedFailures: tuning?.expectedCheckFailures ?? [:],
        categoricalFeatures: tuning?.checkingCategoricalFeatures ?? 0),
      make: { try Algorithm(validated: $0) }, predict: { try Algorithm.predict(model: $0, input: $1) })
  }

  /// Builds an instance and discards it: how spec reading applies rules that span parameters.
  public func check(_ parameters: Parameters) throws { _ = try make(parameters) }

  /// An instance with `given` parameters (defaults filled in); invalid values are a ``SpecError``.
  public func instance(_ given: [String: JSONValue] = [:]) throws -> any ClusteringAlgorithm {
    try make(try resolve(given, at: Location()).get())
  }
}

/// How the common algorithm checks should run an algorithm whose defaults do not suit them.
///
/// Like scikit-learn's `_set_checking_parameters` and `expected_failed_checks`.
/// An expected failure must carry its reason, and the checks fail when such
/// a check passes (strict), so the list cannot go stale.
public struct CheckingTuning: Sendable, Equatable {
  /// Parameters used instead of the defaults in every check (a small `max_iter`, …); `k` is set by the checks.
  public var parameters: [String: JSONValue]
  /// Checks known to fail, by check name (`"translation"`), each with the reason.
  public var expectedFailures: [String: String]
  /// Constant categorical features the checks add to every numeric input, for mixed-data algorithms that need some.
  public var categoricalFeatures: Int

  public init(parameters: [String: JSONValue] = [:], expectedFailures: [String: String] = [:], categoricalFeatures: Int = 0) {
    self.parameters = parameters
    self.expectedFailures = expectedFailures
    self.categoricalFeatures = categoricalFeatures
  }
}
