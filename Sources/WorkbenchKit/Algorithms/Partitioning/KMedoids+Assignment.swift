import WorkbenchNumerics

extension KMedoids {
  /// Each row's nearest and second-nearest medoid (by slot) and the dissimilarities to them.
  ///
  /// A medoid row belongs to its own slot; any other row goes to the nearest
  /// medoid, ties to the lowest slot. The second nearest is the best other
  /// slot (infinity when k = 1).
  struct Assignment {
    var nearest: [Int]
    var nearestDistance: [Double]
    var second: [Int]
    var secondDistance: [Double]

    init<D: Dissimilarities>(_ d: D, medoids: [Int]) {
      let n = d.count
      nearest = Array(repeating: 0, count: n)
      nearestDistance = Array(repeating: 0, count: n)
      second = Array(repeating: -1, count: n)
      secondDistance = Array(repeating: .infinity, count: n)
      update(d, medoids: medoids)
    }

    /// Recomputes every row's nearest and second-nearest medoid.
    /// - Complexity: O(rows · k) dissimilarities.
    mutating func update<D: Dissimilarities>(_ d: D, medoids: [Int]) {
      for o in 0..<nearest.count {
        var best = -1, bestDistance = Double.infinity
        var next = -1, nextDistance = Double.infinity
        let own = medoids.firstIndex(of: o)
        for (slot, m) in medoids.enumerated() {
          let distance = d(o, m)
          if slot == own || (own == nil && (best < 0 || distance < bestDistance)) {
            if best >= 0 { (next, nextDistance) = (best, bestDistance) }
            (best, bestDistance) = (slot, distance)
          } else if next < 0 || distance < nextDistance {
            (next, nextDistance) = (slot, distance)
          }
        }
        nearest[o] = best
        nearestDistance[o] = bestDistance
        second[o] = next
        secondDistance[o] = nextDistance
      }
    }

    /// Σ dissimilarity of each row to its medoid, in row order.
    var totalDeviation: Double { nearestDistance.reduce(0, +) }
  }
}
