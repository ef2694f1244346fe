extension KMedoids {
  /// Alternating (Voronoi iteration) k-medoids from `start`, computing dissimilarities as needed.
  ///
  /// As scikit-learn-extra's `KMedoids(method="alternate")`: assign every row
  /// to its nearest medoid (a medoid to itself, other ties to the lowest slot),
  /// then make each cluster's medoid the member with the least total
  /// dissimilarity to the other members (the first such member in row order,
  /// and only when strictly better than the current medoid); stop when no
  /// medoid changes (converged) or after `maxIterations`. A cluster left empty
  /// keeps its medoid. Needs no n × n matrix, so it has no row limit.
  /// - Complexity: O(rows · k + Σ_c |c|²) dissimilarities per iteration, O(rows + k) memory.
  static func alternate(_ space: Space, medoids start: [Int], maxIterations: Int, context: FitContext) throws -> Run {
    var medoids = start
    var assignment = Assignment(space, medoids: medoids)
    var iterations = 0
    var converged = false
    var members: [[Int]] = Array(repeating: [], count: medoids.count)
    while iterations < maxIterations {
      try context.checkCancellation()
      iterations += 1
      for slot in members.indices { members[slot].removeAll(keepingCapacity: true) }
      for o in 0..<space.count { members[assignment.nearest[o]].append(o) }
      var changed = false
      for slot in medoids.indices where !members[slot].isEmpty {
        let current = members[slot].reduce(0.0) { $0 + space(medoids[slot], $1) }
        var best = medoids[slot], bestCost = Double.infinity
        for candidate in members[slot] {
          let cost = members[slot].reduce(0.0) { $0 + space(candidate, $1) }
          if cost < bestCost { (best, bestCost) = (candidate, cost) }
        }
        if bestCost < current {
          medoids[slot] = best
          changed = true
        }
      }
      assignment.update(space, medoids: medoids)
      context.log(.iteration(iterations, objective: assignment.totalDeviation))
      if !changed {
        converged = true
        break
      }
    }
    return Run(
      medoids: medoids, assignment: assignment, totalDeviation: assignment.totalDeviation, iterations: iterations, converged: converged)
  }
}
