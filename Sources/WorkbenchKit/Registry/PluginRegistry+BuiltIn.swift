extension PluginRegistry {
  /// The plugins that ship with the workbench, in listing order.
  public static let builtIn: PluginRegistry = {
    do {
      return try PluginRegistry(
        preprocessors: [Impute.self, StandardScaler.self],
        algorithms: [KMeans.self, GaussianMixture.self, FuzzyCMeans.self, MiniBatchKMeans.self, BisectingKMeans.self],
        metrics: [Silhouette.self, CalinskiHarabasz.self, DaviesBouldin.self, Inertia.self])
    } catch {
      preconditionFailure("\(error)")
    }
  }()
}
