import WorkbenchNumerics

/// A single-linkage dendrogram in scipy's linkage-matrix form, built from a minimum spanning tree.
///
/// Merge `i` joins `left[i]` and `right[i]` at height `distance[i]` into a
/// cluster of `size[i]` rows; ids below `rows` are rows, id `rows + j` is the
/// cluster made by merge `j`. Built as scikit-learn's `make_single_linkage`
/// does: edges sorted by weight, then each joins the clusters of its two
/// ends, the searching row's cluster on the left. Equal weights keep a fixed
/// order (lower first row, then lower second row), so the tree is reproducible.
struct SingleLinkage: Sendable, Equatable {
  /// Number of rows (leaves).
  let rows: Int
  var left: [Int] = []
  var right: [Int] = []
  var distance: [Double] = []
  var size: [Int] = []

  /// The dendrogram of `edges`, a spanning tree of `rows` rows.
  /// - Complexity: O(rows · log rows).
  init(edges: [SpanningEdge], rows: Int) {
    precondition(edges.count == max(rows - 1, 0), "\(edges.count) edges for \(rows) rows")
    self.rows = rows
    let sorted = edges.sorted { a, b in
      if a.distance != b.distance { return a.distance < b.distance }
      let (la, lb) = (min(a.from, a.to), min(b.from, b.to))
      return la != lb ? la < lb : max(a.from, a.to) < max(b.from, b.to)
    }
    var parent = Array(0..<(2 * rows))
    var sizes = Array(repeating: 1, count: 2 * rows)
    func find(_ x: Int) -> Int {
      var root = x
      while parent[root] != root { root = parent[root] }
      var node = x
      while parent[node] != root { (parent[node], node) = (root, parent[node]) }
      return root
    }
    for (i, edge) in sorted.enumerated() {
      let (a, b) = (find(edge.from), find(edge.to))
      let merged = rows + i
      left.append(a)
      right.append(b)
      distance.append(edge.distance)
      size.append(sizes[a] + sizes[b])
      parent[a] = merged
      parent[b] = merged
      sizes[merged] = sizes[a] + sizes[b]
    }
  }

  /// The number of rows under node `id` (a row or a merge).
  func count(_ id: Int) -> Int { id < rows ? 1 : size[id - rows] }
}
