import WorkbenchNumerics

/// Grows CART classification trees with the Gini criterion, as scikit-learn's `DecisionTreeClassifier` does.
///
/// At each node, features are visited in a random order (from the given
/// generator) until `maxFeatures` non-constant ones have been tried (a
/// feature whose values span at most 1e-7 in the node is constant there and
/// does not count). For each, the node's rows are sorted by value and every
/// split between two values more than 1e-7 apart that leaves at least
/// `minSamplesLeaf` distinct rows on each side is scored; the split
/// maximising Σ_c L_c²/W_L + Σ_c R_c²/W_R (weighted class counts; the
/// same order as the decrease in Gini impurity) wins, the first found on
/// ties. The threshold lies midway between the two values, `a/2 + b/2`,
/// or `a` when that rounds to `b`, as scikit-learn computes it. A node
/// becomes a leaf when it is pure, at `maxDepth`, with fewer than
/// 2 · `minSamplesLeaf` (and fewer than 2) distinct rows, or without a valid split.
/// Rows carry weights (a bootstrap sample's draw counts), as scikit-learn's
/// `sample_weight`. With `maxFeatures` = all features and a unique best split
/// at every node, the tree equals scikit-learn's node for node (tested).
/// - Complexity: O(maxFeatures · n log n) per tree level for n rows.
struct TreeGrower: Sendable {
  /// The features, column by column.
  let columns: [[Double]]
  /// The class of each row, in `0..<classCount`.
  let classes: [Int]
  /// Number of classes.
  let classCount: Int
  /// Deepest level a node may have (the root is level 0); `nil` for no limit.
  let maxDepth: Int?
  /// Fewest distinct rows a leaf may hold.
  let minSamplesLeaf: Int
  /// Non-constant features to try at each node.
  let maxFeatures: Int

  /// Feature values closer than this count as equal (scikit-learn's `FEATURE_THRESHOLD`).
  static let featureThreshold = 1e-7

  /// The tree grown on `rows` (distinct row indices) with `weights` (one per entry of `rows`).
  func grow(rows: [Int], weights: [Double], generator: inout SeededGenerator) -> DecisionTree {
    precondition(rows.count == weights.count && !rows.isEmpty, "one weight per row, at least one row")
    var nodes: [DecisionTree.Node] = []
    var pairs: [(value: Double, position: Int)] = []
    // Each task: the node's rows and weights, its depth, and where to record its index in the parent.
    var stack: [(rows: [Int], weights: [Double], depth: Int, parent: Int, isLeft: Bool)] = [(rows, weights, 0, -1, true)]
    var features = Array(0..<columns.count)
    while let task = stack.popLast() {
      let index = nodes.count
      if task.parent >= 0 {
        if task.isLeft { nodes[task.parent].left = index } else { nodes[task.parent].right = index }
      }
      var counts = Array(repeating: 0.0, count: classCount)
      for (row, weight) in zip(task.rows, task.weights) { counts[classes[row]] += weight }
      nodes.append(DecisionTree.Node(feature: -1, threshold: 0, left: -1, right: -1, counts: counts))
      let pure = counts.filter { $0 > 0 }.count <= 1
      let n = task.rows.count
      if pure || task.depth == maxDepth || n < 2 || n < 2 * minSamplesLeaf { continue }
      guard let split = bestSplit(task.rows, task.weights, counts, &features, &pairs, &generator) else { continue }
      nodes[index].feature = split.feature
      nodes[index].threshold = split.threshold
      var left: (rows: [Int], weights: [Double]) = ([], []), right: (rows: [Int], weights: [Double]) = ([], [])
      let column = columns[split.feature]
      for (row, weight) in zip(task.rows, task.weights) {
        if column[row] <= split.threshold {
          left.rows.append(row)
          left.weights.append(weight)
        } else {
          right.rows.append(row)
          right.weights.append(weight)
        }
      }
      stack.append((right.rows, right.weights, task.depth + 1, index, false))
      stack.append((left.rows, left.weights, task.depth + 1, index, true))
    }
    return DecisionTree(nodes: nodes)
  }

  /// The best split of a node, or `nil` when no feature offers a valid one.
  private func bestSplit(
    _ rows: [Int], _ weights: [Double], _ counts: [Double], _ features: inout [Int], _ pairs: inout [(value: Double, position: Int)],
    _ generator: inout SeededGenerator
  ) -> (feature: Int, threshold: Double)? {
    let n = rows.count
    let total = weights.reduce(0, +)
    var best: (score: Double, feature: Int, threshold: Double)?
    var tried = 0
    var remaining = features.count
    var left = Array(repeating: 0.0, count: classCount)
    while remaining > 0 && tried < maxFeatures {
      let pick = generator.nextIndex(below: remaining)
      remaining -= 1
      features.swapAt(pick, remaining)
      let feature = features[remaining]
      let column = columns[feature]
      pairs.removeAll(keepingCapacity: true)
      for (position, row) in rows.enumerated() { pairs.append((column[row], position)) }
      pairs.sort { $0.value < $1.value }
      guard pairs[n - 1].value > pairs[0].value + Self.featureThreshold else { continue }
      tried += 1
      for c in left.indices { left[c] = 0 }
      var leftWeight = 0.0, leftSquares = 0.0
      var rightSquares = counts.reduce(0) { $0 + $1 * $1 }
      for p in 1..<n {
        let previous = pairs[p - 1]
        let c = classes[rows[previous.position]], w = weights[previous.position]
        let right = counts[c] - left[c]
        rightSquares += (right - w) * (right - w) - right * right
        leftSquares += (left[c] + w) * (left[c] + w) - left[c] * left[c]
        left[c] += w
        leftWeight += w
        guard p >= minSamplesLeaf, n - p >= minSamplesLeaf, pairs[p].value > previous.value + Self.featureThreshold else { continue }
        let score = leftSquares / leftWeight + rightSquares / (total - leftWeight)
        if best == nil || score > best!.score {
          var threshold = previous.value / 2 + pairs[p].value / 2
          if threshold == pairs[p].value || !threshold.isFinite { threshold = previous.value }
          best = (score, feature, threshold)
        }
      }
    }
    return best.map { ($0.feature, $0.threshold) }
  }
}
