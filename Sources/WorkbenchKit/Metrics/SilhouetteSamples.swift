import WorkbenchNumerics

/// Every row's silhouette coefficient and each cluster's mean: what silhouette plots draw.
///
/// For row i with mean distance a to the other rows of its cluster and b to
/// the rows of the nearest other cluster, s(i) = (b − a) / max(a, b), with
/// s = 0 for a row alone in its cluster and when a = b = 0, as
/// `sklearn.metrics.silhouette_samples` gives. Distances are exact Euclidean
/// distances. Noise rows (label −1) are left out of every mean and have no
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

  /// Rows scored per parallel chunk; a constant so results never depend on the core count.
  static let chunkSize = 128

  /// Computes every row's coefficient, or says why the silhouette is undefined.
  ///
  /// Blocked and parallel: rows are grouped by cluster once, then chunks of
  /// ``chunkSize`` rows run concurrently; each chunk adds its rows' distance
  /// sums to one cluster at a time (``Distance/addEuclideanSums(_:queries:candidates:to:panel:)``),
  /// keeping only a running a and b per row. Chunk results are combined in
  /// chunk order and means are summed in row order, so the value is
  /// bit-identical for any thread count. Polls `context` for cancellation once per chunk.
  ///
  /// Edge cases: `.failure` with the reason when fewer than 2 clusters or
  /// as many clusters as non-noise rows (scikit-learn raises there).
  /// - Complexity: O(rows² · columns) time; O(rows + clusters) memory plus a
  ///   fixed 8 × columns panel and ``chunkSize`` sums per running chunk.
  public static func compute(_ x: Matrix, labels: [Int], context: FitContext) throws -> Result<SilhouetteSamples, SilhouetteUndefined> {
    precondition(labels.count == x.rows, "one label per row")
    let groups = ClusterGroups(labels: labels)
    if let reason = groups.reasonComparisonIsUndefined { return .failure(SilhouetteUndefined(reason: reason)) }
    var offsets = Array(repeating: 0, count: groups.count + 1)
    for g in 0..<groups.count { offsets[g + 1] = offsets[g] + groups.sizes[g] }
    let starts = offsets
    var byCluster = Array(repeating: 0, count: groups.memberCount)
    var fill = Array(offsets.dropLast())
    var members: [Int] = []
    members.reserveCapacity(groups.memberCount)
    for i in 0..<x.rows where groups.groupOfRow[i] >= 0 {
      byCluster[fill[groups.groupOfRow[i]]] = i
      fill[groups.groupOfRow[i]] += 1
      members.append(i)
    }
    let candidates = byCluster
    let queries = members
    let chunkCount = (queries.count + chunkSize - 1) / chunkSize
    let chunks = try Parallel.map(count: chunkCount) { chunk in
      try context.checkCancellation()
      let rows = queries[(chunk * chunkSize)..<min((chunk + 1) * chunkSize, queries.count)]
      var sums = Array(repeating: 0.0, count: rows.count)
      var panel: [Double] = []
      var a = Array(repeating: 0.0, count: rows.count)
      var b = Array(repeating: Double.infinity, count: rows.count)
      for g in 0..<groups.count {
        for q in sums.indices { sums[q] = 0 }
        Distance.addEuclideanSums(x, queries: rows, candidates: candidates[starts[g]..<starts[g + 1]], to: &sums, panel: &panel)
        for (q, row) in zip(sums.indices, rows) {
          if groups.groupOfRow[row] == g {
            a[q] = sums[q] / Double(groups.sizes[g] - 1)
          } else {
            b[q] = min(b[q], sums[q] / Double(groups.sizes[g]))
          }
        }
      }
      return zip(sums.indices, rows).map { q, row in
        coefficient(a: a[q], b: b[q], clusterSize: groups.sizes[groups.groupOfRow[row]])
      }
    }
    var values = [Double?](repeating: nil, count: x.rows)
    for (row, s) in zip(queries, chunks.joined()) { values[row] = s }
    var clusterSums = Array(repeating: 0.0, count: groups.count)
    var total = 0.0
    for row in queries {
      let s = values[row]!
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
