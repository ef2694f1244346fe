import WorkbenchNumerics

/// Permutation importance on out-of-bag rows: how much worse the forest predicts when one feature's values are shuffled.
///
/// Each row is predicted by the trees for which it is out of bag (the mean
/// of their leaf class shares); rows that are in every tree's bag are not
/// scored. For each repeat and feature, that feature's values are permuted
/// among the scored rows (a seeded Fisher–Yates shuffle; the other
/// features keep their values) and the rows are predicted again. Overall
/// importance is the drop in accuracy; per segment, the drop in the
/// balanced accuracy of "this segment or not" (the mean of the share of the
/// segment's rows predicted as it and the share of the other rows predicted
/// as something else), so a feature that only separates one small segment
/// still shows there. Reported as the mean and standard deviation
/// (population, as scikit-learn's `permutation_importance`) over the
/// repeats. Each (repeat, feature) draws its own seed, in order, from a
/// generator seeded with `seed`, and runs in parallel; results are collected
/// in order, so they do not depend on the number of threads.
/// - Complexity: O(repeats · features · trees · out-of-bag rows · depth), spread over the cores.
struct PermutationImportance: Sendable {
  /// Mean and standard deviation of one importance over the repeats.
  struct Spread: Sendable, Equatable {
    var mean: Double
    var standardDeviation: Double
  }

  /// The out-of-bag accuracy of the unpermuted forest.
  let baseAccuracy: Double
  /// Rows scored (out of bag for at least one tree).
  let scoredRows: Int
  /// Overall importance per feature.
  let overall: [Spread]
  /// `perClass[c][f]`: importance of feature f for class c.
  let perClass: [[Spread]]

  init(forest: RandomForest, matrix: FeatureMatrix, classes: [Int], repeats: Int, seed: UInt64) {
    let n = matrix.rowCount, k = forest.classCount
    var trees = Array(repeating: [Int](), count: n)
    for (t, rows) in forest.outOfBag.enumerated() { for row in rows { trees[row].append(t) } }
    let treesOfRow = trees
    let scored = (0..<n).filter { !treesOfRow[$0].isEmpty }
    let truth = scored.map { classes[$0] }
    let base = Self.scores(Self.predict(forest, matrix, scored, treesOfRow, permuted: nil), truth, k)
    var seeds = SeededGenerator(seed: seed)
    let features = matrix.columns.count
    let taskSeeds = (0..<(repeats * features)).map { _ in seeds.next() }
    let drops = Parallel.map(count: repeats * features) { task -> (Double, [Double]) in
      let feature = task % features
      var generator = SeededGenerator(seed: taskSeeds[task])
      var order = scored
      for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, generator.nextIndex(below: i + 1)) }
      var shuffled = matrix.columns[feature]
      for (row, source) in zip(scored, order) { shuffled[row] = matrix.columns[feature][source] }
      let permuted = Self.scores(Self.predict(forest, matrix, scored, treesOfRow, permuted: (feature, shuffled)), truth, k)
      return (base.accuracy - permuted.accuracy, zip(base.balanced, permuted.balanced).map { $0 - $1 })
    }
    func spread(_ values: [Double]) -> Spread {
      let mean = values.reduce(0, +) / Double(values.count)
      let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
      return Spread(mean: mean, standardDeviation: variance.squareRoot())
    }
    baseAccuracy = base.accuracy
    scoredRows = scored.count
    overall = (0..<features).map { f in spread((0..<repeats).map { drops[$0 * features + f].0 }) }
    perClass = (0..<k).map { c in (0..<features).map { f in spread((0..<repeats).map { drops[$0 * features + f].1[c] }) } }
  }

  /// The predicted class of each scored row from its out-of-bag trees, with one feature's column optionally replaced.
  private static func predict(
    _ forest: RandomForest, _ matrix: FeatureMatrix, _ scored: [Int], _ treesOfRow: [[Int]], permuted: (feature: Int, values: [Double])?
  ) -> [Int] {
    let k = forest.classCount
    var shares = Array(repeating: 0.0, count: k)
    return scored.map { row in
      for c in 0..<k { shares[c] = 0 }
      for t in treesOfRow[row] {
        let leaf = forest.trees[t].leaf { f in f == permuted?.feature ? permuted!.values[row] : matrix.columns[f][row] }
        for (c, share) in forest.leafShares[t][leaf].enumerated() { shares[c] += share }
      }
      return shares.indices.max { (shares[$0], $1) < (shares[$1], $0) }!
    }
  }

  /// Accuracy and each class's one-vs-rest balanced accuracy of `predicted` against `truth`.
  private static func scores(_ predicted: [Int], _ truth: [Int], _ k: Int) -> (accuracy: Double, balanced: [Double]) {
    var hits = Array(repeating: 0, count: k), size = Array(repeating: 0, count: k), claimed = Array(repeating: 0, count: k)
    for (p, t) in zip(predicted, truth) {
      size[t] += 1
      claimed[p] += 1
      if p == t { hits[t] += 1 }
    }
    let n = predicted.count
    let balanced = (0..<k).map { c -> Double in
      let positives = size[c], negatives = n - size[c]
      let sensitivity = positives > 0 ? Double(hits[c]) / Double(positives) : 1
      let specificity = negatives > 0 ? Double(negatives - (claimed[c] - hits[c])) / Double(negatives) : 1
      return (sensitivity + specificity) / 2
    }
    return (Double(hits.reduce(0, +)) / Double(max(n, 1)), balanced)
  }
}
