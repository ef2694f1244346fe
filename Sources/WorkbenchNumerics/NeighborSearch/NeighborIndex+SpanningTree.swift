/// An edge of a spanning tree between two indexed rows.
public struct SpanningEdge: Sendable, Equatable {
  /// The row whose component searched for the edge.
  public var from: Int
  /// The row it reached.
  public var to: Int
  /// The edge's weight: the distance, or the mutual reachability distance.
  public var distance: Double

  public init(from: Int, to: Int, distance: Double) {
    self.from = from
    self.to = to
    self.distance = distance
  }
}

extension NeighborIndex {
  /// A minimum spanning tree of the indexed rows under the mutual reachability distance max(core(a), core(b), d(a, b)).
  ///
  /// With `coreDistances` `nil` the weights are the plain distances: the
  /// Euclidean (or Manhattan, cosine) minimum spanning tree, whose sorted
  /// edges are single linkage. With core distances (HDBSCAN's distance to
  /// the `min_samples`-th nearest row) it is the tree HDBSCAN cuts.
  ///
  /// Borůvka over the kd-tree: in each round every row finds its nearest row
  /// in another component, skipping subtrees whose rows all share its
  /// component or whose lower bound max(core(a), smallest core below,
  /// box distance) cannot beat the best so far, and stopping as soon as the
  /// best equals its own core distance (no edge from it can be lighter). Each
  /// component keeps its lightest edge (ties to the lowest searching row);
  /// the edges are added in component order, skipping any that would close a
  /// cycle (possible only among equal weights, so the total weight stays
  /// minimal). Rows search in fixed concurrent chunks; the tree is the same on
  /// any thread count. When weights tie, any of several trees is minimal and
  /// this one may differ from scikit-learn's Prim order; the heights of the
  /// merges (the sorted weights) are the same.
  ///
  /// Returns `rows − 1` edges (none for fewer than two rows), unsorted.
  /// - Complexity: O(log rows) rounds, each about one nearest-neighbour search per row; O(rows) memory.
  public func spanningTree(coreDistances: [Double]? = nil) -> [SpanningEdge] {
    if let coreDistances { precondition(coreDistances.count == count, "\(coreDistances.count) core distances for \(count) rows") }
    guard count >= 2 else { return [] }
    let metric = metric
    return tree.withView(metric: metric) { view in
      let core = (0..<count).map { position in coreDistances.map { metric.reduced($0[view.order[position]]) } ?? 0 }
      let minimumCore = NodeLabels.minimum(view, reals: core)
      var sets = TreeUnionFind(count: count)
      var edges: [SpanningEdge] = []
      edges.reserveCapacity(count - 1)
      // Each row's best edge so far (target position, reduced weight); it bounds its component while it still leaves it.
      var target = Array(repeating: -1, count: count)
      var weight = Array(repeating: Double.infinity, count: count)
      while edges.count < count - 1 {
        let component = (0..<count).map { sets.find($0) }
        let uniform = NodeLabels.uniform(view, values: component, marked: nil)
        var bound = Array(repeating: Double.infinity, count: count)
        for position in 0..<count where target[position] >= 0 {
          if component[target[position]] == component[position] {
            target[position] = -1
          } else {
            bound[component[position]] = min(bound[component[position]], weight[position])
          }
        }
        let limits = bound
        let found = NeighborIndex.chunked(count) { range in
          range.map { position in
            var best = Candidate(weight: limits[component[position]], position: -1)
            NeighborIndex.lightest(
              view, view.row(position), core: core[position], own: component[position], node: 0, cores: core, minimumCore: minimumCore,
              component: component, uniform: uniform, best: &best)
            return best
          }
        }.flatMap { $0 }
        var lightest = Array(repeating: -1, count: count)
        var roots: [Int] = []
        for position in 0..<count {
          if found[position].position >= 0 { (target[position], weight[position]) = (found[position].position, found[position].weight) }
          guard target[position] >= 0 else { continue }
          let root = component[position]
          if lightest[root] < 0 { roots.append(root) }
          if lightest[root] < 0 || weight[position] < weight[lightest[root]] { lightest[root] = position }
        }
        precondition(!roots.isEmpty, "a spanning tree round found no edge with \(count - edges.count) components left")
        for root in roots {
          let from = lightest[root]
          guard sets.union(from, target[from]) else { continue }
          let a = view.order[from], b = view.order[target[from]]
          let distance = metric.distance(reduced: view.distance(view.row(from), target[from]))
          edges.append(SpanningEdge(from: a, to: b, distance: coreDistances.map { max($0[a], $0[b], distance) } ?? distance))
        }
      }
      return edges
    }
  }

  /// The best edge a row has found so far: reduced weight and target position.
  struct Candidate: Sendable {
    var weight: Double
    var position: Int
  }

  /// Lowers `best` to the lightest mutual-reachability edge from `query` to a row of another component under `node`.
  static func lightest(
    _ view: KDTree.View, _ query: UnsafeBufferPointer<Double>, core: Double, own: Int, node: Int, cores: [Double], minimumCore: [Double],
    component: [Int], uniform: [Int], best: inout Candidate
  ) {
    guard best.weight > core, uniform[node] != own else { return }
    let bound = max(core, minimumCore[node], innerBound(view.minimumDistance(query, node: node)))
    guard bound < best.weight else { return }
    if view.isLeaf(node) {
      for position in view.starts[node]..<view.ends[node] where component[position] != own {
        let weight = max(core, cores[position], view.distance(query, position))
        if weight < best.weight { best = Candidate(weight: weight, position: position) }
      }
      return
    }
    let (left, right) = (2 * node + 1, 2 * node + 2)
    let (first, second) = view.minimumDistance(query, node: left) <= view.minimumDistance(query, node: right) ? (left, right) : (right, left)
    lightest(view, query, core: core, own: own, node: first, cores: cores, minimumCore: minimumCore, component: component, uniform: uniform, best: &best)
    lightest(view, query, core: core, own: own, node: second, cores: cores, minimumCore: minimumCore, component: component, uniform: uniform, best: &best)
  }
}
