extension PluginRegistry {
  /// The plugins that ship with the workbench, in listing order.
  public static let builtIn: PluginRegistry = {
    do {
      return try PluginRegistry(
        preprocessors: [
          Impute.self, StandardScaler.self, ChurnRisk.self, CLVScore.self, LoyaltyScore.self, ValueScore.self, EngagementScore.self,
        ],
        algorithms: [KMeans.self, KMedoids.self, KPrototypes.self],
        metrics: [Silhouette.self, CalinskiHarabasz.self, DaviesBouldin.self, Inertia.self, PredictionStrength.self])
    } catch {
      preconditionFailure("\(error)")
    }
  }()
}
