import WorkbenchNumerics

/// A random forest classifier: bootstrapped CART trees with √p features tried per split, voting by averaged leaf shares.
///
/// Tree t draws its own seed, in order, from a generator seeded with
/// `seed`; with that seed it draws a bootstrap sample (n rows with
/// replacement, kept as distinct rows weighted by their draw counts, as
/// scikit-learn's `sample_weight`) and grows a ``TreeGrower`` tree with
/// `maxFeatures` = max(1, ⌊√p⌋) (scikit-learn's `max_features="sqrt"`),
/// unlimited depth and one row per leaf at least. Trees are grown in
/// parallel, each from its own seed only, and collected in order, so the
/// forest is the same for any number of threads. The rows a tree did not
/// draw are its out-of-bag rows. A forest predicts a row from the mean of
/// its trees' leaf class shares (scikit-learn's `predict_proba`), the
/// smallest class on ties.
/// - Complexity: O(trees · √p · n log² n), spread over the cores.
struct RandomForest: Sendable {
  /// The trees, in order.
  let trees: [DecisionTree]
  /// Each tree's out-of-bag row indices, ascending.
  let outOfBag: [[Int]]
  /// Class shares at each tree's leaves (`leafShares[t][node]`, empty for inner nodes).
  let leafShares: [[[Double]]]
  /// Number of classes.
  let classCount: Int

  /// A forest of `treeCount` trees on `matrix` predicting `classes` (in `0..<classCount`).
  init(matrix: FeatureMatrix, classes: [Int], classCount: Int, treeCount: Int, seed: UInt64) {
    precondition(matrix.rowCount == classes.count && matrix.rowCount > 0, "one class per row")
    var seeds = SeededGenerator(seed: seed)
    let treeSeeds = (0..<treeCount).map { _ in seeds.next() }
    let grower = TreeGrower(
      columns: matrix.columns, classes: classes, classCount: classCount, maxDepth: nil, minSamplesLeaf: 1,
      maxFeatures: max(1, Int(Double(matrix.columns.count).squareRoot())))
    let n = matrix.rowCount
    let grown = Parallel.map(count: treeCount) { t -> (DecisionTree, [Int]) in
      var generator = SeededGenerator(seed: treeSeeds[t])
      var draws = Array(repeating: 0, count: n)
      for _ in 0..<n { draws[generator.nextIndex(below: n)] += 1 }
      let inBag = draws.indices.filter { draws[$0] > 0 }
      let tree = grower.grow(rows: inBag, weights: inBag.map { Double(draws[$0]) }, generator: &generator)
      return (tree, draws.indices.filter { draws[$0] == 0 })
    }
    trees = grown.map(\.0)
    outOfBag = grown.map(\.1)
    leafShares = trees.map { tree in
      tree.nodes.map { node in
        guard node.isLeaf else { return [] }
        let total = node.counts.reduce(0, +)
        return node.counts.map { $0 / total }
      }
    }
    self.classCount = classCount
  }
}
