import WorkbenchNumerics

/// Davies–Bouldin index: the mean, over clusters, of the worst ratio of summed spreads to center separation.
///
/// With s_c the mean Euclidean distance of cluster c's rows to its centroid
/// and d_ce the distance between centroids, DB = (1/k) Σ_c max_{e≠c} (s_c + s_e) / d_ce.
/// Lower is better; 0 is the minimum. Matches
/// `sklearn.metrics.davies_bouldin_score`: 0 when every spread or every
/// centroid distance is within 1e-8 of zero, and coinciding centroids
/// (d = 0) are skipped as scikit-learn's division by infinity does.
///
/// Edge cases: undefined with fewer than 2 clusters or as many clusters as
/// rows; rows labelled −1 are ignored.
/// - Complexity: O(rows · columns + k² · columns).
/// - SeeAlso: Davies & Bouldin, "A cluster separation measure", IEEE TPAMI 1(2), 1979.
public struct DaviesBouldin: ClusterMetric {
  public static let name = "davies-bouldin"
  public static let summary = "Davies-Bouldin index, ≥ 0; lower is better."
  public static let parameters: [ParameterSpec] = []
  public static let direction = MetricDirection.lowerIsBetter
  public static let bounds: ClosedRange<Double>? = 0...Double.infinity
  public static let kRule: KSelectionRule? = .minimum

  /// scikit-learn's `np.allclose(·, 0)` absolute tolerance.
  private static let zeroTolerance = 1e-8

  public init(validated parameters: Parameters) throws {}

  public func score(_ input: MetricInput, context: FitContext) throws -> Score {
    let x = input.features
    let groups = ClusterGroups(labels: input.clustering.labels)
    if let reason = groups.reasonComparisonIsUndefined { return .undefined("davies-bouldin \(reason)") }
    let centroids = groups.means(of: x)
    var spreads = Array(repeating: 0.0, count: groups.count)
    for i in 0..<x.rows where groups.groupOfRow[i] >= 0 {
      let g = groups.groupOfRow[i]
      spreads[g] += Distance.squaredEuclidean(x, row: i, centroids, row: g).squareRoot()
    }
    for g in spreads.indices { spreads[g] /= Double(groups.sizes[g]) }
    var separations = Matrix(rows: groups.count, columns: groups.count)
    for c in 0..<groups.count {
      for e in 0..<groups.count {
        separations[c, e] = Distance.squaredEuclidean(centroids, row: c, centroids, row: e).squareRoot()
      }
    }
    let tiny = { (v: Double) in abs(v) <= DaviesBouldin.zeroTolerance }
    if spreads.allSatisfy(tiny) || separations.storage.allSatisfy(tiny) { return .value(0) }
    var total = 0.0
    for c in 0..<groups.count {
      var worst = 0.0
      for e in 0..<groups.count where e != c && separations[c, e] != 0 {
        worst = max(worst, (spreads[c] + spreads[e]) / separations[c, e])
      }
      total += worst
    }
    return .value(total / Double(groups.count))
  }
}
