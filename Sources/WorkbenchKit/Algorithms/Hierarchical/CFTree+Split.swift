extension CFTree {
  /// Splits an overflowing node in two around its farthest pair of entries; returns the two new parent entries.
  ///
  /// scikit-learn's `_split_node`: squared distances between the entries'
  /// centroids are ‖cᵢ‖² − 2 cᵢ·cⱼ + ‖cⱼ‖² (clipped at 0, 0 on the diagonal),
  /// the farthest pair (i, j) is the first maximum in row order, and each
  /// entry goes to the first new node if it is strictly nearer to cᵢ than to
  /// cⱼ (entry i always does), else to the second, keeping its order. The new
  /// nodes replace the old one in the chain of leaves, and each gets a parent
  /// entry summing its entries (``ClusteringFeature/absorb(_:)`` in order).
  mutating func split(_ node: Int) -> (Int, Int) {
    let entries = nodes[node].entries
    let isLeaf = nodes[node].isLeaf
    let centroids = entries.map { features[$0].centroid }
    let norms = centroids.map { ClusteringFeature.dot($0, $0) }
    let m = entries.count
    var distance = Array(repeating: Array(repeating: 0.0, count: m), count: m)
    var farthest = (0, 0), largest = -Double.infinity
    for i in 0..<m {
      for j in 0..<m {
        if i != j { distance[i][j] = max(-2 * ClusteringFeature.dot(centroids[min(i, j)], centroids[max(i, j)]) + norms[i] + norms[j], 0) }
        if distance[i][j] > largest { (farthest, largest) = ((i, j), distance[i][j]) }
      }
    }
    let first = nodes.count, second = nodes.count + 1
    nodes.append(Node(isLeaf: isLeaf))
    nodes.append(Node(isLeaf: isLeaf))
    if isLeaf {
      let previous = nodes[node].previousLeaf, next = nodes[node].nextLeaf
      if let previous { nodes[previous].nextLeaf = first }
      nodes[first].previousLeaf = previous
      nodes[first].nextLeaf = second
      nodes[second].previousLeaf = first
      nodes[second].nextLeaf = next
      if let next { nodes[next].previousLeaf = second }
    }
    var parents = [ClusteringFeature(columns: columns, child: first), ClusteringFeature(columns: columns, child: second)]
    for (slot, entry) in entries.enumerated() {
      let side = slot == farthest.0 || distance[farthest.0][slot] < distance[farthest.1][slot] ? 0 : 1
      nodes[side == 0 ? first : second].entries.append(entry)
      parents[side].absorb(features[entry])
    }
    features += parents
    return (features.count - 2, features.count - 1)
  }
}
