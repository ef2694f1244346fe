@testable import WorkbenchNumerics

/// Brute-force answers to every neighbour question, written as plainly as possible, to check ``NeighborIndex`` against.
///
/// Distances are scalar loops (Euclidean squared, Manhattan, cosine as
/// ‖x̂ − ŷ‖² / 2 on unit rows); on integer-valued data every squared or
/// absolute sum is exact in any order, so ties are exact ties.
enum NeighborReference {
  /// The distance between two rows under `metric`.
  static func distance(_ a: [Double], _ b: [Double], _ metric: NeighborMetric) -> Double {
    switch metric {
    case .euclidean: return zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
    case .manhattan: return zip(a, b).reduce(0) { $0 + abs($1.0 - $1.1) }
    case .cosine:
      let (ua, ub) = (unit(a), unit(b))
      return zip(ua, ub).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / 2
    }
  }

  static func unit(_ a: [Double]) -> [Double] {
    let norm = a.reduce(0) { $0 + $1 * $1 }.squareRoot()
    return norm > 0 ? a.map { $0 / norm } : a
  }

  /// Every row of `x` within `radius` of `query`, sorted by distance then index.
  static func within(_ radius: Double, of query: [Double], in rows: [[Double]], _ metric: NeighborMetric) -> [Neighbor] {
    rows.indices.map { Neighbor(index: $0, distance: distance(query, rows[$0], metric)) }
      .filter { $0.distance <= radius }
      .sorted { $0.distance != $1.distance ? $0.distance < $1.distance : $0.index < $1.index }
  }

  /// The `k` nearest rows of `x` to `query`, ties to the lower index.
  static func nearest(_ k: Int, to query: [Double], in rows: [[Double]], _ metric: NeighborMetric) -> [Neighbor] {
    Array(
      rows.indices.map { Neighbor(index: $0, distance: distance(query, rows[$0], metric)) }
        .sorted { $0.distance != $1.distance ? $0.distance < $1.distance : $0.index < $1.index }
        .prefix(k))
  }

  /// Components of members joined at distance ≤ radius, numbered by lowest member row; −1 for others.
  static func components(_ x: Matrix, radius: Double, members: [Bool], _ metric: NeighborMetric) -> [Int] {
    let rows = (0..<x.rows).map(x.rowArray)
    var label = Array(repeating: -1, count: x.rows)
    var next = 0
    for start in 0..<x.rows where members[start] && label[start] < 0 {
      label[start] = next
      var stack = [start]
      while let i = stack.popLast() {
        for j in 0..<x.rows where members[j] && label[j] < 0 && distance(rows[i], rows[j], metric) <= radius {
          label[j] = next
          stack.append(j)
        }
      }
      next += 1
    }
    return label
  }

  /// The total weight of a minimum spanning tree under max(core(a), core(b), d(a, b)), by Prim's method.
  static func spanningWeights(_ x: Matrix, cores: [Double], _ metric: NeighborMetric) -> [Double] {
    let rows = (0..<x.rows).map(x.rowArray)
    let n = x.rows
    guard n > 1 else { return [] }
    var inTree = Array(repeating: false, count: n)
    var best = Array(repeating: Double.infinity, count: n)
    var weights: [Double] = []
    var current = 0
    for _ in 1..<n {
      inTree[current] = true
      var next = -1
      for j in 0..<n where !inTree[j] {
        let w = max(cores[current], cores[j], distance(rows[current], rows[j], metric))
        best[j] = min(best[j], w)
        if next < 0 || best[j] < best[next] { next = j }
      }
      weights.append(best[next])
      current = next
    }
    return weights.sorted()
  }

  /// scikit-learn's OPTICS loop, literally: argmin over unprocessed rows, then offers to every unprocessed row within maxDistance.
  static func reachability(_ x: Matrix, cores: [Double], maxDistance: Double, _ metric: NeighborMetric) -> ReachabilityPlot {
    let rows = (0..<x.rows).map(x.rowArray)
    let n = x.rows
    var processed = Array(repeating: false, count: n)
    var reach = Array(repeating: Double.infinity, count: n)
    var predecessor = Array(repeating: -1, count: n)
    var ordering: [Int] = []
    for _ in 0..<n {
      var point = -1
      for i in 0..<n where !processed[i] && (point < 0 || reach[i] < reach[point]) { point = i }
      processed[point] = true
      ordering.append(point)
      guard cores[point].isFinite else { continue }
      for j in 0..<n where !processed[j] {
        let d = distance(rows[point], rows[j], metric)
        guard d <= maxDistance else { continue }
        let offered = max(d, cores[point])
        if offered < reach[j] {
          reach[j] = offered
          predecessor[j] = point
        }
      }
    }
    return ReachabilityPlot(ordering: ordering, reachability: reach, predecessor: predecessor)
  }
}
