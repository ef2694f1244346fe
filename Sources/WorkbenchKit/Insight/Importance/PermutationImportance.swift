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
///
/// A shuffled feature can only change a row's leaf in a tree whose path to
/// the row's original leaf tests that feature, so only those (row, tree)
/// pairs are walked again, tree after tree so each tree's nodes stay in
/// cache, and a row's class shares change only by the leaves that moved
/// (added in tree order, as the unshuffled shares were).
/// - Complexity: O(repeats · features · trees · out-of-bag rows · depth) at worst, spread over the cores.
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
    let n = matrix.rowCount, k = forest.classCount, p = matrix.columns.count
    var rowMajor = Array(repeating: 0.0, count: n * p)
    for (f, column) in matrix.columns.enumerated() { for row in 0..<n { rowMajor[row * p + f] = column[row] } }
    let values = rowMajor
    // Each tree's out-of-bag rows (as positions among the scored rows) and the leaf each reaches.
    var isScored = Array(repeating: false, count: n)
    for rows in forest.outOfBag { for row in rows { isScored[row] = true } }
    let scored = (0..<n).filter { isScored[$0] }
    var position = Array(repeating: -1, count: n)
    for (i, row) in scored.enumerated() { position[row] = i }
    let leaves = forest.outOfBag.indices.map { t in forest.outOfBag[t].map { forest.leaf(tree: t, row: $0, values: values, width: p) } }
    let truth = scored.map { classes[$0] }
    let words = (p + 63) / 64
    let paths = Self.pathFeatures(forest, words: words)
    var base = Array(repeating: 0.0, count: scored.count * k)
    for t in forest.outOfBag.indices {
      for (row, leaf) in zip(forest.outOfBag[t], leaves[t]) {
        let i = position[row]
        for c in 0..<k { base[i * k + c] += forest.shares[leaf * k + c] }
      }
    }
    let baseShares = base, positions = position
    let baseScores = Self.scores((0..<scored.count).map { Self.argmax(baseShares, $0 * k, k) }, truth, k)
    var seeds = SeededGenerator(seed: seed)
    let taskSeeds = (0..<(repeats * p)).map { _ in seeds.next() }
    let drops = Parallel.map(count: repeats * p) { task -> (Double, [Double]) in
      let feature = task % p
      let word = feature / 64, bit = UInt64(1) << UInt64(feature % 64)
      var generator = SeededGenerator(seed: taskSeeds[task])
      var order = Array(scored.indices)
      for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, generator.nextIndex(below: i + 1)) }
      var replacement = Array(repeating: 0.0, count: n)
      for i in scored.indices { replacement[scored[i]] = values[scored[order[i]] * p + feature] }
      // Tree after tree (its nodes stay in cache), move the rows whose path tests the shuffled feature.
      var shares = baseShares
      for t in forest.outOfBag.indices {
        for (row, leaf) in zip(forest.outOfBag[t], leaves[t]) where paths[leaf * words + word] & bit != 0 {
          let moved = forest.leaf(tree: t, row: row, values: values, width: p, replaced: feature, value: replacement[row])
          if moved != leaf {
            let i = positions[row]
            for c in 0..<k { shares[i * k + c] += forest.shares[moved * k + c] - forest.shares[leaf * k + c] }
          }
        }
      }
      let permuted = Self.scores((0..<scored.count).map { Self.argmax(shares, $0 * k, k) }, truth, k)
      return (baseScores.accuracy - permuted.accuracy, zip(baseScores.balanced, permuted.balanced).map { $0 - $1 })
    }
    func spread(_ values: [Double]) -> Spread {
      let mean = values.reduce(0, +) / Double(values.count)
      let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
      return Spread(mean: mean, standardDeviation: variance.squareRoot())
    }
    baseAccuracy = baseScores.accuracy
    scoredRows = scored.count
    overall = (0..<p).map { f in spread((0..<repeats).map { drops[$0 * p + f].0 }) }
    perClass = (0..<k).map { c in (0..<p).map { f in spread((0..<repeats).map { drops[$0 * p + f].1[c] }) } }
  }

  /// For each node of the forest, the features tested on the path from its tree's root to it,
  /// as bit sets of `words` 64-bit words (bit f of word f / 64). Children come after their parents in the node arrays.
  private static func pathFeatures(_ forest: RandomForest, words: Int) -> [UInt64] {
    var out = Array(repeating: UInt64(0), count: forest.nodes.count * words)
    for (node, split) in forest.nodes.enumerated() where split.feature >= 0 {
      let f = Int(split.feature)
      for child in [Int(split.left), Int(split.right)] {
        for w in 0..<words { out[child * words + w] = out[node * words + w] }
        out[child * words + f / 64] |= UInt64(1) << UInt64(f % 64)
      }
    }
    return out
  }

  /// The class with the largest share among `shares[start..<start + k]` (the smallest class on ties).
  private static func argmax(_ shares: [Double], _ start: Int, _ k: Int) -> Int {
    var best = 0
    for c in 1..<max(k, 1) where shares[start + c] > shares[start + best] { best = c }
    return best
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
