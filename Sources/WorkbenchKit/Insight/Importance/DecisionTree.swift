/// A fitted CART classification tree: binary splits "feature ≤ threshold" go left.
///
/// Nodes are stored in pre-order (a node, its whole left subtree, then its
/// right subtree), the order scikit-learn's depth-first builder numbers
/// them, so a tree can be compared node by node with `tree_` of a
/// `DecisionTreeClassifier`. Grown by ``TreeGrower``.
struct DecisionTree: Sendable, Equatable {
  /// One node.
  struct Node: Sendable, Equatable {
    /// The split feature, or −1 for a leaf.
    var feature: Int
    /// Rows with the feature ≤ this go left.
    var threshold: Double
    /// Index of the left child (−1 for a leaf).
    var left: Int
    /// Index of the right child (−1 for a leaf).
    var right: Int
    /// Weighted count of each class among the node's training rows.
    var counts: [Double]

    /// Whether the node is a leaf.
    var isLeaf: Bool { feature < 0 }
  }

  /// The nodes, root first, in pre-order.
  var nodes: [Node]

  /// The leaf that the row with feature values `value(f)` reaches.
  /// - Complexity: O(depth).
  func leaf(_ value: (Int) -> Double) -> Int {
    var node = 0
    while !nodes[node].isLeaf {
      node = value(nodes[node].feature) <= nodes[node].threshold ? nodes[node].left : nodes[node].right
    }
    return node
  }

  /// The class with the largest count at `node` (the smallest class on ties).
  func majority(_ node: Int) -> Int {
    let counts = nodes[node].counts
    return counts.indices.max { (counts[$0], $1) < (counts[$1], $0) } ?? 0
  }

  /// The greatest depth of any leaf (the root alone has depth 0).
  var depth: Int {
    var deepest = 0
    var stack = [(0, 0)]
    while let (node, level) = stack.popLast() {
      deepest = max(deepest, level)
      if !nodes[node].isLeaf { stack += [(nodes[node].left, level + 1), (nodes[node].right, level + 1)] }
    }
    return deepest
  }
}
