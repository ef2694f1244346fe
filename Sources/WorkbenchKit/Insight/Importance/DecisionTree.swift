/// A fitted CART classification tree: binary splits "feature ≤ threshold" go left.
///
/// Nodes are stored in pre-order (a node, its whole left subtree, then its
/// right subtree), the order scikit-learn's depth-first builder numbers
/// them, so a tree can be compared node by node with `tree_` of a
/// `DecisionTreeClassifier`. Stored as parallel arrays, one entry per node,
/// so a prediction walks small contiguous arrays. Grown by ``TreeGrower``.
struct DecisionTree: Sendable, Equatable {
  /// The split feature of each node, or −1 for a leaf.
  var features: [Int]
  /// Rows with the feature ≤ this go left.
  var thresholds: [Double]
  /// The left child of each node (−1 for a leaf).
  var lefts: [Int]
  /// The right child of each node (−1 for a leaf).
  var rights: [Int]
  /// Weighted count of each class among each node's training rows, node after node (`classCount` each).
  var counts: [Double]
  /// Number of classes.
  let classCount: Int

  /// A tree with no nodes yet.
  init(classCount: Int) {
    features = []
    thresholds = []
    lefts = []
    rights = []
    counts = []
    self.classCount = classCount
  }

  /// Number of nodes.
  var nodeCount: Int { features.count }

  /// Whether `node` is a leaf.
  func isLeaf(_ node: Int) -> Bool { features[node] < 0 }

  /// The class counts of `node`.
  func counts(of node: Int) -> ArraySlice<Double> { counts[(node * classCount)..<((node + 1) * classCount)] }

  /// Appends a leaf with `classCounts` and returns its index.
  mutating func appendLeaf(_ classCounts: [Double]) -> Int {
    features.append(-1)
    thresholds.append(0)
    lefts.append(-1)
    rights.append(-1)
    counts += classCounts
    return features.count - 1
  }

  /// The leaf that the row with feature values `value(f)` reaches.
  /// - Complexity: O(depth).
  func leaf(_ value: (Int) -> Double) -> Int {
    var node = 0
    while features[node] >= 0 {
      node = value(features[node]) <= thresholds[node] ? lefts[node] : rights[node]
    }
    return node
  }

  /// The class with the largest count at `node` (the smallest class on ties).
  func majority(_ node: Int) -> Int {
    let c = counts(of: node)
    return c.indices.max { (c[$0], $1) < (c[$1], $0) }.map { $0 - c.startIndex } ?? 0
  }

  /// The greatest depth of any leaf (the root alone has depth 0).
  var depth: Int {
    var deepest = 0
    var stack = [(0, 0)]
    while let (node, level) = stack.popLast() {
      deepest = max(deepest, level)
      if !isLeaf(node) { stack += [(lefts[node], level + 1), (rights[node], level + 1)] }
    }
    return deepest
  }
}
