import Testing
import WorkbenchTestSupport

@testable import WorkbenchNumerics

/// Integer-valued rows in `0..<levels` (many exact ties and duplicates), or Gaussian rows when `levels` is 0.
private func data(rows: Int, columns: Int, levels: Int, seed: UInt64) -> Matrix {
  var rng = SeededGenerator(seed: seed)
  let values = (0..<(rows * columns)).map { _ in levels > 0 ? Double(rng.nextIndex(below: levels)) : rng.nextGaussian() }
  return Matrix(rows: rows, columns: columns, storage: values)
}

/// The shapes every query is checked on: tiny, around one leaf, both sides of the tree rule, duplicates.
private let shapes: [(rows: Int, columns: Int)] = [(1, 2), (2, 1), (7, 3), (32, 2), (33, 4), (100, 1), (300, 3), (300, 12), (400, 5), (150, 30)]

/// Integer data (exact ties) for Euclidean and Manhattan; Gaussian data for cosine, whose unit rows round.
private func cases() -> [(Matrix, NeighborMetric, String)] {
  var out: [(Matrix, NeighborMetric, String)] = []
  for (i, shape) in shapes.enumerated() {
    let integers = data(rows: shape.rows, columns: shape.columns, levels: 4, seed: UInt64(i))
    let gaussian = data(rows: shape.rows, columns: shape.columns, levels: 0, seed: UInt64(100 + i))
    out.append((integers, .euclidean, "euclidean \(shape)"))
    out.append((integers, .manhattan, "manhattan \(shape)"))
    out.append((gaussian, .cosine, "cosine \(shape)"))
  }
  return out
}

private func same(_ a: [Neighbor], _ b: [Neighbor], _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
  #expect(a.map(\.index) == b.map(\.index), "\(label): indices differ", sourceLocation: sourceLocation)
  #expect(Tolerance.isClose(a.map(\.distance), b.map(\.distance), relative: 1e-12, floor: 1), "\(label): distances differ", sourceLocation: sourceLocation)
}

@Suite("Neighbour index: kd-tree and block queries against brute force")
struct NeighborIndexTests {
  @Test("the tree rule: a tree for few columns and enough rows, blocks otherwise")
  func treeRule() {
    #expect(!NeighborIndex.usesTree(rows: 32, columns: 2))
    #expect(NeighborIndex.usesTree(rows: 33, columns: 9))
    #expect(!NeighborIndex.usesTree(rows: 33, columns: 10))
    #expect(NeighborIndex.usesTree(rows: 100_000, columns: 20))
    #expect(!NeighborIndex.usesTree(rows: 100_000, columns: 21))
  }

  @Test("k nearest of the indexed rows and of new rows equal brute force, ties to the lower index")
  func nearest() {
    for (x, metric, label) in cases() {
      let index = NeighborIndex(x, metric: metric)
      let rows = (0..<x.rows).map(x.rowArray)
      for k in [1, 3, 10] {
        let found = index.nearest(k)
        for i in 0..<x.rows { same(found[i], NeighborReference.nearest(k, to: rows[i], in: rows, metric), "\(label) k = \(k) row \(i)") }
      }
      let queries = data(rows: 20, columns: x.columns, levels: metric == .cosine ? 0 : 4, seed: 77)
      let found = index.nearest(4, of: queries)
      for i in 0..<queries.rows {
        same(found[i], NeighborReference.nearest(4, to: queries.rowArray(i), in: rows, metric), "\(label) new row \(i)")
      }
    }
  }

  @Test("radius neighbourhoods and counts equal brute force, boundary included")
  func radius() {
    for (x, metric, label) in cases() {
      let index = NeighborIndex(x, metric: metric)
      let rows = (0..<x.rows).map(x.rowArray)
      let radius = metric == .cosine ? 0.2 : metric == .euclidean ? 2.0 : 3.0
      let lists = index.neighborhoods(within: radius, placeholder: [Neighbor]()) { _, neighbors in neighbors }
      let counts = index.counts(within: radius)
      let limited = index.counts(within: radius, limit: 5)
      for i in 0..<x.rows {
        let expected = NeighborReference.within(radius, of: rows[i], in: rows, metric)
        same(lists[i], expected, "\(label) row \(i)")
        #expect(counts[i] == expected.count, "\(label) row \(i): count")
        #expect(limited[i] == min(expected.count, 5), "\(label) row \(i): limited count")
      }
      let visited = index.neighborhoods(within: radius, placeholder: -1) { query, _ in query }
      #expect(visited == Array(0..<x.rows), "\(label): visitor indices")
    }
  }

  @Test("components of the radius graph among members equal a breadth-first search, numbered by lowest row")
  func components() {
    for (x, metric, label) in cases() {
      var rng = SeededGenerator(seed: 5)
      let members = (0..<x.rows).map { _ in rng.nextUnit() < 0.7 }
      let radius = metric == .cosine ? 0.05 : metric == .euclidean ? 1.0 : 1.0
      let found = NeighborIndex(x, metric: metric).components(within: radius, members: members)
      #expect(found == NeighborReference.components(x, radius: radius, members: members, metric), "\(label)")
    }
  }

  @Test("the smallest label within the radius equals brute force")
  func smallestLabel() {
    for (x, metric, label) in cases() {
      var rng = SeededGenerator(seed: 6)
      let labels = (0..<x.rows).map { _ in rng.nextIndex(below: 6) - 2 }
      let radius = metric == .cosine ? 0.1 : 1.5
      let rows = (0..<x.rows).map(x.rowArray)
      let asked = Array(stride(from: 0, to: x.rows, by: 3))
      let found = NeighborIndex(x, metric: metric).smallestLabel(within: radius, labels: labels, for: asked)
      let expected = asked.map { i in
        NeighborReference.within(radius, of: rows[i], in: rows, metric).map { labels[$0.index] }.filter { $0 >= 0 }.min() ?? -1
      }
      #expect(found == expected, "\(label)")
    }
  }

  @Test("spanning trees have the minimum total weight, with and without core distances")
  func spanningTree() {
    for (x, metric, label) in cases() where x.rows <= 300 {
      let index = NeighborIndex(x, metric: metric)
      for cores in [Array(repeating: 0.0, count: x.rows), index.nearest(3).map { $0.last!.distance }] {
        let edges = index.spanningTree(coreDistances: cores)
        #expect(edges.count == max(x.rows - 1, 0), "\(label): edge count")
        var sets = TreeUnionFind(count: x.rows)
        #expect(edges.allSatisfy { sets.union($0.from, $0.to) }, "\(label): the edges form a cycle")
        let expected = NeighborReference.spanningWeights(x, cores: cores, metric)
        #expect(Tolerance.isClose(edges.map(\.distance).sorted(), expected, relative: 1e-12, floor: 1), "\(label): weights")
      }
    }
  }

  @Test("the OPTICS sweep gives scikit-learn's literal loop's ordering, reachability and predecessors")
  func reachability() {
    for (x, metric, label) in cases() where x.rows <= 300 && metric != .cosine {
      let index = NeighborIndex(x, metric: metric)
      for maxDistance in [Double.infinity, 1.5] {
        let cores = index.nearest(min(3, x.rows)).map { $0.last!.distance <= maxDistance ? $0.last!.distance : .infinity }
        let found = index.reachabilityPlot(coreDistances: cores, maxDistance: maxDistance) { $0 }
        #expect(found == NeighborReference.reachability(x, cores: cores, maxDistance: maxDistance, metric), "\(label) max \(maxDistance)")
      }
    }
  }
}
