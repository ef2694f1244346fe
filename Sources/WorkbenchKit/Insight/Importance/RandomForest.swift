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
///
/// The trees are stored as one set of node arrays (tree t's nodes from
/// ``roots``[t]), so predicting many rows through many trees walks flat arrays.
/// - Complexity: O(p · n log n) to sort once, then O(trees · depth · p · n), spread over the cores.
struct RandomForest: Sendable {
  /// One node: the split (feature −1 at a leaf), its threshold and children, packed so a step of a walk reads one cache line.
  struct Node: Sendable {
    var feature: Int32
    var left: Int32
    var right: Int32
    var threshold: Double
  }

  /// The first node of each tree in ``nodes``.
  let roots: [Int]
  /// Every tree's nodes, tree after tree, children after their parents.
  let nodes: [Node]
  /// Class shares at each node (`shares[node · classCount + c]`; used at leaves).
  let shares: [Double]
  /// Each tree's out-of-bag row indices, ascending.
  let outOfBag: [[Int]]
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
      var draws = Array(repeating: 0.0, count: n)
      for _ in 0..<n { draws[generator.nextIndex(below: n)] += 1 }
      let tree = grower.grow(rows: draws.indices.filter { draws[$0] > 0 }, weights: draws, generator: &generator)
      return (tree, draws.indices.filter { draws[$0] == 0 })
    }
    var roots: [Int] = [], nodes: [Node] = [], shares: [Double] = []
    for (tree, _) in grown {
      let offset = nodes.count
      roots.append(offset)
      for node in 0..<tree.nodeCount {
        let leaf = tree.isLeaf(node)
        nodes.append(
          Node(
            feature: Int32(tree.features[node]), left: leaf ? -1 : Int32(tree.lefts[node] + offset),
            right: leaf ? -1 : Int32(tree.rights[node] + offset), threshold: tree.thresholds[node]))
        let counts = tree.counts(of: node)
        let total = counts.reduce(0, +)
        shares += counts.map { total > 0 ? $0 / total : 0 }
      }
    }
    self.roots = roots
    self.nodes = nodes
    self.shares = shares
    outOfBag = grown.map(\.1)
    self.classCount = classCount
  }

  /// Number of trees.
  var treeCount: Int { roots.count }

  /// The leaf of tree `tree` that row `row` of the row-major `values` (`width` features a row) reaches,
  /// with feature `replaced` read as `value` instead (−1 replaces nothing).
  /// - Complexity: O(depth).
  func leaf(tree: Int, row: Int, values: [Double], width: Int, replaced: Int = -1, value: Double = 0) -> Int {
    var node = roots[tree]
    let base = row * width
    while nodes[node].feature >= 0 {
      let split = nodes[node]
      let f = Int(split.feature)
      let x = f == replaced ? value : values[base + f]
      node = Int(x <= split.threshold ? split.left : split.right)
    }
    return node
  }
}
