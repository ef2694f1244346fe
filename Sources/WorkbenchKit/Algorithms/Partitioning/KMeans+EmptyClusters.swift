import WorkbenchNumerics

extension KMeans {
  /// Gives every empty cluster one row: the rows farthest from their own centers, farthest first.
  ///
  /// scikit-learn's `_relocate_empty_clusters_dense`: the moved row leaves its
  /// old cluster's sum and count and becomes the empty cluster's only member;
  /// labels are left alone, the next assignment step settles them. Only the
  /// clusters empty on entry are refilled. Among rows at equal distance the
  /// lowest index moves first. Rare, so written for clarity rather than speed.
  /// - Complexity: O(rows · (columns + empty clusters)).
  @inline(never)
  static func relocateEmptyClusters(_ x: Matrix, centers: Matrix, labels: [Int], sums: inout Matrix, counts: inout [Int]) {
    var distances = (0..<x.rows).map { Distance.squaredEuclidean(x, row: $0, centers, row: labels[$0]) }
    let empties = counts.indices.filter { counts[$0] == 0 }
    for empty in empties {
      var far = -1
      for i in 0..<x.rows where distances[i] != -.infinity && (far < 0 || distances[i] > distances[far]) {
        far = i
      }
      guard far >= 0 else { return }
      distances[far] = -.infinity
      let old = labels[far]
      for j in 0..<x.columns {
        sums[old, j] -= x[far, j]
        sums[empty, j] = x[far, j]
      }
      counts[old] -= 1
      counts[empty] = 1
    }
  }
}
