import Testing
import WorkbenchNumerics
import WorkbenchTestSupport

/// Mean distances per row and cluster from exact differences, the slow way.
private func naiveMeans(_ x: Matrix, labels: [Int], clusters: Int) -> (own: [Double], nearestOther: [Double]) {
  let sizes = (0..<clusters).map { c in labels.filter { $0 == c }.count }
  var own: [Double] = [], nearest: [Double] = []
  for i in 0..<x.rows {
    var sums = Array(repeating: 0.0, count: clusters)
    for j in 0..<x.rows { sums[labels[j]] += Distance.squaredEuclidean(x, row: i, x, row: j).squareRoot() }
    let c = labels[i]
    own.append(sizes[c] > 1 ? sums[c] / Double(sizes[c] - 1) : 0)
    nearest.append((0..<clusters).filter { $0 != c }.map { sums[$0] / Double(sizes[$0]) }.min()!)
  }
  return (own, nearest)
}

@Suite("Distance.meanClusterDistances: the Gram form where it is safe, exact differences where it cancels")
struct ClusterMeanDistanceTests {
  @Test("tight clusters far from the origin, on customer-like column scales, match exact differences to 1e-12")
  func farFromOriginMatchesExact() throws {
    var rng = SeededGenerator(seed: 11)
    let scales = [12.0, 20_000, 40, 6, 900, 35, 0.1]
    let count = 300
    var labels: [Int] = [], values: [Double] = []
    for i in 0..<count {
      let c = i % 3
      labels.append(c)
      for (k, scale) in scales.enumerated() { values.append(1e6 * Double(k + 1) + Double(c) * scale + 1e-3 * scale * rng.nextGaussian()) }
    }
    let x = Matrix(rows: count, columns: scales.count, storage: values)
    let byCluster = (0..<count).sorted { (labels[$0], $0) < (labels[$1], $1) }
    let starts = [0, 100, 200, 300]
    let (a, b) = try #require(try Distance.meanClusterDistances(x, rowsByCluster: byCluster, clusterStarts: starts, shouldStop: { false }))
    let expected = naiveMeans(x, labels: labels, clusters: 3)
    for (p, row) in byCluster.enumerated() {
      expectClose(a[p], expected.own[row], relative: 1e-12, floor: 1e-300, "a of row \(row)")
      expectClose(b[p], expected.nearestOther[row], relative: 1e-12, floor: 1e-300, "b of row \(row)")
    }
  }

  @Test("identical rows are exactly 0 apart, so a cluster of copies has a = 0")
  func duplicatesAreZeroApart() throws {
    let x = Matrix(Array(repeating: [3.7, -1e5, 0.1], count: 9) + Array(repeating: [4.7, -1e5, 0.1], count: 6))
    let (a, b) = try #require(
      try Distance.meanClusterDistances(x, rowsByCluster: Array(0..<15), clusterStarts: [0, 9, 15], shouldStop: { false }))
    #expect(a == Array(repeating: 0, count: 15))
    expectClose(b, Array(repeating: 1, count: 15), relative: 1e-9, floor: 1e-300)
  }
}
