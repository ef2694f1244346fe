extension PluginRegistry {
  /// The plugins that ship with the workbench, in listing order.
  public static let builtIn: PluginRegistry = {
    do {
      return try PluginRegistry(
        preprocessors: [
          SelectColumns.self, DropColumns.self, Derive.self, Impute.self, KNNImpute.self, DropMissing.self, RemoveOutliers.self,
          Clip.self, StandardScaler.self, MinMaxScaler.self, RobustScaler.self, MaxAbsScaler.self, Log1p.self, PowerTransform.self,
          OneHot.self, Ordinal.self, PCA.self, ChurnRisk.self, CLVScore.self, LoyaltyScore.self, ValueScore.self, EngagementScore.self,
        ],
        algorithms: [
          KMeans.self, MiniBatchKMeans.self, BisectingKMeans.self, KMedoids.self, KPrototypes.self, GaussianMixture.self, FuzzyCMeans.self,
          DBSCAN.self, HDBSCAN.self, OPTICS.self, Agglomerative.self, Birch.self, MeanShift.self, AffinityPropagation.self, SpectralClustering.self,
        ],
        metrics: [
          Silhouette.self, CalinskiHarabasz.self, DaviesBouldin.self, Inertia.self, SimplifiedSilhouette.self, Dunn.self, BIC.self, AIC.self,
          XieBeni.self, GapStatistic.self, PredictionStrength.self, AdjustedRandIndex.self, AdjustedMutualInformation.self, NormalizedMutualInformation.self,
          Homogeneity.self, Completeness.self, VMeasure.self, FowlkesMallows.self, Purity.self,
        ])
    } catch {
      preconditionFailure("\(error)")
    }
  }()
}
