extension PluginRegistry {
  /// The plugins that ship with the workbench, in listing order.
  public static let builtIn: PluginRegistry = {
    do {
      return try PluginRegistry(
        preprocessors: [Impute.self, StandardScaler.self],
        algorithms: [KMeans.self],
        metrics: [
          Silhouette.self, CalinskiHarabasz.self, DaviesBouldin.self, Inertia.self, SimplifiedSilhouette.self, Dunn.self, BIC.self, AIC.self, XieBeni.self,
          AdjustedRandIndex.self, AdjustedMutualInformation.self, NormalizedMutualInformation.self, Homogeneity.self,
          Completeness.self, VMeasure.self, FowlkesMallows.self, Purity.self,
        ])
    } catch {
      preconditionFailure("\(error)")
    }
  }()
}
