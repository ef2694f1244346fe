import Testing
import WorkbenchKit

@Suite("built-in registry")
struct PluginRegistryBuiltInTests {
  @Test("builds and lists the shipped algorithms and metrics in order")
  func names() {
    let registry = PluginRegistry.builtIn
    #expect(
      registry.names(of: .algorithm) == [
        "kmeans", "minibatch-kmeans", "bisecting-kmeans", "kmedoids", "kprototypes", "gmm", "fuzzy-cmeans", "dbscan", "hdbscan", "optics",
        "agglomerative", "birch", "mean-shift", "affinity-propagation", "spectral",
      ])
    #expect(
      registry.names(of: .metric) == [
        "silhouette", "calinski-harabasz", "davies-bouldin", "inertia", "simplified-silhouette", "dunn", "bic", "aic", "xie-beni", "gap",
        "prediction-strength", "ari", "ami", "nmi", "homogeneity", "completeness", "v-measure", "fowlkes-mallows", "purity",
      ])
    #expect(registry.algorithm(named: "kmeans")?.parameters == KMeans.parameters)
    #expect(registry.metric(named: "davies-bouldin")?.direction == DaviesBouldin.direction)
  }

  @Test("every built-in plugin can be made from its defaults")
  func defaultsConstruct() throws {
    for plugin in PluginRegistry.builtIn.allPlugins {
      let parameters = try plugin.resolve([:], at: Location()).get()
      #expect(parameters.pluginName == plugin.name)
      try plugin.check(parameters)
    }
  }
}

/// A metric declaring numbers without finite bounds, which a registry must refuse.
private struct UnboundedMetric: ClusterMetric {
  static let name = "unbounded"
  static let summary = "Declares numbers without bounds."
  static let parameters = [
    ParameterSpec("runs", .integer(minimum: 1), default: 1, "No maximum."),
    ParameterSpec("weight", .real(minimum: 0, maximum: .infinity), default: 1.0, "An infinite maximum."),
    ParameterSpec("size", .oneOf([.choice(["auto"]), .integer()]), default: "auto", "Unbounded inside a choice."),
  ]
  static let direction = MetricDirection.higherIsBetter
  static let bounds: ClosedRange<Double>? = nil
  init(validated: Parameters) {}
  func score(_ input: MetricInput, context: FitContext) throws -> Score { .value(0) }
}

@Suite("parameter bounds")
struct ParameterBoundsTests {
  @Test("a registry refuses numbers declared without finite bounds, naming each (issue 17: n_init 10^12 hung a run)")
  func unboundedRefused() {
    #expect {
      _ = try PluginRegistry(preprocessors: [], algorithms: [], metrics: [UnboundedMetric.self])
    } throws: { error in
      let problems = (error as? RegistryError)?.problems ?? []
      return problems == [
        "unbounded.runs is unbounded: an integer needs both a minimum and a maximum",
        "unbounded.weight is unbounded: a real number needs finite minimum and maximum",
        "unbounded.size is unbounded: an integer needs both a minimum and a maximum",
      ]
    }
  }

  @Test("every number of the spec sections (ranking, stability) has finite bounds too")
  func specSectionsBounded() {
    for spec in RankingSpec.parameters + StabilitySpec.parameters { #expect(spec.kind.unboundedReason == nil, "\(spec.name)") }
  }
}
