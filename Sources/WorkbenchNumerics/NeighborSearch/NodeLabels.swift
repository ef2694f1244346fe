/// Per-node summaries of a value attached to every tree position, for pruning whole subtrees.
///
/// `uniform` says, for each node, the one value all its marked positions
/// share (``mixed`` when they differ, ``empty`` when none is marked); `minimum`
/// the smallest value among them. Computed bottom-up in O(rows) per call.
enum NodeLabels {
  /// A node whose marked positions carry different values.
  static let mixed = -1
  /// A node without marked positions.
  static let empty = -2

  /// The shared value of each node's marked positions, or ``mixed`` / ``empty``.
  static func uniform(_ view: KDTree.View, values: [Int], marked: [Bool]?) -> [Int] {
    var out = Array(repeating: empty, count: view.nodeCount)
    for node in stride(from: view.nodeCount - 1, through: 0, by: -1) {
      if view.isLeaf(node) {
        var shared = empty
        for position in view.starts[node]..<view.ends[node] where marked?[position] ?? true {
          if shared == empty {
            shared = values[position]
          } else if shared != values[position] {
            shared = mixed
            break
          }
        }
        out[node] = shared
      } else {
        let (a, b) = (out[2 * node + 1], out[2 * node + 2])
        out[node] = a == empty ? b : b == empty ? a : a == b ? a : mixed
      }
    }
    return out
  }

  /// The smallest value of each node's marked positions (`Int.max` when none is marked).
  static func minimum(_ view: KDTree.View, values: [Int], marked: [Bool]) -> [Int] {
    var out = Array(repeating: Int.max, count: view.nodeCount)
    for node in stride(from: view.nodeCount - 1, through: 0, by: -1) {
      if view.isLeaf(node) {
        for position in view.starts[node]..<view.ends[node] where marked[position] { out[node] = min(out[node], values[position]) }
      } else {
        out[node] = min(out[2 * node + 1], out[2 * node + 2])
      }
    }
    return out
  }

  /// The smallest of each node's real values (`+∞` for an empty node).
  static func minimum(_ view: KDTree.View, reals: [Double]) -> [Double] {
    var out = Array(repeating: Double.infinity, count: view.nodeCount)
    for node in stride(from: view.nodeCount - 1, through: 0, by: -1) {
      if view.isLeaf(node) {
        for position in view.starts[node]..<view.ends[node] { out[node] = min(out[node], reals[position]) }
      } else {
        out[node] = min(out[2 * node + 1], out[2 * node + 2])
      }
    }
    return out
  }
}
