import WorkbenchNumerics

/// Every row's silhouette coefficient and each cluster's mean: what silhouette plots draw.
///
/// For row i with mean distance a to the other rows of its cluster and b to
/// the rows of the nearest other cluster, s(i) = (b − a) / max(a, b), with
/// s = 0 for a row alone in its cluster and when a = b = 0, as
/// `sklearn.metrics.silhouette_samples` gives. Distances are Euclidean, from
/// ‖x‖² + ‖y‖² − 2x·y as scikit-learn computes them, recomputed from exact
/// differences where that form would cancel. Noise rows (label −1) are left out of every mean and have no
/// value (see ``ClusterGroups``).
public struct SilhouetteSamples: Sendable, Equatable {
  /// s(i) per row, `nil` for noise rows.
  public var values: [Double?]
  /// The labels present, increasing; ``clusterMeans`` follows this order.
  public var clusterLabels: [Int]
  /// The mean s over each cluster's rows.
  public var clusterMeans: [Double]
  /// The mean s over all non-noise rows: the silhouette score.
  public var mean: Double

  /// Computes every row's coefficient, or says why the silhouette is undefined.
  ///
  /// Rows are grouped by cluster once; ``Distance/meanClusterDistances(_:rowsByCluster:clusterStarts:shouldStop:)``
  /// then computes each distance once, in fixed tiles spread over the cores,
  /// keeping only a running a and b per row. The order of every addition is
  /// fixed by the data and means are summed in row order, so the value is
  /// bit-identical for any thread count. Polls `context` for cancellation
  /// once per row of tiles.
  ///
  /// Edge cases: `.failure` with the reason when fewer than 2 clusters or
  /// as many clusters as non-noise rows (scikit-learn raises there).
  /// - Complexity: O(rows² · columns / 2) time; O(rows + clusters) memory plus
  ///   fixed-size panels and tiles per core.
  public static func compute(_ x: Matrix, labels: [Int], context: FitContext) throws -> Result<SilhouetteSamples, SilhouetteUndefined> {
    precondition(labels.count == x.rows, "one label per row")
    let groups = ClusterGroups(labels: labels)
    if let reason = groups.reasonComparisonIsUndefined { return .failure(SilhouetteUndefined(reason: reason)) }
    var starts = Array(repeating: 0, count: groups.count + 1)
    for g in 0..<groups.count { starts[g + 1] = starts[g] + groups.sizes[g] }
    var byCluster = Array(repeating: 0, count: groups.memberCount)
    var fill = Array(starts.dropLast())
    for i in 0..<x.rows where groups.groupOfRow[i] >= 0 {
      byCluster[fill[groups.groupOfRow[i]]] = i
      fill[groups.groupOfRow[i]] += 1
    }
    let isCancelled = context.isCancelled
    guard let (a, b) = try Distance.meanClusterDistances(x, rowsByCluster: byCluster, clusterStarts: starts, shouldStop: isCancelled) else {
      throw FitError.cancelled
    }
    var values = [Double?](repeating: nil, count: x.rows)
    for (p, row) in byCluster.enumerated() {
      values[row] = coefficient(a: a[p], b: b[p], clusterSize: groups.sizes[groups.groupOfRow[row]])
    }
    var clusterSums = Array(repeating: 0.0, count: groups.count)
    var total = 0.0
    for row in 0..<x.rows {
      guard let s = values[row] else { continue }
      clusterSums[groups.groupOfRow[row]] += s
      total += s
    }
    let clusterLabels = Array(Set(labels.filter { $0 >= 0 })).sorted()
    return .success(
      SilhouetteSamples(
        values: values, clusterLabels: clusterLabels, clusterMeans: clusterSums.indices.map { clusterSums[$0] / Double(groups.sizes[$0]) },
        mean: total / Double(groups.memberCount)))
  }

  /// s from a row's mean intra-cluster distance `a` and nearest mean other-cluster distance `b`.
  static func coefficient(a: Double, b: Double, clusterSize: Int) -> Double {
    guard clusterSize > 1 else { return 0 }
    let scale = max(a, b)
    return scale > 0 ? (b - a) / scale : 0
  }
}

/// Why a silhouette does not exist for a labelling.
public struct SilhouetteUndefined: Error, Sendable, Equatable {
  /// "needs at least 2 clusters; found 1", and the like.
  public var reason: String
}
