import WorkbenchNumerics

/// Simplified (centroid) silhouette: the silhouette with distances to cluster means instead of to every row.
///
/// For row i, a = ‖xᵢ − μ_own‖ and b = min over other clusters of ‖xᵢ − μ_c‖,
/// with μ the mean of each cluster's rows; s(i) = (b − a) / max(a, b) and the
/// score is the mean over non-noise rows. A fast stand-in for ``Silhouette``
/// on large data. Like the full silhouette, a row alone in its cluster scores 0
/// (the formula would give 1 there) and a = b = 0 gives 0. scikit-learn has no
/// function for it; the reference is the formula in numpy.
///
/// Edge cases: undefined with fewer than 2 clusters or with as many clusters
/// as rows; rows labelled −1 are ignored.
/// - Complexity: O(rows · clusters · columns) time; O(clusters · columns) extra memory.
/// - SeeAlso: Hruschka, de Castro & Campello, "Evolutionary algorithms for clustering gene-expression data", ICDM 2004.
public struct SimplifiedSilhouette: ClusterMetric {
  public static let name = "simplified-silhouette"
  public static let summary = "Silhouette with distances to cluster means (O(n k)), in [-1, 1]; higher is better."
  public static let parameters: [ParameterSpec] = []
  public static let direction = MetricDirection.higherIsBetter
  public static let bounds: ClosedRange<Double>? = -1...1

  public init(validated parameters: Parameters) throws {}

  public func score(_ input: MetricInput, context: FitContext) throws -> Score {
    let x = input.features
    let groups = ClusterGroups(labels: input.clustering.labels)
    if let reason = groups.reasonComparisonIsUndefined { return .undefined("simplified-silhouette \(reason)") }
    let means = groups.means(of: x)
    var total = 0.0
    for i in 0..<x.rows where groups.groupOfRow[i] >= 0 {
      let own = groups.groupOfRow[i]
      let a = Distance.squaredEuclidean(x, row: i, means, row: own).squareRoot()
      var b = Double.infinity
      for g in 0..<groups.count where g != own { b = min(b, Distance.squaredEuclidean(x, row: i, means, row: g).squareRoot()) }
      total += SilhouetteSamples.coefficient(a: a, b: b, clusterSize: groups.sizes[own])
    }
    return .value(total / Double(groups.memberCount))
  }
}
