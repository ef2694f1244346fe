import Testing
import WorkbenchNumerics
import WorkbenchTestSupport

/// The column-order loops the lane kernels must reproduce.
private enum Naive {
  static func distance(_ a: [Double], _ b: [Double], _ metric: PointMetric) -> Double {
    var sum = 0.0, dot = 0.0, aa = 0.0, bb = 0.0
    for j in a.indices {
      sum += metric == .euclidean ? (a[j] - b[j]) * (a[j] - b[j]) : abs(a[j] - b[j])
      dot += a[j] * b[j]
      aa += a[j] * a[j]
      bb += b[j] * b[j]
    }
    switch metric {
    case .euclidean: return sum.squareRoot()
    case .manhattan: return sum
    case .cosine: return aa > 0 && bb > 0 ? min(max(1 - dot / (aa.squareRoot() * bb.squareRoot()), 0), 2) : 1
    }
  }

  static func wardCost(_ a: [Double], _ wa: Double, _ b: [Double], _ wb: Double) -> Double {
    var sum = 0.0
    for j in a.indices { sum += (a[j] - b[j]) * (a[j] - b[j]) }
    return (2 * wa * wb) / (wa + wb) * sum
  }
}

private func randomMatrix(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
  var rng = SeededGenerator(seed: seed)
  return Matrix(rows: rows, columns: columns, storage: (0..<(rows * columns)).map { _ in rng.nextGaussian() * 3 })
}

@Suite("blocked points")
struct BlockedPointsTests {
  @Test("distances from a row equal the column-order loop bit for bit (cosine to 1e-15) for 0…9 columns and a random count",
    arguments: Array(0...9) + [37])
  func distancesMatchNaive(_ columns: Int) {
    let x = randomMatrix(11, columns, seed: UInt64(columns))
    let points = BlockedPoints(x)
    for metric in PointMetric.allCases {
      var out: [Double] = []
      points.distances(fromRow: 3, of: x, metric: metric, into: &out)
      let expected = (0..<x.rows).map { Naive.distance(x.rowArray(3), x.rowArray($0), metric) }
      if metric == .cosine {
        expectClose(out, expected, relative: 1e-15, "\(metric), \(columns) columns")
      } else {
        #expect(out == expected, "\(metric), \(columns) columns")
      }
    }
  }

  @Test("the nearest point by Ward cost is the naive scan's, the lowest id among equal costs, across chunks and after merges")
  func nearestByWardCost() {
    // 5,003 points (three chunks), half of them repeating earlier ones so equal costs occur.
    let base = randomMatrix(2_500, 5, seed: 9)
    let x = base.selecting(rows: Array(0..<2_500) + (0..<2_503).map { ($0 * 7) % 2_500 })
    var points = BlockedPoints(x)
    var centroids = (0..<x.rows).map { x.rowArray($0) }
    var weights = Array(repeating: 1.0, count: x.rows)
    var live = Array(0..<x.rows)
    func check(_ id: Int) {
      var best = (id: -1, cost: Double.infinity)
      for other in live where other != id {
        let cost = Naive.wardCost(centroids[id], weights[id], centroids[other], weights[other])
        if cost < best.cost { best = (other, cost) }
      }
      let found = points.nearestByWardCost(to: id)
      #expect(found?.id == best.id && found?.cost == best.cost, "nearest to \(id): \(String(describing: found)) vs \(best)")
      #expect(points.wardCost(id, best.id) == best.cost && points.wardCost(best.id, id) == best.cost)
      #expect(points.nearestByWardCost(to: id, atMost: best.cost)?.id == best.id)
      #expect(points.nearestByWardCost(to: id, atMost: best.cost.nextDown) == nil)
    }
    for id in [0, 17, 2_600, 5_002] { check(id) }
    for (a, b) in [(17, 2_600), (5_002, 4), (0, 4), (3_000, 2_999)] {
      let (wa, wb) = (weights[a], weights[b])
      centroids[b] = zip(centroids[a], centroids[b]).map { (wa * $0 + wb * $1) / (wa + wb) }
      weights[b] = wa + wb
      live.removeAll { $0 == a }
      points.mergeWeightedMean(a, into: b)
      #expect(!points.contains(a) && points.weight(of: b) == wb + wa && points.point(b) == centroids[b])
    }
    #expect(points.count == x.rows - 4)
    for id in [4, 2_600, 2_999, 1] { check(id) }
  }

  @Test("the nearest point to a row is the naive argmin (lowest id among equal distances), for every metric and column count",
    arguments: [1, 3, 4, 6, 9, 16])
  func nearestToRow(_ columns: Int) {
    // Rows 0…99 and, again, rows 0…49: exact ties between a row and its copy.
    let base = randomMatrix(100, columns, seed: UInt64(40 + columns))
    let x = base.selecting(rows: Array(0..<100) + Array(0..<50))
    var points = BlockedPoints(x)
    for id in [3, 120, 77] { points.remove(id) }
    let queries = randomMatrix(20, columns, seed: 7).storage + x.rowArray(10) + x.rowArray(60)
    let q = Matrix(rows: 22, columns: columns, storage: queries)
    for metric in PointMetric.allCases {
      for r in 0..<q.rows {
        var best = (id: -1, distance: Double.infinity)
        for id in points.ids.sorted() {
          let distance = Naive.distance(q.rowArray(r), x.rowArray(id), metric)
          if distance < best.distance { best = (id, distance) }
        }
        let found = points.nearest(toRow: r, of: q, metric: metric)
        #expect(found?.id == best.id, "\(metric), query \(r)")
        if let found { expectClose(found.distance, best.distance, relative: 1e-15, "\(metric), query \(r)") }
      }
    }
    #expect(BlockedPoints(Matrix(rows: 0, columns: columns)).nearest(toRow: 0, of: q, metric: .euclidean) == nil)
  }

  @Test("removing points keeps every other point, its coordinates and its id; the last point alone has no neighbour")
  func removal() {
    let x = randomMatrix(9, 3, seed: 4)
    var points = BlockedPoints(x)
    for id in [2, 8, 0, 5] { points.remove(id) }
    #expect(Set(points.ids) == [1, 3, 4, 6, 7])
    for id in points.ids { #expect(points.point(id) == x.rowArray(id)) }
    var one = BlockedPoints(Matrix([[1, 2]]))
    #expect(one.nearestByWardCost(to: 0) == nil)
    one.remove(0)
    #expect(one.count == 0)
  }
}

@Suite("condensed distances")
struct CondensedDistancesTests {
  @Test("every pair is the column-order distance, at scipy's condensed index, and entries can be overwritten")
  func pairs() {
    let x = randomMatrix(70, 6, seed: 12)
    for metric in [PointMetric.euclidean, .manhattan] {
      var d = CondensedDistances(x, metric: metric)
      for i in 0..<x.rows {
        for j in 0..<x.rows where i != j {
          #expect(d[i, j] == Naive.distance(x.rowArray(min(i, j)), x.rowArray(max(i, j)), metric))
        }
      }
      d[5, 3] = -1
      #expect(d[3, 5] == -1 && d[3, 4] != -1)
    }
  }

  @Test("the byte count is 8 · n(n − 1)/2, and nil when it overflows")
  func byteCount() {
    #expect(CondensedDistances.byteCount(rows: 0) == 0)
    #expect(CondensedDistances.byteCount(rows: 1) == 0)
    #expect(CondensedDistances.byteCount(rows: 20_000) == 1_599_920_000)
    #expect(CondensedDistances.byteCount(rows: Int.max / 2) == nil)
  }
}
