import WorkbenchNumerics

/// Mean silhouette coefficient with exact Euclidean distances.
///
/// For row i with mean distance a to the other rows of its cluster and b to
/// the rows of the nearest other cluster, s(i) = (b − a) / max(a, b); the score
/// is the mean of s over all non-noise rows. Higher is better; 1 means tight,
/// well-separated clusters. Matches `sklearn.metrics.silhouette_score(x, labels)`
/// on the rows left after removing noise, including s = 0 for a row alone in
/// its cluster (and for a row with a = b = 0).
///
/// Edge cases: undefined with fewer than 2 clusters or with as many clusters
/// as rows (scikit-learn raises there); rows labelled −1 are ignored.
/// - Complexity: O(rows² · columns) time; O(rows + clusters) extra memory,
///   one row of distances at a time, never the rows × rows matrix.
/// - SeeAlso: Rousseeuw, "Silhouettes", J. Comput. Appl. Math. 20, 1987.
public struct Silhouette: ClusterMetric {
  public static let name = "silhouette"
  public static let summary = "Mean silhouette coefficient (Euclidean), in [-1, 1]; higher is better."
  public static let parameters: [ParameterSpec] = []
  public static let direction = MetricDirection.higherIsBetter
  public static let bounds: ClosedRange<Double>? = -1...1
  public static let kRule: KSelectionRule? = .maximum

  public init(validated parameters: Parameters) throws {}

  public func score(_ input: MetricInput, context: FitContext) throws -> Score {
    let x = input.features
    let groups = ClusterGroups(labels: input.clustering.labels)
    if let reason = groups.reasonComparisonIsUndefined { return .undefined("silhouette \(reason)") }
    var distances = Array(repeating: 0.0, count: x.rows)
    var sums = Array(repeating: 0.0, count: groups.count)
    var total = 0.0
    for i in 0..<x.rows where groups.groupOfRow[i] >= 0 {
      try context.checkCancellation()
      Distance.squaredEuclidean(x, row: i, toEveryRowOf: x, into: &distances)
      for g in sums.indices { sums[g] = 0 }
      for j in 0..<x.rows where groups.groupOfRow[j] >= 0 && j != i {
        sums[groups.groupOfRow[j]] += distances[j].squareRoot()
      }
      total += Silhouette.coefficient(own: groups.groupOfRow[i], sums: sums, sizes: groups.sizes)
    }
    return .value(total / Double(groups.memberCount))
  }

  /// s(i) from the per-cluster distance sums of one row; 0 for a singleton cluster or when a = b = 0.
  static func coefficient(own: Int, sums: [Double], sizes: [Int]) -> Double {
    guard sizes[own] > 1 else { return 0 }
    let a = sums[own] / Double(sizes[own] - 1)
    var b = Double.infinity
    for g in sums.indices where g != own { b = min(b, sums[g] / Double(sizes[g])) }
    let scale = max(a, b)
    return scale > 0 ? (b - a) / scale : 0
  }
}
