extension PluginRegistry {
  /// The plugins that ship with the workbench, in listing order.
  public static let builtIn: PluginRegistry = {
    do {
      return try PluginRegistry(
        preprocessors: [
          Impute.self, StandardScaler.self, SelectColumns.self, DropColumns.self, Derive.self, KNNImpute.self, DropMissing.self,
          RemoveOutliers.self, Clip.self, MinMaxScaler.self, RobustScaler.self, MaxAbsScaler.self, Log1p.self, PowerTransform.self,
          OneHot.self, Ordinal.self, PCA.self,
        ],
        algorithms: [KMeans.self],
        metrics: [Silhouette.self, CalinskiHarabasz.self, DaviesBouldin.self, Inertia.self])
    } catch {
      preconditionFailure("\(error)")
    }
  }()
}
