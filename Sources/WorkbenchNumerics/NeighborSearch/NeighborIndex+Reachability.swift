/// The OPTICS reachability plot: the order rows were visited in and how they were reached.
public struct ReachabilityPlot: Sendable, Equatable {
  /// Rows in visiting order.
  public var ordering: [Int]
  /// Reachability distance of each row (by row), `+∞` for rows reached from no core row.
  public var reachability: [Double]
  /// The row each row was reached from (by row), −1 where none.
  public var predecessor: [Int]

  public init(ordering: [Int], reachability: [Double], predecessor: [Int]) {
    self.ordering = ordering
    self.reachability = reachability
    self.predecessor = predecessor
  }
}

extension NeighborIndex {
  /// OPTICS's ordering of the indexed rows (Ankerst et al. 1999) as scikit-learn computes it.
  ///
  /// Starting from the unprocessed row with the smallest reachability
  /// (ties and the all-infinite case to the smallest row index), each
  /// visited row with a finite core distance c offers every unprocessed row
  /// within `maxDistance` the reachability `rounding(max(c, d))`, kept when
  /// strictly smaller than the row's current one (`predecessor` records who
  /// offered it). `coreDistances` come in already limited to `maxDistance`
  /// and rounded (`rounding` is scikit-learn's `np.around(…, 15)` in the
  /// caller). scikit-learn compares against every row within `max_eps`
  /// (all rows by default, O(rows²)); here subtrees whose rows are all
  /// processed, or whose largest current reachability cannot be lowered
  /// (a stale upper bound, refreshed on each visit), are skipped, which
  /// changes no value.
  /// - Complexity: O(rows²) distances at worst, far fewer on clustered data; O(rows) memory. Sequential, as the method is.
  public func reachabilityPlot(coreDistances: [Double], maxDistance: Double, rounding: (Double) -> Double) -> ReachabilityPlot {
    precondition(coreDistances.count == count, "\(coreDistances.count) core distances for \(count) rows")
    let metric = metric
    return tree.withView(metric: metric) { view in
      var sweep = ReachabilitySweep(view: view, metric: metric, cores: coreDistances, maxDistance: maxDistance)
      var queue = ReachabilityQueue()
      var ordering: [Int] = []
      ordering.reserveCapacity(count)
      var nextRow = 0
      for _ in 0..<count {
        let position: Int
        if let entry = queue.popCurrent({ !sweep.processed[$0.position] && sweep.reachability[$0.position] == $0.reachability }) {
          position = entry.position
        } else {
          while sweep.processed[sweep.positionOf[nextRow]] { nextRow += 1 }
          position = sweep.positionOf[nextRow]
        }
        sweep.markProcessed(position)
        ordering.append(view.order[position])
        if sweep.core[position].isFinite {
          sweep.offer(from: position, node: 0, rounding: rounding) { queue.push($0) }
        }
      }
      var reachability = Array(repeating: Double.infinity, count: count)
      var predecessor = Array(repeating: -1, count: count)
      for position in 0..<count {
        reachability[view.order[position]] = sweep.reachability[position]
        predecessor[view.order[position]] = sweep.predecessor[position]
      }
      return ReachabilityPlot(ordering: ordering, reachability: reachability, predecessor: predecessor)
    }
  }
}

/// The mutable state of one OPTICS sweep, by tree position, with per-node bounds for pruning.
struct ReachabilitySweep {
  let view: KDTree.View
  let metric: NeighborMetric
  let positionOf: [Int]
  let core: [Double]
  let maxReduced: Double
  var processed: [Bool]
  var reachability: [Double]
  var predecessor: [Int]
  /// Unprocessed rows under each node.
  var unprocessed: [Int]
  /// An upper bound on the reachability of each node's unprocessed rows.
  var largestReachability: [Double]

  init(view: KDTree.View, metric: NeighborMetric, cores: [Double], maxDistance: Double) {
    self.view = view
    self.metric = metric
    positionOf = view.positions()
    core = view.order.map { cores[$0] }
    maxReduced = metric.reduced(maxDistance)
    processed = Array(repeating: false, count: view.order.count)
    reachability = Array(repeating: .infinity, count: view.order.count)
    predecessor = Array(repeating: -1, count: view.order.count)
    unprocessed = (0..<view.nodeCount).map { view.ends[$0] - view.starts[$0] }
    largestReachability = Array(repeating: .infinity, count: view.nodeCount)
  }

  /// Marks `position` processed and updates the unprocessed counts on its path from the root.
  mutating func markProcessed(_ position: Int) {
    processed[position] = true
    var node = 0
    while true {
      unprocessed[node] -= 1
      if view.isLeaf(node) { return }
      node = position < view.ends[2 * node + 1] ? 2 * node + 1 : 2 * node + 2
    }
  }

  /// Offers the reachability through `from` to the unprocessed rows under `node`; calls `push` for each improved row.
  mutating func offer(from: Int, node: Int, rounding: (Double) -> Double, push: (ReachabilityQueue.Entry) -> Void) {
    guard unprocessed[node] > 0 else { return }
    let query = view.row(from)
    let gap = view.minimumDistance(query, node: node)
    guard gap <= NeighborIndex.outerBound(maxReduced) else { return }
    guard rounding(max(core[from], metric.distance(reduced: NeighborIndex.innerBound(gap)))) < largestReachability[node] else { return }
    if view.isLeaf(node) {
      var largest = -Double.infinity
      for position in view.starts[node]..<view.ends[node] where !processed[position] {
        let reduced = view.distance(query, position)
        if reduced <= maxReduced {
          let offered = rounding(max(metric.distance(reduced: reduced), core[from]))
          if offered < reachability[position] {
            reachability[position] = offered
            predecessor[position] = view.order[from]
            push(ReachabilityQueue.Entry(reachability: offered, row: view.order[position], position: position))
          }
        }
        largest = max(largest, reachability[position])
      }
      largestReachability[node] = largest
      return
    }
    let (left, right) = (2 * node + 1, 2 * node + 2)
    offer(from: from, node: left, rounding: rounding, push: push)
    offer(from: from, node: right, rounding: rounding, push: push)
    largestReachability[node] = max(largestReachability[left], largestReachability[right])
  }
}
