import WorkbenchNumerics

/// Dunn index: the smallest distance between rows of different clusters over the largest cluster diameter.
///
/// D = min_{c≠e} min_{i∈c, j∈e} ‖xᵢ − xⱼ‖ / max_c max_{i,j∈c} ‖xᵢ − xⱼ‖ — the
/// classic index with single-linkage separation and complete diameter. Higher
/// is better; it is driven by the single worst pair, so one outlier can move it.
/// scikit-learn has no function for it; the reference is the formula over
/// `scipy.spatial.distance.cdist`. Minima and maxima do not depend on the
/// order of evaluation, so the value is exact and identical on any thread count.
///
/// Edge cases: undefined with fewer than 2 clusters, with as many clusters as
/// rows, or when every cluster has diameter 0 (all its rows identical);
/// rows labelled −1 are ignored.
/// - Complexity: O(rows² · columns) time, parallel over fixed chunks of rows;
///   O(rows) extra memory per running chunk.
/// - SeeAlso: Dunn, "Well-separated clusters and optimal fuzzy partitions", J. Cybernetics 4, 1974.
public struct Dunn: ClusterMetric {
  public static let name = "dunn"
  public static let summary = "Dunn index, min separation over max diameter, ≥ 0; higher is better."
  public static let parameters: [ParameterSpec] = []
  /// O(rows²) distances: computed only when listed.
  public static let computedByDefault = false
  public static let direction = MetricDirection.higherIsBetter
  public static let bounds: ClosedRange<Double>? = 0...Double.infinity
  /// Every pair of rows, with no sampled form.
  public static let pairwiseCost: PairwiseCost? = PairwiseCost()

  /// Rows per parallel chunk; a constant, so nothing depends on the core count.
  static let chunkSize = 256

  public init(validated parameters: Parameters) throws {}

  public func score(_ input: MetricInput, context: FitContext) throws -> Score {
    let x = input.features
    let groups = ClusterGroups(labels: input.clustering.labels)
    if let reason = groups.reasonComparisonIsUndefined { return .undefined("dunn \(reason)") }
    let chunkCount = (x.rows + Self.chunkSize - 1) / Self.chunkSize
    let extremes = try Parallel.map(count: chunkCount) { chunk in
      try context.checkCancellation()
      var distances: [Double] = []
      var separation = Double.infinity, diameter = 0.0
      for i in (chunk * Self.chunkSize)..<min((chunk + 1) * Self.chunkSize, x.rows) where groups.groupOfRow[i] >= 0 {
        Distance.squaredEuclidean(x, row: i, toEveryRowOf: x, into: &distances)
        let own = groups.groupOfRow[i]
        for j in 0..<x.rows where groups.groupOfRow[j] >= 0 {
          if groups.groupOfRow[j] == own {
            diameter = max(diameter, distances[j])
          } else {
            separation = min(separation, distances[j])
          }
        }
      }
      return (separation: separation, diameter: diameter)
    }
    let separation = extremes.map(\.separation).min()!
    let diameter = extremes.map(\.diameter).max()!
    guard diameter > 0 else { return .undefined("dunn needs a cluster with two distinct rows; every cluster has diameter 0") }
    return .value(separation.squareRoot() / diameter.squareRoot())
  }
}
