import WorkbenchNumerics

/// A fitted ``MeanShift``: the centers, the bandwidth, and whether rows beyond it are noise.
///
/// Saved as `{"centers": [[…], …], "bandwidth": b, "cluster_all": true|false}`.
/// A row's label is its nearest center's (ties to the lower label); with
/// `cluster_all` false, a row farther than the bandwidth from every center is −1
/// (and a model whose centers were all dropped labels every row −1).
/// - Complexity: O(log centers · columns) per row in low dimension, O(centers · columns) at worst.
struct MeanShiftModel: Sendable {
  /// The cluster centers, by label.
  private(set) var centers: Matrix
  /// The kernel radius the centers were found with.
  let bandwidth: Double
  /// Every row gets its nearest center (no noise).
  let clusterAll: Bool

  init(centers: Matrix, bandwidth: Double, clusterAll: Bool) {
    precondition(centers.rows > 0 || !clusterAll, "a mean-shift model without centers labels nothing")
    self.centers = centers
    self.bandwidth = bandwidth
    self.clusterAll = clusterAll
  }

  /// Reads a model saved by ``json``.
  init(_ model: JSONValue) throws {
    let saved = try SavedState(model, owner: "mean-shift model")
    let centers = try saved.matrix("centers")
    let bandwidth = try saved.real("bandwidth")
    let clusterAll = try saved.bool("cluster_all")
    guard centers.rows > 0 || !clusterAll, bandwidth >= 0 else {
      throw SavedStateError(owner: "mean-shift model", detail: "'centers' must hold at least one row (with cluster_all) and 'bandwidth' be ≥ 0")
    }
    self.init(centers: centers, bandwidth: bandwidth, clusterAll: clusterAll)
  }

  /// The model as JSON.
  var json: JSONValue {
    ["centers": SavedState.encode(centers), "bandwidth": .double(bandwidth), "cluster_all": .bool(clusterAll)]
  }

  /// The label of each row of `x`; throws when `x` has other columns than the centers.
  func labels(for x: Matrix) throws(FitError) -> [Int] {
    guard x.columns == centers.columns else {
      throw .degenerate("the mean-shift model has \(centers.columns) features but the new rows have \(x.columns)")
    }
    guard centers.rows > 0 else { return Array(repeating: -1, count: x.rows) }
    return NeighborIndex(centers, metric: .euclidean).nearest(1, of: x).map { found in
      clusterAll || found[0].distance <= bandwidth ? found[0].index : -1
    }
  }

  /// Drops the centers no label in `labels` uses and renumbers `labels` to match (kept centers in order); the notes say what went.
  mutating func droppingUnusedCenters(labels: inout [Int]) -> [String] {
    var used = Array(repeating: false, count: centers.rows)
    for label in labels where label >= 0 { used[label] = true }
    guard used.contains(false) else { return [] }
    let kept = used.indices.filter { used[$0] }
    var renumbered = Array(repeating: -1, count: centers.rows)
    for (new, old) in kept.enumerated() { renumbered[old] = new }
    labels = labels.map { $0 >= 0 ? renumbered[$0] : -1 }
    let dropped = centers.rows - kept.count
    centers = centers.selecting(rows: kept)
    return ["\(dropped) of \(dropped + kept.count) centers were nearest to no row and were dropped"]
  }
}
