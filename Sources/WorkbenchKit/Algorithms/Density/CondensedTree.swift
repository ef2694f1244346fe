import WorkbenchNumerics

/// HDBSCAN's condensed cluster tree: the single-linkage dendrogram with every split that sheds fewer than `min_cluster_size` rows read as rows falling out.
///
/// Each entry says that `child` (a row below `rows`, or a cluster id from
/// `rows` upward; `rows` itself is the root) leaves `parent` at density
/// λ = 1 / distance (+∞ at distance 0), taking `childSize` rows with it.
/// Built top-down in breadth-first order exactly as scikit-learn's
/// `_condense_tree` (and the `hdbscan` library's) does, so cluster ids and
/// entry order agree with theirs for the same dendrogram; a parent's id is
/// always smaller than its children's. The tree names clusters and rows,
/// never final labels.
/// - Complexity: O(rows) time and memory.
struct CondensedTree: Sendable, Equatable {
  /// Number of rows; the root cluster's id.
  let rows: Int
  var parent: [Int] = []
  var child: [Int] = []
  var lambda: [Double] = []
  var childSize: [Int] = []

  /// Condenses `linkage` with the smallest cluster size `minClusterSize`.
  init(linkage: SingleLinkage, minClusterSize: Int) {
    rows = linkage.rows
    guard rows >= 2 else { return }
    let root = 2 * rows - 2
    var relabel = Array(repeating: 0, count: root + 1)
    relabel[root] = rows
    var nextLabel = rows + 1
    var ignore = Array(repeating: false, count: root + 1)
    for node in Self.breadthFirst(linkage, from: root) where node >= rows && !ignore[node] {
      let merge = node - rows
      let (left, right) = (linkage.left[merge], linkage.right[merge])
      let distance = linkage.distance[merge]
      let value = distance > 0 ? 1 / distance : Double.infinity
      let (leftCount, rightCount) = (linkage.count(left), linkage.count(right))
      let cluster = relabel[node]
      if leftCount >= minClusterSize && rightCount >= minClusterSize {
        for (side, size) in [(left, leftCount), (right, rightCount)] {
          relabel[side] = nextLabel
          nextLabel += 1
          append(cluster, relabel[side], value, size)
        }
      } else {
        if leftCount >= minClusterSize { relabel[left] = cluster }
        if rightCount >= minClusterSize { relabel[right] = cluster }
        for (side, size) in [(left, leftCount), (right, rightCount)] where size < minClusterSize {
          for sub in Self.breadthFirst(linkage, from: side) {
            if sub < rows { append(cluster, sub, value, 1) }
            ignore[sub] = true
          }
        }
      }
    }
  }

  private mutating func append(_ parent: Int, _ child: Int, _ lambda: Double, _ size: Int) {
    self.parent.append(parent)
    self.child.append(child)
    self.lambda.append(lambda)
    childSize.append(size)
  }

  /// The nodes under `start` (itself first) level by level, left before right: scipy's `bfs_from_hierarchy`.
  static func breadthFirst(_ linkage: SingleLinkage, from start: Int) -> [Int] {
    var out = [start]
    var next = 0
    while next < out.count {
      let node = out[next]
      next += 1
      if node >= linkage.rows { out += [linkage.left[node - linkage.rows], linkage.right[node - linkage.rows]] }
    }
    return out
  }

  /// Number of entries.
  var count: Int { parent.count }
  /// The largest cluster id (the root's when there is no split).
  var largestCluster: Int { max(rows, parent.max() ?? rows) }

  /// The tree as JSON in the scipy / `hdbscan` shape: `parent`, `child`, `lambda_val`, `child_size` arrays and `rows`.
  ///
  /// JSON has no infinity: a λ of +∞ (rows merged at distance 0, such as
  /// duplicates) is written as `null`.
  var json: JSONValue {
    [
      "rows": .int(rows), "parent": SavedState.encode(parent), "child": SavedState.encode(child),
      "lambda_val": Self.encode(lambda), "child_size": SavedState.encode(childSize),
    ]
  }

  /// λ values as a JSON list, +∞ as `null` (JSON has no infinity).
  static func encode(_ lambdas: [Double]) -> JSONValue { .array(lambdas.map { $0.isFinite ? .double($0) : .null }) }

  /// A list written by ``encode(_:)``, `null` read as +∞.
  static func lambdas(_ saved: SavedState, _ key: String) throws(SavedStateError) -> [Double] {
    guard let values = try saved.value(key).array else { throw SavedStateError(owner: saved.owner, detail: "'\(key)' is not a list") }
    var out: [Double] = []
    for value in values {
      if case .null = value {
        out.append(.infinity)
      } else if let number = value.number {
        out.append(number)
      } else {
        throw SavedStateError(owner: saved.owner, detail: "'\(key)' holds a value that is neither a number nor null")
      }
    }
    return out
  }
}
