import WorkbenchNumerics

extension Agglomerative {
  /// The Ward merge tree of the rows of `x`, by the nearest-neighbour chain over cluster centroids and sizes.
  ///
  /// Follows scipy's `nn_chain` step for step: the chain starts at the live
  /// cluster with the lowest id; each step finds the cluster whose merge with
  /// the chain's top costs least (the lowest id among equal costs), except
  /// that the previous element wins a tie, and two mutual nearest neighbours
  /// merge. Each scan only looks for costs up to the previous element's,
  /// which lets it drop far clusters early. Merging a < b keeps the new cluster under id b, its centroid the
  /// size-weighted mean of both, which is exactly the Lance–Williams Ward update
  /// scipy applies to its matrix. Costs are the squared heights
  /// (``BlockedPoints/wardCost(_:_:)``), so the heights are their square roots.
  /// Domain: at least one row.
  /// - Complexity: O(rows² · columns) time, each chain step one scan of the live
  ///   centroids spread over the cores; O(rows · columns) memory.
  static func wardTree(_ x: Matrix, context: FitContext) throws -> LinkageMatrix {
    var points = BlockedPoints(x)
    var steps: [(left: Int, right: Int, height: Double)] = []
    steps.reserveCapacity(max(x.rows - 1, 0))
    var chain: [Int] = []
    chain.reserveCapacity(x.rows)
    var lowestLive = 0
    while points.count > 1 {
      if steps.count % 64 == 0 { try context.checkCancellation() }
      if chain.isEmpty {
        while !points.contains(lowestLive) { lowestLive += 1 }
        chain.append(lowestLive)
      }
      var cost = Double.infinity
      while true {
        let top = chain[chain.count - 1]
        cost = chain.count > 1 ? points.wardCost(top, chain[chain.count - 2]) : .infinity
        guard let nearest = points.nearestByWardCost(to: top, atMost: cost), nearest.cost < cost else {
          precondition(chain.count > 1, "a cluster without a neighbour at finite cost")
          break
        }
        chain.append(nearest.id)
      }
      let a = min(chain[chain.count - 1], chain[chain.count - 2]), b = max(chain[chain.count - 1], chain[chain.count - 2])
      chain.removeLast(2)
      points.mergeWeightedMean(a, into: b)
      steps.append((a, b, cost.squareRoot()))
    }
    return LinkageMatrix(leafCount: x.rows, steps: steps)
  }
}
