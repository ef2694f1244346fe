import WorkbenchNumerics

extension KPrototypes {
  /// The outcome of one run.
  struct Run {
    var labels: [Int]
    var prototypes: Prototypes
    var cost: Double
    var iterations: Int
    var converged: Bool
  }

  /// Running per-cluster state: members, numeric sums and counts, level counts.
  struct ClusterState {
    var membership: [Int]
    var sums: Matrix
    var sizes: [Int]
    /// `k × levelTotal` level counts, row-major.
    var levelCounts: [Int]
  }

  /// Assigns every row to its cheapest prototype, in row order; `nil` when a cluster ends up empty (kmodes then re-initialises).
  static func initialState(_ data: Data, _ prototypes: Prototypes, gamma: Double) -> ClusterState? {
    let k = prototypes.count
    var state = ClusterState(
      membership: Array(repeating: 0, count: data.rows), sums: Matrix(rows: k, columns: data.numeric.columns),
      sizes: Array(repeating: 0, count: k), levelCounts: Array(repeating: 0, count: k * data.levelTotal))
    for r in 0..<data.rows {
      let cluster = prototypes.nearest(r, in: data, gamma: gamma).index
      state.membership[r] = cluster
      state.sizes[cluster] += 1
      for c in 0..<data.numeric.columns { state.sums[cluster, c] += data.numeric[r, c] }
      for f in 0..<data.featureCount { state.levelCounts[cluster * data.levelTotal + data.levelOffsets[f] + data.code(r, f)] += 1 }
    }
    return state.sizes.contains(0) ? nil : state
  }

  /// The most frequent level of `feature` in `cluster`, the lowest code on ties (kmodes' `get_max_value_key`).
  static func mode(_ state: ClusterState, _ data: Data, cluster: Int, feature: Int) -> Int {
    let start = cluster * data.levelTotal + data.levelOffsets[feature]
    var best = 0
    for level in 1..<max(data.levelCounts[feature], 1) where state.levelCounts[start + level] > state.levelCounts[start + best] { best = level }
    return best
  }

  /// One k-prototypes run from `start` (kmodes' `_k_prototypes_single` after its initial assignment).
  ///
  /// The prototypes are first set to the means and modes of the initial
  /// clusters; each iteration then visits the rows in order and moves a row
  /// whose cheapest prototype is not its own, updating both prototypes at once.
  /// Stops when no row moves or the cost does not fall (converged) or after
  /// `maxIterations`. Labels are the cheapest prototype of each row under the
  /// final prototypes. `rng` refills a cluster that a move empties.
  static func run(
    _ data: Data, from start: Prototypes, state initial: ClusterState, gamma: Double, maxIterations: Int,
    rng: inout SeededGenerator, context: FitContext
  ) throws -> Run {
    var state = initial
    var prototypes = start
    let k = prototypes.count
    for cluster in 0..<k {
      updateNumeric(&prototypes, state, cluster: cluster)
      for f in 0..<data.featureCount { prototypes.modes[cluster][f] = mode(state, data, cluster: cluster, feature: f) }
    }
    var (labels, cost) = labelsAndCost(data, prototypes, gamma: gamma)
    var iterations = 0
    var converged = false
    while iterations < maxIterations && !converged {
      try context.checkCancellation()
      iterations += 1
      var moves = 0
      for r in 0..<data.rows {
        let target = prototypes.nearest(r, in: data, gamma: gamma).index
        let source = state.membership[r]
        guard target != source else { continue }
        moves += 1
        move(r, from: source, to: target, data, &state, &prototypes)
        if state.sizes[source] == 0 {
          var donor = 0
          for cluster in 1..<k where state.sizes[cluster] > state.sizes[donor] { donor = cluster }
          let members = (0..<data.rows).filter { state.membership[$0] == donor }
          move(members[rng.nextIndex(below: members.count)], from: donor, to: source, data, &state, &prototypes)
        }
      }
      let (newLabels, newCost) = labelsAndCost(data, prototypes, gamma: gamma)
      converged = moves == 0 || newCost >= cost
      labels = newLabels
      cost = newCost
      context.log(.iteration(iterations, objective: cost))
    }
    return Run(labels: labels, prototypes: prototypes, cost: cost, iterations: iterations, converged: converged)
  }

  /// Moves `row` between clusters: running sums, sizes and level counts, then both numeric means; modes change as kmodes'
  /// `_move_point_cat` changes them (the receiving mode only when the row's level now strictly outnumbers it).
  private static func move(_ row: Int, from source: Int, to target: Int, _ data: Data, _ state: inout ClusterState, _ prototypes: inout Prototypes) {
    state.membership[row] = target
    for c in 0..<data.numeric.columns {
      state.sums[target, c] += data.numeric[row, c]
      state.sums[source, c] -= data.numeric[row, c]
    }
    state.sizes[target] += 1
    state.sizes[source] -= 1
    for f in 0..<data.featureCount {
      let level = data.code(row, f)
      let offset = data.levelOffsets[f] + level
      state.levelCounts[target * data.levelTotal + offset] += 1
      let current = data.levelOffsets[f] + prototypes.modes[target][f]
      if state.levelCounts[target * data.levelTotal + current] < state.levelCounts[target * data.levelTotal + offset] {
        prototypes.modes[target][f] = level
      }
      state.levelCounts[source * data.levelTotal + offset] -= 1
      if prototypes.modes[source][f] == level { prototypes.modes[source][f] = mode(state, data, cluster: source, feature: f) }
    }
    updateNumeric(&prototypes, state, cluster: target)
    updateNumeric(&prototypes, state, cluster: source)
  }

  /// Sets a cluster's numeric prototype to sum / size (0 for an empty cluster), dividing as kmodes does.
  private static func updateNumeric(_ prototypes: inout Prototypes, _ state: ClusterState, cluster: Int) {
    let size = Double(state.sizes[cluster])
    for c in 0..<prototypes.numeric.columns { prototypes.numeric[cluster, c] = size > 0 ? state.sums[cluster, c] / size : 0 }
  }

  /// Each row's cheapest prototype and the total cost, summed in row order (kmodes' `labels_cost`).
  static func labelsAndCost(_ data: Data, _ prototypes: Prototypes, gamma: Double) -> (labels: [Int], cost: Double) {
    var labels = Array(repeating: 0, count: data.rows)
    var total = 0.0
    for r in 0..<data.rows {
      let nearest = prototypes.nearest(r, in: data, gamma: gamma)
      labels[r] = nearest.index
      total += nearest.cost
    }
    return (labels, total)
  }
}
