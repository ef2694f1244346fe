extension CondensedTree {
  /// How flat clusters are chosen from the tree (HDBSCAN's `cluster_selection_method`).
  enum SelectionMethod: String, Sendable, CaseIterable {
    /// Excess of mass: a cluster is kept unless its descendants together are more stable.
    case eom
    /// The leaves of the cluster tree.
    case leaf
  }

  /// Index of cluster `id` in the per-cluster arrays.
  func slot(_ id: Int) -> Int { id - rows }

  /// Each cluster's parent cluster (−1 for the root), by slot.
  var clusterParents: [Int] {
    var out = Array(repeating: -1, count: largestCluster - rows + 1)
    for i in 0..<count where child[i] >= rows { out[slot(child[i])] = parent[i] }
    return out
  }

  /// Each cluster's child clusters in entry order, by slot.
  var clusterChildren: [[Int]] {
    var out = Array(repeating: [Int](), count: largestCluster - rows + 1)
    for i in 0..<count where child[i] >= rows { out[slot(parent[i])].append(child[i]) }
    return out
  }

  /// The λ at which each cluster splits from its parent (0 for the root), by slot.
  var births: [Double] {
    var out = Array(repeating: 0.0, count: largestCluster - rows + 1)
    for i in 0..<count where child[i] >= rows { out[slot(child[i])] = lambda[i] }
    return out
  }

  /// The largest λ among each cluster's direct entries (its "death"), by slot.
  var deaths: [Double] {
    var out = Array(repeating: 0.0, count: largestCluster - rows + 1)
    for i in 0..<count { out[slot(parent[i])] = max(out[slot(parent[i])], lambda[i]) }
    return out
  }

  /// Each cluster's stability Σ (λ_leave − λ_birth) · size over its entries, summed in entry order, by slot.
  var stabilities: [Double] {
    let birth = births
    var out = Array(repeating: 0.0, count: largestCluster - rows + 1)
    for i in 0..<count { out[slot(parent[i])] += (lambda[i] - birth[slot(parent[i])]) * Double(childSize[i]) }
    return out
  }

  /// The selected clusters, ascending, as scikit-learn's `_get_clusters` chooses them.
  ///
  /// Excess of mass visits clusters from the largest id down (children
  /// before parents): a cluster whose children's summed stability is larger,
  /// or that holds more than `maxClusterSize` rows (0: no limit), gives way to
  /// its children and takes their stability; otherwise it is kept and its
  /// descendants dropped. The root takes part only with `allowSingleCluster`.
  /// `leaf` takes the leaves of the cluster tree. A positive `epsilon` then
  /// replaces each chosen cluster born below distance `epsilon` by its first
  /// ancestor born above it (``epsilonSearch(_:epsilon:allowSingleCluster:)``).
  func selectedClusters(method: SelectionMethod, allowSingleCluster: Bool, epsilon: Double, maxClusterSize: Int) -> [Int] {
    let root = rows
    let nodes = Array(stride(from: largestCluster, through: allowSingleCluster ? root : root + 1, by: -1))
    let children = clusterChildren
    var candidate = Set(nodes)
    var isCluster = Set(nodes)
    switch method {
    case .eom:
      var stability = stabilities
      var sizes = Array(repeating: 0, count: largestCluster - rows + 1)
      for i in 0..<count where child[i] >= rows { sizes[slot(child[i])] = childSize[i] }
      sizes[0] = children[0].reduce(0) { $0 + sizes[slot($1)] }
      let limit = maxClusterSize > 0 ? maxClusterSize : rows + 1
      for node in nodes {
        let subtree = children[slot(node)].reduce(0.0) { $0 + stability[slot($1)] }
        if subtree > stability[slot(node)] || sizes[slot(node)] > limit {
          isCluster.remove(node)
          stability[slot(node)] = subtree
        } else {
          for sub in descendants(of: node, children: children) where sub != node { isCluster.remove(sub) }
        }
      }
      if epsilon != 0 && children.contains(where: { !$0.isEmpty }) {
        let chosen = nodes.filter { isCluster.contains($0) }
        if chosen == [root] {
          isCluster = allowSingleCluster ? [root] : []
        } else {
          isCluster = epsilonSearch(chosen.sorted(), epsilon: epsilon, allowSingleCluster: allowSingleCluster)
        }
      }
    case .leaf:
      let leaves = self.leaves(children: children)
      if leaves.isEmpty { candidate.insert(root) }
      isCluster = epsilon != 0 ? epsilonSearch(leaves.sorted(), epsilon: epsilon, allowSingleCluster: allowSingleCluster) : Set(leaves)
    }
    return isCluster.filter { candidate.contains($0) }.sorted()
  }

  /// `node` and every cluster below it, breadth first.
  func descendants(of node: Int, children: [[Int]]) -> [Int] {
    var out = [node]
    var next = 0
    while next < out.count {
      out += children[slot(out[next])]
      next += 1
    }
    return out
  }

  /// The clusters without child clusters, depth first from the root (none when the root has no child cluster).
  func leaves(children: [[Int]]) -> [Int] {
    guard !children[0].isEmpty else { return [] }
    var out: [Int] = []
    var stack = [rows]
    while let node = stack.popLast() {
      let below = children[slot(node)]
      if below.isEmpty { out.append(node) } else { stack += below.reversed() }
    }
    return out
  }

  /// scikit-learn's `epsilon_search`: clusters born below distance `epsilon` are replaced by their first ancestor born above it.
  ///
  /// Clusters are visited in ascending id (scikit-learn iterates a Python
  /// set, whose order differs only when two replaced clusters nest).
  func epsilonSearch(_ clusters: [Int], epsilon: Double, allowSingleCluster: Bool) -> Set<Int> {
    let parents = clusterParents
    let children = clusterChildren
    let birth = births
    var selected = Set<Int>()
    var processed = Set<Int>()
    for leaf in clusters {
      guard 1 / birth[slot(leaf)] < epsilon else {
        selected.insert(leaf)
        continue
      }
      guard !processed.contains(leaf) else { continue }
      var node = leaf
      var chosen = leaf
      while true {
        let up = parents[slot(node)]
        if up == rows {
          chosen = allowSingleCluster ? up : node
          break
        }
        if 1 / birth[slot(up)] > epsilon {
          chosen = up
          break
        }
        node = up
      }
      selected.insert(chosen)
      for sub in descendants(of: chosen, children: children) where sub != chosen { processed.insert(sub) }
    }
    return selected
  }
}
