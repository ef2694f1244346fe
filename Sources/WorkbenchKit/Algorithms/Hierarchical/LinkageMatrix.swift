import WorkbenchNumerics

/// A merge tree in scipy's linkage-matrix form: n − 1 merges `[a, b, height, size]` over n leaves (rows).
///
/// Leaves are the rows `0..<n`; merge i creates node `n + i` from nodes `a < b`
/// at `height`, holding `size` rows. Merges are sorted by height, equal
/// heights keeping the order in which the algorithm found them (scipy's stable
/// `argsort(kind="mergesort")`), and named by scipy's `label` step, so the
/// matrix is the one `scipy.cluster.hierarchy.linkage` returns, and the one
/// scikit-learn's `AgglomerativeClustering` cuts.
///
/// It names rows and nodes, never final labels, so relabelling a clustering
/// leaves it valid (``Clustering/hierarchy``).
public struct LinkageMatrix: Sendable, Equatable {
  /// One row of the matrix.
  public struct Merge: Sendable, Equatable {
    /// The smaller node id merged.
    public var left: Int
    /// The larger node id merged.
    public var right: Int
    /// The linkage distance between the two (scipy's `Z[i, 2]`).
    public var height: Double
    /// Rows under the new node.
    public var size: Int
  }

  /// Rows (leaves).
  public let leafCount: Int
  /// The n − 1 merges, by increasing height.
  public let merges: [Merge]

  /// The matrix of merges given in the order an algorithm found them, each naming one row of each of the two
  /// clusters it joins (what scipy's `nn_chain` and `mst_single_linkage` produce before their `label` step).
  ///
  /// Merges are stably sorted by height, then named with a union–find: the
  /// clusters of the two rows become the nodes `a < b`, and the new node gets
  /// the next id. Domain: `steps.count == leafCount − 1`, rows in range, a tree (checked).
  /// - Complexity: O(n log n).
  init(leafCount n: Int, steps: [(left: Int, right: Int, height: Double)]) {
    precondition(steps.count == max(n - 1, 0), "\(steps.count) merges for \(n) leaves")
    let order = steps.indices.sorted { steps[$0].height < steps[$1].height || (steps[$0].height == steps[$1].height && $0 < $1) }
    var forest = Forest(leafCount: n)
    var sizes = Array(repeating: 1, count: max(2 * n - 1, 0))
    var merges: [Merge] = []
    merges.reserveCapacity(steps.count)
    for (i, step) in order.map({ steps[$0] }).enumerated() {
      let a = forest.root(step.left), b = forest.root(step.right)
      precondition(a != b, "merge \(i) joins a cluster with itself")
      let node = n + i
      forest.join(a, b, as: node)
      sizes[node] = sizes[a] + sizes[b]
      merges.append(Merge(left: min(a, b), right: max(a, b), height: step.height, size: sizes[node]))
    }
    leafCount = n
    self.merges = merges
  }

  /// The clusters left when the last `clusterCount − 1` merges are undone, as labels numbered by first row.
  ///
  /// scikit-learn's `_hc_cut` splits the node with the largest id k − 1
  /// times; since a node's id exceeds its children's, that undoes exactly the
  /// last k − 1 merges, which is what this does (ties in height therefore cut
  /// as scikit-learn cuts). Domain: 1 ≤ `clusterCount` ≤ `leafCount` (checked).
  /// - Complexity: O(n α(n)).
  public func labels(clusterCount k: Int) -> [Int] {
    precondition(k >= 1 && k <= max(leafCount, 1), "cannot cut \(leafCount) leaves into \(k) clusters")
    var forest = Forest(leafCount: leafCount)
    for (i, merge) in merges.prefix(leafCount - k).enumerated() { forest.join(merge.left, merge.right, as: leafCount + i) }
    var labelOfRoot = Array(repeating: -1, count: max(2 * leafCount - 1, 1))
    var next = 0
    return (0..<leafCount).map { row in
      let top = forest.root(row)
      if labelOfRoot[top] < 0 {
        labelOfRoot[top] = next
        next += 1
      }
      return labelOfRoot[top]
    }
  }

  /// The number of clusters scikit-learn keeps for `distance_threshold` t: one more than the merges at height ≥ t.
  public func clusterCount(threshold t: Double) -> Int {
    merges.reduce(1) { $0 + ($1.height >= t ? 1 : 0) }
  }

  /// The matrix as JSON: `{"format": "scipy-linkage", "leaves": n, "merges": [[a, b, height, size], …]}` plus `extra`.
  public func json(adding extra: [String: JSONValue] = [:]) -> JSONValue {
    var fields = extra
    fields["format"] = "scipy-linkage"
    fields["leaves"] = .int(leafCount)
    fields["merges"] = .array(merges.map { .array([.int($0.left), .int($0.right), .double($0.height), .int($0.size)]) })
    return .object(fields)
  }

  /// The nodes of a growing merge tree, each pointing towards its current root (a union–find with path compression).
  struct Forest {
    private var parent: [Int]

    /// The n leaves alone, with room for the n − 1 nodes merges create.
    init(leafCount n: Int) { parent = Array(0..<max(2 * n - 1, 1)) }

    /// The root of the tree holding `node`, shortening the path on the way.
    mutating func root(_ node: Int) -> Int {
      var top = node
      while parent[top] != top { top = parent[top] }
      var walk = node
      while parent[walk] != top { (walk, parent[walk]) = (parent[walk], top) }
      return top
    }

    /// Makes the roots `a` and `b` children of the new node `node`.
    mutating func join(_ a: Int, _ b: Int, as node: Int) {
      parent[a] = node
      parent[b] = node
    }
  }
}
