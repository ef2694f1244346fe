import WorkbenchNumerics

extension KMedoids {
  /// The outcome of one k-medoids optimisation.
  struct Run {
    var medoids: [Int]
    var assignment: Assignment
    var totalDeviation: Double
    var iterations: Int
    var converged: Bool
  }

  /// PAM's BUILD: the row with the least total dissimilarity, then greedily the row that lowers the total most.
  ///
  /// As Kaufman & Rousseeuw (1990) and R's `cluster::pam`: each further medoid
  /// maximises the gain Σ_o max(D(o, nearest medoid) − D(o, i), 0) over the
  /// rows i that are not yet medoids; ties go to the lowest row index.
  /// - Complexity: O(k · rows²) dissimilarities.
  static func build<D: Dissimilarities>(_ d: D, count k: Int, context: FitContext) throws -> [Int] {
    let n = d.count
    var first = 0, firstTotal = Double.infinity
    for i in 0..<n {
      var total = 0.0
      for j in 0..<n where j != i { total += d(i, j) }
      if total < firstTotal { (first, firstTotal) = (i, total) }
    }
    var medoids = [first]
    var isMedoid = Array(repeating: false, count: n)
    isMedoid[first] = true
    var nearest = (0..<n).map { d(first, $0) }
    while medoids.count < k {
      try context.checkCancellation()
      var best = -1, bestGain = -Double.infinity
      for i in 0..<n where !isMedoid[i] {
        var gain = 0.0
        for j in 0..<n where j != i {
          let distance = d(i, j)
          if distance < nearest[j] { gain += nearest[j] - distance }
        }
        if gain > bestGain { (best, bestGain) = (i, gain) }
      }
      medoids.append(best)
      isMedoid[best] = true
      for j in 0..<n { nearest[j] = min(nearest[j], d(best, j)) }
      nearest[best] = 0
    }
    return medoids
  }

  /// PAM's SWAP with the FastPAM1 speed-up: the best (medoid, non-medoid) exchange each iteration, until none helps.
  ///
  /// Classic PAM evaluates each of the k · (n − k) swaps in O(n): O(k · n²) per
  /// iteration. FastPAM1 (Schubert & Rousseeuw 2019, 2021) finds the same best
  /// swap in O(n²): for a candidate row j, the change in total deviation of
  /// replacing medoid m is
  ///
  ///     Δ(m, j) = removal(m) + Σ_o min(D(o,j) − dₙ(o), 0) + Σ_{o: nearest(o) = m} [min(D(o,j), dₛ(o)) − dₛ(o) − min(D(o,j) − dₙ(o), 0)]
  ///
  /// with removal(m) = Σ_{o: nearest(o) = m} (dₛ(o) − dₙ(o)), dₙ and dₛ the
  /// distances to the nearest and second-nearest medoid; one pass over the rows
  /// gives Δ for all k medoids at once. Candidates are scanned in row order and
  /// the first strictly best swap is kept, as in the `kmedoids` package's PAM,
  /// so the result is PAM's (up to ties decided by floating-point rounding).
  /// Stops when no swap lowers the total (converged) or after `maxIterations`.
  /// - Complexity: O(rows²) per iteration plus O(rows · k) per swap; the matrix is 8 · rows² bytes.
  static func pamSwap(_ d: DissimilarityMatrix, medoids start: [Int], maxIterations: Int, context: FitContext) throws -> Run {
    let n = d.count
    let k = start.count
    // With one medoid the best swap is the row of least total dissimilarity, BUILD's first choice.
    var medoids = k == 1 ? try build(d, count: 1, context: context) : start
    var assignment = Assignment(d, medoids: medoids)
    var loss = assignment.totalDeviation
    context.log(.iteration(0, objective: loss))
    guard k > 1 else {
      return Run(medoids: medoids, assignment: assignment, totalDeviation: loss, iterations: 1, converged: true)
    }
    var isMedoid = Array(repeating: false, count: n)
    for m in medoids { isMedoid[m] = true }
    var removal = Array(repeating: 0.0, count: k)
    var delta = Array(repeating: 0.0, count: k)
    var iterations = 0
    var converged = false
    while iterations < maxIterations {
      try context.checkCancellation()
      iterations += 1
      for m in 0..<k { removal[m] = 0 }
      for o in 0..<n { removal[assignment.nearest[o]] += assignment.secondDistance[o] - assignment.nearestDistance[o] }
      var bestChange = 0.0, bestSlot = -1, bestRow = -1
      for j in 0..<n where !isMedoid[j] {
        for m in 0..<k { delta[m] = removal[m] }
        var shared = 0.0
        for o in 0..<n {
          let distance = d(j, o)
          let near = assignment.nearestDistance[o], next = assignment.secondDistance[o]
          if distance < near {
            shared += distance - near
            delta[assignment.nearest[o]] += near - next
          } else if distance < next {
            delta[assignment.nearest[o]] += distance - next
          }
        }
        var slot = 0
        for m in 1..<k where delta[m] < delta[slot] { slot = m }
        let change = delta[slot] + shared
        if change < bestChange { (bestChange, bestSlot, bestRow) = (change, slot, j) }
      }
      guard bestSlot >= 0 else {
        converged = true
        break
      }
      let previous = medoids[bestSlot]
      medoids[bestSlot] = bestRow
      assignment.update(d, medoids: medoids)
      let newLoss = assignment.totalDeviation
      guard newLoss < loss else {
        // The predicted gain was rounding noise: undo the swap and stop.
        medoids[bestSlot] = previous
        assignment.update(d, medoids: medoids)
        converged = true
        break
      }
      isMedoid[previous] = false
      isMedoid[bestRow] = true
      loss = newLoss
      context.log(.iteration(iterations, objective: loss))
    }
    return Run(medoids: medoids, assignment: assignment, totalDeviation: loss, iterations: iterations, converged: converged)
  }
}
