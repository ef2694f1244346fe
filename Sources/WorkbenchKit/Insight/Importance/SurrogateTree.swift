import WorkbenchNumerics

/// A shallow decision tree that imitates the segmentation, read as rules per segment in original units.
///
/// A ``TreeGrower`` tree of depth at most ``maxDepth`` (3) with every feature
/// tried at each split and at least 1 % of the fit rows per leaf (so no rule
/// describes a handful of customers), fitted on the same rows as the forest
/// to predict the segment. Each leaf is a rule: the conditions on its path,
/// merged per feature into a range ("30 < recency_days ≤ 90"), categorical
/// codes written as the categories they cover ("region in {east, north}");
/// thresholds are shown by ``ReadableNumber`` (exact in the JSON). A leaf
/// belongs to the segment it predicts (its majority). Fidelity, coverage
/// and precision are measured on every included row, not only the fit rows:
/// fidelity is the share of rows the tree assigns to their own segment;
/// a rule's precision the share of its rows in the segment, its coverage the
/// share of the segment's rows it holds.
/// - Complexity: O(features · n log n · depth) to fit; O(rows · depth) to measure.
struct SurrogateTree: Sendable {
  /// Deepest level of a leaf.
  static let maxDepth = 3
  /// Smallest share of the fit rows in a leaf.
  static let minimumLeafShare = 0.01

  /// The fitted tree.
  let tree: DecisionTree
  /// Share of included rows assigned to their own segment.
  let fidelity: Double
  /// The rules of each class (segment group), best coverage first.
  let rules: [[SegmentRule]]

  /// The surrogate fitted on `fit` (rows with classes `fitClasses`) and measured on `matrix` (all included rows, classes `classes`).
  init(fit: FeatureMatrix, fitClasses: [Int], matrix: FeatureMatrix, classes: [Int], classCount: Int, seed: UInt64) {
    let minimumLeaf = max(1, Int((Self.minimumLeafShare * Double(fit.rowCount)).rounded(.up)))
    let grower = TreeGrower(
      columns: fit.columns, classes: fitClasses, classCount: classCount, maxDepth: Self.maxDepth, minSamplesLeaf: minimumLeaf,
      maxFeatures: fit.columns.count)
    var generator = SeededGenerator(seed: seed)
    let tree = grower.grow(rows: Array(fitClasses.indices), weights: fitClasses.map { _ in 1 }, generator: &generator)
    var leafRows = Array(repeating: 0, count: tree.nodeCount)
    var leafHits = Array(repeating: 0, count: tree.nodeCount)
    var classSizes = Array(repeating: 0, count: classCount)
    for row in 0..<matrix.rowCount {
      let leaf = tree.leaf { matrix.columns[$0][row] }
      leafRows[leaf] += 1
      classSizes[classes[row]] += 1
      if tree.majority(leaf) == classes[row] { leafHits[leaf] += 1 }
    }
    self.tree = tree
    fidelity = Double(leafHits.reduce(0, +)) / Double(max(matrix.rowCount, 1))
    var rules = Array(repeating: [SegmentRule](), count: classCount)
    for (leaf, conditions) in Self.paths(tree) {
      let c = tree.majority(leaf)
      guard leafRows[leaf] > 0 else { continue }
      rules[c].append(
        SegmentRule(
          conditions: Self.describe(conditions, matrix: matrix), rows: leafRows[leaf],
          precision: Double(leafHits[leaf]) / Double(leafRows[leaf]),
          coverage: classSizes[c] > 0 ? Double(leafHits[leaf]) / Double(classSizes[c]) : 0))
    }
    self.rules = rules.map { $0.sorted { $0.coverage != $1.coverage ? $0.coverage > $1.coverage : $0.text < $1.text } }
  }

  /// Every leaf with the conditions on its path: (feature, goes left, threshold), root first.
  private static func paths(_ tree: DecisionTree) -> [(leaf: Int, conditions: [(feature: Int, atMost: Bool, threshold: Double)])] {
    var out: [(Int, [(Int, Bool, Double)])] = []
    var stack: [(Int, [(Int, Bool, Double)])] = [(0, [])]
    while let (node, path) = stack.popLast() {
      if tree.isLeaf(node) {
        out.append((node, path))
      } else {
        let f = tree.features[node], t = tree.thresholds[node]
        stack.append((tree.rights[node], path + [(f, false, t)]))
        stack.append((tree.lefts[node], path + [(f, true, t)]))
      }
    }
    return out.sorted { $0.0 < $1.0 }
  }

  /// The path's conditions merged per feature (in order of first use) into readable text.
  private static func describe(_ path: [(feature: Int, atMost: Bool, threshold: Double)], matrix: FeatureMatrix) -> [String] {
    var order: [Int] = []
    var lower: [Int: Double] = [:], upper: [Int: Double] = [:]
    for step in path {
      if !order.contains(step.feature) { order.append(step.feature) }
      if step.atMost {
        upper[step.feature] = min(upper[step.feature] ?? .infinity, step.threshold)
      } else {
        lower[step.feature] = max(lower[step.feature] ?? -.infinity, step.threshold)
      }
    }
    return order.map { f in
      let name = matrix.names[f]
      if let categories = matrix.categories[f] {
        let covered = categories.indices.filter { Double($0) > (lower[f] ?? -.infinity) && Double($0) <= (upper[f] ?? .infinity) }
        return "\(name) in {\(covered.map { categories[$0] }.joined(separator: ", "))}"
      }
      switch (lower[f], upper[f]) {
      case (let low?, let high?): return "\(ReadableNumber.format(low)) < \(name) ≤ \(ReadableNumber.format(high))"
      case (let low?, nil): return "\(name) > \(ReadableNumber.format(low))"
      case (nil, let high?): return "\(name) ≤ \(ReadableNumber.format(high))"
      case (nil, nil): return name
      }
    }
  }
}
