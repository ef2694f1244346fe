import WorkbenchNumerics

extension MiniBatchKMeans {
  /// Running state across steps: center counts, early-stopping statistics, and scratch for one batch.
  struct StepState {
    /// Rows ever assigned to each center (scikit-learn's `_counts`).
    var counts: [Double]
    /// Exponentially weighted mean batch inertia, and its minimum so far.
    var smoothedInertia: Double?
    var smallestSmoothedInertia: Double?
    /// Steps since the smoothed inertia last improved.
    var stepsWithoutImprovement = 0
    /// Rows processed since the last reassignment check fired.
    var rowsSinceReassignment = 0
    /// Squared center change of the last step (0 when `tol` is 0).
    var centerChange = 0.0
    /// The batch rows, their labels, and the new centers being built.
    var batchRows: [Int]
    var labels: [Int]
    var newCenters: Matrix

    init(clusterCount: Int, batchSize: Int, columns: Int) {
      counts = Array(repeating: 0, count: clusterCount)
      batchRows = Array(repeating: 0, count: batchSize)
      labels = Array(repeating: 0, count: batchSize)
      newCenters = Matrix(rows: clusterCount, columns: columns)
    }

    /// scikit-learn's `_random_reassign`: every `10 · k` rows processed, or whenever a center has no rows.
    mutating func reassignmentDue() -> Bool {
      rowsSinceReassignment += batchRows.count
      if counts.contains(0) || rowsSinceReassignment >= 10 * counts.count {
        rowsSinceReassignment = 0
        return true
      }
      return false
    }

    /// scikit-learn's `_mini_batch_convergence` after step `step` (counted from 1).
    mutating func shouldStop(step: Int, rows: Int, batchInertia: Double, tolerance: Double, maxNoImprovement: Int?) -> Bool {
      let mean = batchInertia / Double(batchRows.count)
      if step == 1 { return false }
      if let previous = smoothedInertia {
        let alpha = min(Double(batchRows.count) * 2 / Double(rows + 1), 1)
        smoothedInertia = previous * (1 - alpha) + mean * alpha
      } else {
        smoothedInertia = mean
      }
      if tolerance > 0 && centerChange <= tolerance { return true }
      if let smoothed = smoothedInertia, smallestSmoothedInertia.map({ smoothed < $0 }) ?? true {
        stepsWithoutImprovement = 0
        smallestSmoothedInertia = smoothed
      } else {
        stepsWithoutImprovement += 1
      }
      if let maxNoImprovement, stepsWithoutImprovement >= maxNoImprovement { return true }
      return false
    }
  }

  /// One mini-batch step (scikit-learn's `_mini_batch_step`); returns the batch inertia before the update.
  func step(_ x: Matrix, centers: inout Matrix, state s: inout StepState, using rng: inout SeededGenerator) -> Double {
    let k = clusterCount
    let reassign = s.reassignmentDue()
    for i in s.batchRows.indices { s.batchRows[i] = rng.nextIndex(below: x.rows) }
    var inertia = 0.0
    for (i, row) in s.batchRows.enumerated() {
      let nearest = Distance.nearest(x, row: row, among: centers)
      s.labels[i] = nearest.index
      inertia += nearest.squaredDistance
    }
    for c in 0..<k {
      var added = 0.0
      for j in 0..<x.columns { s.newCenters[c, j] = centers[c, j] * s.counts[c] }
      for (i, row) in s.batchRows.enumerated() where s.labels[i] == c {
        added += 1
        for j in 0..<x.columns { s.newCenters[c, j] += x[row, j] }
      }
      if added > 0 {
        s.counts[c] += added
        let scale = 1 / s.counts[c]
        for j in 0..<x.columns { s.newCenters[c, j] *= scale }
      } else {
        for j in 0..<x.columns { s.newCenters[c, j] = centers[c, j] }
      }
    }
    if reassign && reassignmentRatio > 0 { reassignSmallCenters(x, state: &s, using: &rng) }
    s.centerChange = 0
    if tolerance > 0 {
      for c in 0..<k { s.centerChange += Distance.squaredEuclidean(s.newCenters, row: c, centers, row: c) }
    }
    swap(&centers, &s.newCenters)
    return inertia
  }

  /// Moves centers whose count is below `reassignment_ratio` × the largest to distinct random batch rows.
  ///
  /// At most half a batch of centers move (those with the smallest counts,
  /// the lower index first on equal counts); moved centers take the smallest
  /// count among the others, as scikit-learn does.
  @inline(never)
  private func reassignSmallCenters(_ x: Matrix, state s: inout StepState, using rng: inout SeededGenerator) {
    let k = clusterCount
    let threshold = reassignmentRatio * (s.counts.max() ?? 0)
    var moving = (0..<k).filter { s.counts[$0] < threshold }
    let limit = s.batchRows.count / 2
    if moving.count > limit {
      let ordered = (0..<k).sorted { (s.counts[$0], $0) < (s.counts[$1], $1) }
      let allowed = Set(ordered.prefix(limit))
      moving = moving.filter { allowed.contains($0) }
    }
    guard !moving.isEmpty else { return }
    var positions = Array(s.batchRows.indices)
    for (n, center) in moving.enumerated() {
      positions.swapAt(n, n + rng.nextIndex(below: positions.count - n))
      let row = s.batchRows[positions[n]]
      for j in 0..<x.columns { s.newCenters[center, j] = x[row, j] }
    }
    let staying = (0..<k).filter { !moving.contains($0) }
    if let smallest = staying.map({ s.counts[$0] }).min() {
      for center in moving { s.counts[center] = smallest }
    }
  }
}
