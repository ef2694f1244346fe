/// BIRCH's clustering-feature tree, built one row at a time as scikit-learn's `Birch` builds it.
///
/// Each node holds at most `branchingFactor` entries (``ClusteringFeature``);
/// a row descends to the entry whose centroid is nearest, measured as
/// scikit-learn measures it, ‖c‖² − 2 c·x (the first such entry on ties). At
/// a leaf it joins that entry if the radius stays within `threshold`, else
/// starts a new entry; a node that overflows splits in two
/// (``split(_:)``), which may overflow its parent, up to the root. Leaves are
/// chained in order (scikit-learn's `prev_leaf_`/`next_leaf_`), and the leaf
/// entries read along the chain are the subclusters.
/// - Complexity: O(depth · branchingFactor · columns) per row, plus O(branchingFactor² · columns) per split.
/// - SeeAlso: Zhang, Ramakrishnan & Livny, "BIRCH: an efficient data clustering method for very large databases", SIGMOD 1996.
struct CFTree: Sendable {
  /// A node: its entries and, for leaves, its neighbours in the chain of leaves.
  struct Node: Sendable {
    var isLeaf: Bool
    /// Indices into ``CFTree/features``.
    var entries: [Int] = []
    var previousLeaf: Int?
    var nextLeaf: Int?
  }

  /// The largest radius a leaf entry may reach by absorbing a row.
  let threshold: Double
  /// The most entries a node holds.
  let branchingFactor: Int
  /// Values per row.
  let columns: Int
  /// Every node; node 0 is the head of the chain of leaves and holds no entries (scikit-learn's `dummy_leaf_`).
  var nodes: [Node]
  /// Every clustering feature that is or was a node entry (a split replaces one), referenced by the nodes.
  var features: [ClusteringFeature] = []
  /// The root node.
  private(set) var root: Int

  init(threshold: Double, branchingFactor: Int, columns: Int) {
    self.threshold = threshold
    self.branchingFactor = branchingFactor
    self.columns = columns
    nodes = [Node(isLeaf: true, nextLeaf: 1), Node(isLeaf: true, previousLeaf: 0)]
    root = 1
  }

  /// Adds one row: it descends from the root, and a root that overflows splits under a new root.
  mutating func insert(_ row: [Double]) {
    guard insert(ClusteringFeature(row: row), into: root) else { return }
    let (first, second) = split(root)
    nodes.append(Node(isLeaf: false, entries: [first, second]))
    root = nodes.count - 1
  }

  /// The centroids of the leaf entries, leaf by leaf along the chain (scikit-learn's `subcluster_centers_`).
  var subclusterCentroids: [[Double]] {
    var centroids: [[Double]] = []
    var leaf = nodes[0].nextLeaf
    while let current = leaf {
      centroids += nodes[current].entries.map { features[$0].centroid }
      leaf = nodes[current].nextLeaf
    }
    return centroids
  }

  /// Inserts `feature` (one row's) under `node`; returns whether `node` now holds more than `branchingFactor` entries.
  private mutating func insert(_ feature: ClusteringFeature, into node: Int) -> Bool {
    guard !nodes[node].entries.isEmpty else {
      add(feature, to: node)
      return false
    }
    let slot = nearestSlot(in: node, to: feature.centroid)
    let closest = nodes[node].entries[slot]
    if let child = features[closest].child {
      guard insert(feature, into: child) else {
        features[closest].absorb(feature)
        return false
      }
      let (first, second) = split(child)
      nodes[node].entries[slot] = first
      nodes[node].entries.append(second)
      return nodes[node].entries.count > branchingFactor
    }
    if features[closest].merge(feature, threshold: threshold) { return false }
    add(feature, to: node)
    return nodes[node].entries.count > branchingFactor
  }

  /// Stores `feature` as a new last entry of `node`.
  private mutating func add(_ feature: ClusteringFeature, to node: Int) {
    features.append(feature)
    nodes[node].entries.append(features.count - 1)
  }

  /// The slot of `node`'s entry nearest to `point` by ‖c‖² − 2 c·p, the first on ties.
  private func nearestSlot(in node: Int, to point: [Double]) -> Int {
    var best = 0, bestScore = Double.infinity
    for (slot, entry) in nodes[node].entries.enumerated() {
      let feature = features[entry]
      let score = -2 * ClusteringFeature.dot(feature.centroid, point) + feature.squaredNorm
      if score < bestScore { (best, bestScore) = (slot, score) }
    }
    return best
  }
}
