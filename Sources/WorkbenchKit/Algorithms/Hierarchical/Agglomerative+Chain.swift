import Foundation
import WorkbenchNumerics

extension Agglomerative {
  /// The complete- or average-linkage merge tree of the rows of `x`: scipy's `nn_chain` on the condensed distance matrix.
  ///
  /// The chain starts at the live cluster with the lowest id; each step
  /// extends it with the nearest cluster of its top (the lowest id among equal
  /// distances, the previous element winning a tie) until two clusters are
  /// mutual nearest neighbours, which merge under the larger id. Distances to
  /// the merged cluster follow Lance–Williams: complete max(d_ai, d_bi),
  /// average (|a|·d_ai + |b|·d_bi) / (|a| + |b|). The matrix's memory is
  /// checked first (``checkMatrixMemory(rows:linkage:physicalMemory:)``).
  /// Domain: `linkage` complete or average; at least one row.
  /// - Complexity: O(rows² · columns) to build the matrix, spread over the cores, and O(rows²) for the chain
  ///   (each of at most 3 · rows steps scans one row of the matrix); 8 · rows(rows − 1)/2 bytes.
  static func chainTree(_ x: Matrix, linkage: Linkage, metric: PointMetric, context: FitContext) throws -> LinkageMatrix {
    precondition(linkage == .complete || linkage == .average, "the chain on a matrix serves complete and average linkage")
    try checkMatrixMemory(rows: x.rows, linkage: linkage, physicalMemory: ProcessInfo.processInfo.physicalMemory)
    let n = x.rows
    var distance = CondensedDistances(x, metric: metric)
    var size = Array(repeating: 1, count: n)
    var steps: [(left: Int, right: Int, height: Double)] = []
    steps.reserveCapacity(max(n - 1, 0))
    var chain: [Int] = []
    chain.reserveCapacity(n)
    var lowestLive = 0
    for step in 0..<max(n - 1, 0) {
      if step % 64 == 0 { try context.checkCancellation() }
      if chain.isEmpty {
        while size[lowestLive] == 0 { lowestLive += 1 }
        chain.append(lowestLive)
      }
      var nearest = -1, height = Double.infinity
      while true {
        let top = chain[chain.count - 1]
        let previous = chain.count > 1 ? chain[chain.count - 2] : -1
        (nearest, height) = previous >= 0 ? (previous, distance[top, previous]) : (-1, .infinity)
        for i in 0..<n where size[i] > 0 && i != top {
          let d = distance[top, i]
          if d < height { (nearest, height) = (i, d) }
        }
        if nearest == previous { break }
        chain.append(nearest)
      }
      let a = min(chain[chain.count - 1], nearest), b = max(chain[chain.count - 1], nearest)
      chain.removeLast(2)
      let sizeA = Double(size[a]), sizeB = Double(size[b])
      size[b] += size[a]
      size[a] = 0
      for i in 0..<n where size[i] > 0 && i != b {
        let da = distance[i, a], db = distance[i, b]
        distance[i, b] = linkage == .complete ? max(da, db) : (sizeA * da + sizeB * db) / (sizeA + sizeB)
      }
      steps.append((a, b, height))
    }
    return LinkageMatrix(leafCount: n, steps: steps)
  }
}
