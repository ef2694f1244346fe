/// A row found by a neighbour query: its index in the indexed matrix and its distance (in the metric's units).
public struct Neighbor: Sendable, Equatable {
  /// Row of the indexed matrix.
  public var index: Int
  /// Distance from the query row.
  public var distance: Double

  public init(index: Int, distance: Double) {
    self.index = index
    self.distance = distance
  }
}

extension NeighborIndex {
  /// For each query row, how many indexed rows lie within `radius` (distance ≤ radius), counting at most `limit`.
  ///
  /// `queries == nil` asks for every indexed row itself (which then counts
  /// itself, at distance 0), in row order. Counting stops at `limit`, so
  /// "has at least `limit` neighbours" (DBSCAN's core test) costs about
  /// `limit` distances in dense regions; boxes entirely inside the radius are
  /// counted whole.
  /// - Complexity: about O(log rows + min(answer, limit)) per query, chunks in parallel; O(queries) memory.
  public func counts(within radius: Double, of queries: Matrix? = nil, limit: Int = .max) -> [Int] {
    precondition(radius >= 0 && limit >= 0, "bad radius \(radius) or limit \(limit)")
    let reduced = metric.reduced(radius)
    return answers(for: queries, placeholder: 0) { view, query, _, _ in
      var found = 0
      NeighborIndex.count(view, query, reduced: reduced, limit: limit, node: 0, gap: view.minimumDistance(query, node: 0), found: &found)
      return min(found, limit)
    }
  }

  /// Calls `visit(query, neighbours)` for each query row with its indexed rows within `radius`, sorted by distance then index.
  ///
  /// The neighbourhoods are built one query at a time inside fixed chunks of
  /// queries that run concurrently; only the visitor's return values are kept
  /// (in query order), so memory never holds all neighbourhoods at once.
  /// `queries == nil` visits every indexed row (each finds itself) with its
  /// row index as `query`.
  /// - Complexity: about O(log rows + answer · log answer) per query.
  public func neighborhoods<T: Sendable>(
    within radius: Double, of queries: Matrix? = nil, placeholder: T, _ visit: @Sendable (_ query: Int, _ neighbors: [Neighbor]) -> T
  ) -> [T] {
    precondition(radius >= 0, "negative radius \(radius)")
    let reduced = metric.reduced(radius)
    let metric = metric
    return answers(for: queries, placeholder: placeholder) { view, query, index, scratch in
      scratch.removeAll(keepingCapacity: true)
      NeighborIndex.collect(view, query, reduced: reduced, node: 0, into: &scratch)
      scratch.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.index < $1.index }
      return visit(index, scratch.map { Neighbor(index: $0.index, distance: metric.distance(reduced: $0.distance)) })
    }
  }

  /// The `k` nearest indexed rows of each query row, nearest first, ties to the lower row index.
  ///
  /// `queries == nil` asks for every indexed row, which is then its own
  /// nearest neighbour (distance 0), as scikit-learn's `kneighbors(X)` with an
  /// explicit `X`. Returns one list per query of `min(k, rows)` neighbours.
  /// - Complexity: about O(k log k + log rows) distances per query in low dimension; chunks in parallel.
  public func nearest(_ k: Int, of queries: Matrix? = nil) -> [[Neighbor]] {
    precondition(k >= 1, "k must be positive")
    let metric = metric
    let wanted = min(k, count)
    let positionOf = tree.withView(metric: metric) { $0.positions() }
    return answers(for: queries, placeholder: []) { view, query, _, heap in
      NeighborIndex.nearest(view, query, k: wanted, positionOf: positionOf, heap: &heap)
      return heap.sorted { $0.distance != $1.distance ? $0.distance < $1.distance : $0.index < $1.index }
        .map { Neighbor(index: $0.index, distance: metric.distance(reduced: $0.distance)) }
    }
  }

  /// The distance from each query row to its `k`-th nearest indexed row (counting the row itself for `queries == nil`).
  ///
  /// The same neighbours as ``nearest(_:of:)`` without keeping the lists:
  /// HDBSCAN's and OPTICS's core distances. With fewer than `k` indexed rows, the farthest row's distance.
  /// - Complexity: as ``nearest(_:of:)``, with O(queries) memory.
  public func distanceToNearest(_ k: Int, of queries: Matrix? = nil) -> [Double] {
    distancesToNearest([k], of: queries).map { $0[0] }
  }

  /// For each query row, its distances to its `ranks[0]`-th, `ranks[1]`-th, … nearest indexed rows, from one search.
  ///
  /// Two core distances of different `min_samples` (HDBSCAN's and the
  /// `hdbscan` library's) cost one k-nearest search with the larger rank.
  /// A rank beyond the indexed rows gives the farthest row's distance.
  /// - Complexity: as ``nearest(_:of:)`` with k = the largest rank, plus O(k log k) per query; O(queries · ranks) memory.
  public func distancesToNearest(_ ranks: [Int], of queries: Matrix? = nil) -> [[Double]] {
    precondition(!ranks.isEmpty && ranks.allSatisfy { $0 >= 1 }, "ranks must be positive")
    let metric = metric
    let wanted = min(ranks.max()!, count)
    let positionOf = tree.withView(metric: metric) { $0.positions() }
    return answers(for: queries, placeholder: []) { view, query, _, heap in
      NeighborIndex.nearest(view, query, k: wanted, positionOf: positionOf, heap: &heap)
      guard !heap.isEmpty else { return ranks.map { _ in .infinity } }
      let sorted = heap.map(\.distance).sorted()
      return ranks.map { metric.distance(reduced: sorted[min($0, sorted.count) - 1]) }
    }
  }

  /// One answer per query, in query order: the driver behind every batched query.
  ///
  /// `answer(view, query, index, scratch)` gets the query in the tree's
  /// geometry, its index (row of `queries`, or the indexed row for `nil`) and
  /// a scratch list reused within the chunk (results hold original row
  /// indices and reduced distances). Indexed rows are asked in tree order,
  /// which keeps neighbouring queries on the same leaves.
  func answers<T: Sendable>(
    for queries: Matrix?, placeholder: T,
    _ answer: @Sendable (KDTree.View, UnsafeBufferPointer<Double>, Int, inout [Neighbor]) -> T
  ) -> [T] {
    if let queries {
      return withQueries(queries) { view, rows in
        NeighborIndex.chunked(rows.count) { range in
          var scratch: [Neighbor] = []
          return range.map { answer(view, rows.row($0), $0, &scratch) }
        }.flatMap { $0 }
      }
    }
    return tree.withView(metric: metric) { view in
      let byPosition = NeighborIndex.chunked(count) { range in
        var scratch: [Neighbor] = []
        return range.map { answer(view, view.row($0), view.order[$0], &scratch) }
      }
      var out = Array(repeating: placeholder, count: count)
      var position = 0
      for chunk in byPosition {
        for value in chunk {
          out[view.order[position]] = value
          position += 1
        }
      }
      return out
    }
  }

  // MARK: - Traversals

  /// Adds to `found` the rows of `node` (at box distance `gap`) within `reduced`, stopping once `found ≥ limit`.
  static func count(
    _ view: KDTree.View, _ query: UnsafeBufferPointer<Double>, reduced: Double, limit: Int, node: Int, gap: Double, found: inout Int
  ) {
    guard found < limit, gap <= outerBound(reduced) else { return }
    if view.maximumDistance(query, node: node) <= innerBound(reduced) {
      found += view.ends[node] - view.starts[node]
      return
    }
    if view.isLeaf(node) {
      for position in view.starts[node]..<view.ends[node] where view.isWithin(query, position, reduced) {
        found += 1
        if found >= limit { return }
      }
      return
    }
    let (left, right) = (2 * node + 1, 2 * node + 2)
    let (leftGap, rightGap) = (view.minimumDistance(query, node: left), view.minimumDistance(query, node: right))
    let ((first, firstGap), (second, secondGap)) = leftGap <= rightGap ? ((left, leftGap), (right, rightGap)) : ((right, rightGap), (left, leftGap))
    count(view, query, reduced: reduced, limit: limit, node: first, gap: firstGap, found: &found)
    count(view, query, reduced: reduced, limit: limit, node: second, gap: secondGap, found: &found)
  }

  /// Appends the rows of `node` within `reduced` (original indices, reduced distances).
  static func collect(_ view: KDTree.View, _ query: UnsafeBufferPointer<Double>, reduced: Double, node: Int, into found: inout [Neighbor]) {
    guard view.minimumDistance(query, node: node) <= outerBound(reduced) else { return }
    if view.isLeaf(node) {
      for position in view.starts[node]..<view.ends[node] {
        let distance = view.distance(query, position)
        if distance <= reduced { found.append(Neighbor(index: view.order[position], distance: distance)) }
      }
      return
    }
    collect(view, query, reduced: reduced, node: 2 * node + 1, into: &found)
    collect(view, query, reduced: reduced, node: 2 * node + 2, into: &found)
  }

  /// Replaces `heap` by the `k` rows nearest `query` (a max-heap on distance, then index), unsorted.
  ///
  /// On entry `heap` may hold the previous query's answer (queries in one
  /// chunk come in tree order, so neighbouring queries share neighbours):
  /// the largest distance from `query` to those k rows bounds its own k-th
  /// distance, and subtrees beyond it are never opened. The answer is the
  /// same with or without that bound; only the work differs.
  static func nearest(_ view: KDTree.View, _ query: UnsafeBufferPointer<Double>, k: Int, positionOf: [Int], heap: inout [Neighbor]) {
    var bound = Double.infinity
    if heap.count == k {
      bound = heap.reduce(0) { max($0, view.distance(query, positionOf[$1.index])) }
    }
    heap.removeAll(keepingCapacity: true)
    nearest(view, query, k: k, bound: bound, node: 0, gap: view.minimumDistance(query, node: 0), heap: &heap)
  }

  /// Keeps in `heap` the `k` rows nearest `query` seen so far under `node` (at box distance `gap`), ignoring rows beyond `bound`.
  static func nearest(
    _ view: KDTree.View, _ query: UnsafeBufferPointer<Double>, k: Int, bound: Double, node: Int, gap: Double, heap: inout [Neighbor]
  ) {
    let limit = heap.count == k ? min(heap[0].distance, bound) : bound
    if gap > outerBound(limit) { return }
    if view.isLeaf(node) {
      for position in view.starts[node]..<view.ends[node] {
        let limit = heap.count == k ? heap[0].distance : bound
        let distance = view.distance(query, position, atMost: limit)
        guard distance <= limit else { continue }
        let candidate = Neighbor(index: view.order[position], distance: distance)
        if heap.count < k {
          NeighborHeap.push(candidate, into: &heap)
        } else if NeighborHeap.precedes(candidate, heap[0]) {
          NeighborHeap.replaceTop(with: candidate, in: &heap)
        }
      }
      return
    }
    let (left, right) = (2 * node + 1, 2 * node + 2)
    let (leftGap, rightGap) = (view.minimumDistance(query, node: left), view.minimumDistance(query, node: right))
    if leftGap <= rightGap {
      nearest(view, query, k: k, bound: bound, node: left, gap: leftGap, heap: &heap)
      nearest(view, query, k: k, bound: bound, node: right, gap: rightGap, heap: &heap)
    } else {
      nearest(view, query, k: k, bound: bound, node: right, gap: rightGap, heap: &heap)
      nearest(view, query, k: k, bound: bound, node: left, gap: leftGap, heap: &heap)
    }
  }
}
