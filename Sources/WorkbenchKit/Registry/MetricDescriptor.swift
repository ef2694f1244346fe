/// A metric as the registry holds it: declarations, direction, bounds, needs, k rule and a factory.
public struct MetricDescriptor: PluginDescriptor {
  public static let kind = PluginKind.metric
  public let name: String
  public let summary: String
  public let parameters: [ParameterSpec]
  /// Whether larger or smaller values are better.
  public let direction: MetricDirection
  /// The range the value always lies in, when bounded.
  public let bounds: ClosedRange<Double>?
  /// What the metric needs besides features and labels.
  public let needs: MetricNeeds
  /// How the metric picks the number of clusters from its curve over k.
  public let kRule: KSelectionRule?
  /// Whether a spec without a `metrics` list computes it.
  public let computedByDefault: Bool
  /// For metrics comparing every pair of rows: their cost and sampled form.
  public let pairwiseCost: PairwiseCost?
  /// Builds a metric from validated parameters.
  public let make: @Sendable (Parameters) throws -> any ClusterMetric
  /// Where an external plugin comes from (its manifest and fingerprint); `nil` for built-ins.
  public var origin: PluginOrigin?

  public init(
    name: String, summary: String, parameters: [ParameterSpec], direction: MetricDirection, bounds: ClosedRange<Double>?, needs: MetricNeeds,
    kRule: KSelectionRule?, computedByDefault: Bool, pairwiseCost: PairwiseCost? = nil,
    make: @escaping @Sendable (Parameters) throws -> any ClusterMetric
  ) {
    self.name = name
    self.summary = summary
    self.parameters = parameters
    self.direction = direction
    self.bounds = bounds
    self.needs = needs
    self.kRule = kRule
    self.computedByDefault = computedByDefault
    self.pairwiseCost = pairwiseCost
    self.make = make
  }

  /// The descriptor of a built-in Swift metric.
  public init<Metric: ClusterMetric>(_ type: Metric.Type) {
    self.init(
      name: type.name, summary: type.summary, parameters: type.parameters, direction: type.direction, bounds: type.bounds, needs: type.needs,
      kRule: type.kRule, computedByDefault: type.computedByDefault, pairwiseCost: type.pairwiseCost, make: { try Metric(validated: $0) })
  }

  /// Builds an instance and discards it: how spec reading applies rules that span parameters.
  public func check(_ parameters: Parameters) throws { _ = try make(parameters) }

  /// An instance with `given` parameters (defaults filled in); invalid values are a ``SpecError``.
  public func instance(_ given: [String: JSONValue] = [:]) throws -> any ClusterMetric {
    try make(try resolve(given, at: Location()).get())
  }
}
