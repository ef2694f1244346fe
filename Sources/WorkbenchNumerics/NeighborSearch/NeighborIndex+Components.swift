extension NeighborIndex {
  /// The connected components of the graph joining member rows at distance ≤ `radius`: DBSCAN's clusters of core points.
  ///
  /// Returns one value per indexed row: the component number, or −1 for a
  /// row that is not a member. Components are numbered 0, 1, … in order of
  /// their lowest member row (the order in which scikit-learn's DBSCAN
  /// discovers clusters).
  ///
  /// Why not a neighbourhood per row: in dense data a row may have
  /// thousands of rows within the radius; one edge out of its component
  /// suffices. The search runs in rounds (Borůvka's pattern): each member
  /// row looks for *any* member of another component within the radius,
  /// skipping subtrees whose members all share its component; the edges
  /// found are united, and a row that finds nothing never searches again
  /// (its ball holds only its own, growing component). Rounds at least halve
  /// the number of components that still have an edge, so there are at most
  /// log₂(rows) + 1 of them. Rows search in fixed concurrent chunks and edges
  /// are united in row order, so the result never depends on the thread count
  /// (and components are a property of the graph anyway).
  /// - Complexity: O(rounds · members · search) time, where a search costs about a
  ///   nearest-neighbour query; O(rows) memory.
  public func components(within radius: Double, members: [Bool]) -> [Int] {
    precondition(members.count == count, "\(members.count) member flags for \(count) rows")
    precondition(radius >= 0, "negative radius")
    let reduced = metric.reduced(radius)
    return tree.withView(metric: metric) { view in
      let memberAt = (0..<count).map { members[view.order[$0]] }
      var sets = TreeUnionFind(count: count)
      var searching = memberAt
      while true {
        let component = (0..<count).map { sets.find($0) }
        let uniform = NodeLabels.uniform(view, values: component, marked: memberAt)
        let active = searching
        let rounds = NeighborIndex.chunked(count) { range in
          var edges: [(Int, Int)] = []
          var finished: [Int] = []
          for position in range where active[position] {
            let own = component[position]
            let target = NeighborIndex.otherComponent(
              view, view.row(position), own: own, reduced: reduced, node: 0, component: component, members: memberAt, uniform: uniform)
            if target >= 0 { edges.append((position, target)) } else { finished.append(position) }
          }
          return (edges, finished)
        }
        var merged = false
        for (edges, finished) in rounds {
          for (a, b) in edges where sets.union(a, b) { merged = true }
          for position in finished { searching[position] = false }
        }
        if !merged { break }
      }
      return NeighborIndex.numbered(view, sets: &sets, members: memberAt, count: count)
    }
  }

  /// A member position within `reduced` of `query` whose component differs from `own`, or −1.
  static func otherComponent(
    _ view: KDTree.View, _ query: UnsafeBufferPointer<Double>, own: Int, reduced: Double, node: Int, component: [Int], members: [Bool],
    uniform: [Int]
  ) -> Int {
    let shared = uniform[node]
    guard shared != own, shared != NodeLabels.empty, view.minimumDistance(query, node: node) <= outerBound(reduced) else { return -1 }
    if view.isLeaf(node) {
      for position in view.starts[node]..<view.ends[node]
      where members[position] && component[position] != own && view.isWithin(query, position, reduced) {
        return position
      }
      return -1
    }
    let (left, right) = (2 * node + 1, 2 * node + 2)
    let (first, second) = view.minimumDistance(query, node: left) <= view.minimumDistance(query, node: right) ? (left, right) : (right, left)
    let found = otherComponent(view, query, own: own, reduced: reduced, node: first, component: component, members: members, uniform: uniform)
    if found >= 0 { return found }
    return otherComponent(view, query, own: own, reduced: reduced, node: second, component: component, members: members, uniform: uniform)
  }

  /// Component numbers by original row: 0, 1, … in order of each component's lowest member row; −1 for non-members.
  static func numbered(_ view: KDTree.View, sets: inout TreeUnionFind, members: [Bool], count: Int) -> [Int] {
    var rootAt = Array(repeating: -1, count: count)
    for position in 0..<count where members[position] { rootAt[view.order[position]] = sets.find(position) }
    var number = [Int: Int]()
    var out = Array(repeating: -1, count: count)
    for row in 0..<count where rootAt[row] >= 0 {
      if let existing = number[rootAt[row]] {
        out[row] = existing
      } else {
        out[row] = number.count
        number[rootAt[row]] = out[row]
      }
    }
    return out
  }

  /// For each of `rows`, the smallest label ≥ 0 among indexed rows within `radius` (−1 when none): DBSCAN's border rule.
  ///
  /// scikit-learn's DBSCAN labels a border row (within `eps` of core rows
  /// but not core itself) with the first cluster that reaches it, and
  /// clusters are discovered in label order, so the smallest label among
  /// the core rows within `eps` wins. `labels` holds one value per indexed
  /// row; rows with a negative label are ignored as neighbours.
  /// - Complexity: about a radius query per row, pruned by the smallest label below each node; chunks in parallel.
  public func smallestLabel(within radius: Double, labels: [Int], for rows: [Int]) -> [Int] {
    precondition(labels.count == count, "\(labels.count) labels for \(count) rows")
    let reduced = metric.reduced(radius)
    return tree.withView(metric: metric) { view in
      let positionOf = view.positions()
      let labelAt = (0..<count).map { labels[view.order[$0]] }
      let minimum = NodeLabels.minimum(view, values: labelAt, marked: labelAt.map { $0 >= 0 })
      return NeighborIndex.chunked(rows.count) { range in
        range.map { i in
          var best = Int.max
          NeighborIndex.smallest(view, view.row(positionOf[rows[i]]), reduced: reduced, node: 0, labels: labelAt, minimum: minimum, best: &best)
          return best == Int.max ? -1 : best
        }
      }.flatMap { $0 }
    }
  }

  /// Lowers `best` to the smallest non-negative label within `reduced` of `query` under `node`.
  static func smallest(
    _ view: KDTree.View, _ query: UnsafeBufferPointer<Double>, reduced: Double, node: Int, labels: [Int], minimum: [Int], best: inout Int
  ) {
    guard minimum[node] < best, view.minimumDistance(query, node: node) <= outerBound(reduced) else { return }
    if view.isLeaf(node) {
      for position in view.starts[node]..<view.ends[node]
      where labels[position] >= 0 && labels[position] < best && view.isWithin(query, position, reduced) {
        best = labels[position]
      }
      return
    }
    smallest(view, query, reduced: reduced, node: 2 * node + 1, labels: labels, minimum: minimum, best: &best)
    smallest(view, query, reduced: reduced, node: 2 * node + 2, labels: labels, minimum: minimum, best: &best)
  }
}
