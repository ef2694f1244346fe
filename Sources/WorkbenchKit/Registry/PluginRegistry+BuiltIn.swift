extension PluginRegistry {
  /// The plugins that ship with the workbench.
  public static let builtIn: PluginRegistry = {
    do {
      return try PluginRegistry(
        preprocessors: [], algorithms: [KMeans.self],
        metrics: [Silhouette.self, CalinskiHarabasz.self, DaviesBouldin.self, Inertia.self])
    } catch {
      preconditionFailure("\(error)")
    }
  }()
}
