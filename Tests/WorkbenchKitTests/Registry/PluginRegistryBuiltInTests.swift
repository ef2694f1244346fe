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
        "agglomerative", "birch",
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
