import WorkbenchNumerics

/// Grows CART classification trees with the Gini criterion, as scikit-learn's `DecisionTreeClassifier` does.
///
/// At each node, features are visited in a random order (from the given
/// generator) until `maxFeatures` non-constant ones have been tried (a
/// feature whose values span at most 1e-7 in the node is constant there and
/// does not count). For each, every split between two consecutive values
/// (in sorted order) more than 1e-7 apart that leaves at least
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
///
/// Instead of sorting each node's rows for each feature, every feature's
/// rows are sorted once (in ``init(columns:classes:classCount:maxDepth:minSamplesLeaf:maxFeatures:)``);
/// a tree keeps, per feature, its rows in that order and a node is a range
/// of those lists, split by a stable partition. Scanning a feature is then
/// linear in the node's rows.
/// - Complexity: O(features · n log n) once; per tree O(depth · features · n) for n rows.
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
  /// Each feature's rows, sorted by value (ties by row).
  let sortedRows: [[Int]]

  /// Feature values closer than this count as equal (scikit-learn's `FEATURE_THRESHOLD`).
  static let featureThreshold = 1e-7

  init(columns: [[Double]], classes: [Int], classCount: Int, maxDepth: Int?, minSamplesLeaf: Int, maxFeatures: Int) {
    self.columns = columns
    self.classes = classes
    self.classCount = classCount
    self.maxDepth = maxDepth
    self.minSamplesLeaf = minSamplesLeaf
    self.maxFeatures = maxFeatures
    sortedRows = columns.map { column in column.indices.sorted { (column[$0], $0) < (column[$1], $1) } }
  }

  /// One node waiting to be grown: its range in the sorted lists, its depth and where its parent records it.
  private struct Task {
    var start: Int
    var end: Int
    var depth: Int
    var parent: Int
    var isLeft: Bool
  }

  /// The tree grown on the distinct rows `rows` with `weights` (one per row, indexed by row).
  ///
  /// `weights[row]` is the row's weight; rows not in `rows` are ignored.
  func grow(rows: [Int], weights: [Double], generator: inout SeededGenerator) -> DecisionTree {
    precondition(!rows.isEmpty && weights.count == classes.count, "at least one row and one weight per row of the data")
    var inSample = Array(repeating: false, count: classes.count)
    for row in rows { inSample[row] = true }
    // order[f]: the sample's rows sorted by feature f; a node is a range shared by every feature's list.
    var order = sortedRows.map { $0.filter { inSample[$0] } }
    var goesLeft = Array(repeating: false, count: classes.count)
    var scratch = Array(repeating: 0, count: rows.count)
    var features = Array(0..<columns.count)
    var tree = DecisionTree(classCount: classCount)
    var stack = [Task(start: 0, end: rows.count, depth: 0, parent: -1, isLeft: true)]
    while let task = stack.popLast() {
      var counts = Array(repeating: 0.0, count: classCount)
      for row in order[0][task.start..<task.end] { counts[classes[row]] += weights[row] }
      let index = tree.appendLeaf(counts)
      if task.parent >= 0 {
        if task.isLeft { tree.lefts[task.parent] = index } else { tree.rights[task.parent] = index }
      }
      let n = task.end - task.start
      let pure = counts.count { $0 > 0 } <= 1
      if pure || task.depth == maxDepth || n < 2 || n < 2 * minSamplesLeaf { continue }
      guard let split = bestSplit(task.start, task.end, counts, order, weights, &features, &generator) else { continue }
      tree.features[index] = split.feature
      tree.thresholds[index] = split.threshold
      let column = columns[split.feature]
      var leftCount = 0
      for row in order[0][task.start..<task.end] {
        goesLeft[row] = column[row] <= split.threshold
        if goesLeft[row] { leftCount += 1 }
      }
      for f in order.indices { Self.partition(&order[f], task.start, task.end, goesLeft, &scratch) }
      let middle = task.start + leftCount
      stack.append(Task(start: middle, end: task.end, depth: task.depth + 1, parent: index, isLeft: false))
      stack.append(Task(start: task.start, end: middle, depth: task.depth + 1, parent: index, isLeft: true))
    }
    return tree
  }

  /// Reorders `list[start..<end]` so the rows going left come first, each side keeping its order.
  private static func partition(_ list: inout [Int], _ start: Int, _ end: Int, _ goesLeft: [Bool], _ scratch: inout [Int]) {
    var left = start, right = 0
    for i in start..<end {
      let row = list[i]
      if goesLeft[row] {
        list[left] = row
        left += 1
      } else {
        scratch[right] = row
        right += 1
      }
    }
    for i in 0..<right { list[left + i] = scratch[i] }
  }

  /// The best split of the node holding `order[·][start..<end]`, or `nil` when no feature offers a valid one.
  private func bestSplit(
    _ start: Int, _ end: Int, _ counts: [Double], _ order: [[Int]], _ weights: [Double], _ features: inout [Int],
    _ generator: inout SeededGenerator
  ) -> (feature: Int, threshold: Double)? {
    let n = end - start
    let total = counts.reduce(0, +)
    let allSquares = counts.reduce(0) { $0 + $1 * $1 }
    var best: (score: Double, feature: Int, threshold: Double)?
    var tried = 0
    var remaining = features.count
    var left = Array(repeating: 0.0, count: classCount)
    while remaining > 0 && tried < maxFeatures {
      let pick = generator.nextIndex(below: remaining)
      remaining -= 1
      features.swapAt(pick, remaining)
      let feature = features[remaining]
      let column = columns[feature], rows = order[feature]
      guard column[rows[end - 1]] > column[rows[start]] + Self.featureThreshold else { continue }
      tried += 1
      for c in left.indices { left[c] = 0 }
      var leftWeight = 0.0, leftSquares = 0.0, rightSquares = allSquares
      for p in 1..<n {
        let previous = rows[start + p - 1]
        let c = classes[previous], w = weights[previous]
        let right = counts[c] - left[c]
        rightSquares += (right - w) * (right - w) - right * right
        leftSquares += (left[c] + w) * (left[c] + w) - left[c] * left[c]
        left[c] += w
        leftWeight += w
        let a = column[previous], b = column[rows[start + p]]
        guard p >= minSamplesLeaf, n - p >= minSamplesLeaf, b > a + Self.featureThreshold else { continue }
        let score = leftSquares / leftWeight + rightSquares / (total - leftWeight)
        if best == nil || score > best!.score {
          var threshold = a / 2 + b / 2
          if threshold == b || !threshold.isFinite { threshold = a }
          best = (score, feature, threshold)
        }
      }
    }
    return best.map { ($0.feature, $0.threshold) }
  }
}
