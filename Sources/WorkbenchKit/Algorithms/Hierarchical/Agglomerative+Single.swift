import WorkbenchNumerics

extension Agglomerative {
  /// The single-linkage merge tree of the rows of `x`, from Prim's minimum spanning tree.
  ///
  /// scipy's `mst_single_linkage` without its matrix: starting from row 0,
  /// the last row added to the tree updates every outside row's distance to
  /// the tree, and the outside row nearest to the tree joins next (the lowest
  /// row among equal distances); the edge is recorded from the row added
  /// before it, as scipy records it. Distances are computed as needed
  /// (``BlockedPoints/distances(fromRow:of:metric:into:)``), so memory stays
  /// O(rows) besides the data. Domain: at least one row.
  /// - Complexity: O(rows² · columns) time spread over the cores, O(rows · columns) memory.
  static func singleTree(_ x: Matrix, metric: PointMetric, context: FitContext) throws -> LinkageMatrix {
    var outside = BlockedPoints(x)
    var toTree = Array(repeating: Double.infinity, count: x.rows)
    var distances: [Double] = []
    var steps: [(left: Int, right: Int, height: Double)] = []
    steps.reserveCapacity(max(x.rows - 1, 0))
    var added = 0
    for step in 0..<max(x.rows - 1, 0) {
      if step % 64 == 0 { try context.checkCancellation() }
      outside.remove(added)
      outside.distances(fromRow: added, of: x, metric: metric, into: &distances)
      var next = Int.max, nearest = Double.infinity
      for (position, row) in outside.ids.enumerated() {
        let d = min(toTree[row], distances[position])
        toTree[row] = d
        if d < nearest || (d == nearest && row < next) { (next, nearest) = (row, d) }
      }
      steps.append((added, next, nearest))
      added = next
    }
    return LinkageMatrix(leafCount: x.rows, steps: steps)
  }
}
