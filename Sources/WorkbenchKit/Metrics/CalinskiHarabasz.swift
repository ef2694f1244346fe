import WorkbenchNumerics

/// Calinski–Harabasz index: between-cluster over within-cluster dispersion, scaled by degrees of freedom.
///
/// CH = [B / (k − 1)] / [W / (n − k)], where B = Σ_c n_c ‖μ_c − μ‖² and
/// W = Σ_i ‖x_i − μ_{c(i)}‖². Higher is better. Matches
/// `sklearn.metrics.calinski_harabasz_score`, including its value 1 when
/// W = 0 (every cluster a single repeated point).
///
/// Edge cases: undefined with fewer than 2 clusters or as many clusters as
/// rows; rows labelled −1 are ignored.
/// - Complexity: O(rows · columns).
/// - SeeAlso: Caliński & Harabasz, "A dendrite method for cluster analysis", Comm. Stat. 3, 1974.
public struct CalinskiHarabasz: ClusterMetric {
  public static let name = "calinski-harabasz"
  public static let summary = "Calinski-Harabasz variance ratio, ≥ 0; higher is better."
  public static let parameters: [ParameterSpec] = []
  public static let direction = MetricDirection.higherIsBetter
  public static let bounds: ClosedRange<Double>? = 0...Double.infinity
  public static let kRule: KSelectionRule? = .maximum

  public init(validated parameters: Parameters) throws {}

  public func score(_ input: MetricInput, context: FitContext) throws -> Score {
    let x = input.features
    let groups = ClusterGroups(labels: input.clustering.labels)
    if let reason = groups.reasonComparisonIsUndefined { return .undefined("calinski-harabasz \(reason)") }
    let means = groups.means(of: x)
    let n = groups.memberCount
    var overall = Array(repeating: 0.0, count: x.columns)
    for i in 0..<x.rows where groups.groupOfRow[i] >= 0 {
      for j in 0..<x.columns { overall[j] += x[i, j] }
    }
    for j in overall.indices { overall[j] /= Double(n) }
    var between = 0.0
    for g in 0..<groups.count {
      var squared = 0.0
      for j in 0..<x.columns {
        let d = means[g, j] - overall[j]
        squared += d * d
      }
      between += Double(groups.sizes[g]) * squared
    }
    var within = 0.0
    for i in 0..<x.rows where groups.groupOfRow[i] >= 0 {
      within += Distance.squaredEuclidean(x, row: i, means, row: groups.groupOfRow[i])
    }
    guard within != 0 else { return .value(1) }
    let k = Double(groups.count)
    return .value(between * (Double(n) - k) / (within * (k - 1)))
  }
}
