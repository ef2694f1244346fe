import Testing
import WorkbenchNumerics
import WorkbenchTestSupport

private func randomMatrix(rows: Int, columns: Int, _ rng: inout SeededGenerator) -> Matrix {
  Matrix(rows: rows, columns: columns, storage: (0..<(rows * columns)).map { _ in rng.nextGaussian() * 3 })
}

/// Sums of non-negative terms in chunk order instead of row order differ by a few ulps per term.
private let chunkOrderTolerance = 1e-13

@Suite("Whole-matrix assignment and cluster-sum kernels")
struct AssignmentKernelTests {
  // `==` on labels on purpose here and below: the property is identity with the per-row kernel, not closeness.
  @Test("the assignment pass gives each row nearest(_:row:among:)'s label for d = 1…20 and k = 1…9", arguments: 1...20)
  func assignmentMatchesPerRowNearest(_ d: Int) {
    var rng = SeededGenerator(seed: UInt64(700 + d))
    let x = randomMatrix(rows: 60, columns: d, &rng)
    for k in 1...9 {
      let centers = randomMatrix(rows: k, columns: d, &rng)
      var labels = [Int](repeating: -1, count: x.rows)
      let total = NearestCenterSearch(x).assign(to: centers, labels: &labels)
      var expectedTotal = 0.0
      for i in 0..<x.rows {
        let nearest = Distance.nearest(x, row: i, among: centers)
        #expect(labels[i] == nearest.index, "d \(d) k \(k) row \(i)")
        #expect(Distance.squaredEuclidean(x, row: i, centers, row: labels[i]) == nearest.squaredDistance)
        expectedTotal += nearest.squaredDistance
      }
      // One chunk: the inertia is the row-order sum of the exact distances, bit for bit.
      #expect(total == expectedTotal, "d \(d) k \(k)")
    }
  }

  @Test("a tie goes to the lowest center index")
  func tiesGoToLowestIndex() {
    let x = Matrix([[0, 0], [1, 1]])
    let centers = Matrix([[5, 5], [1, 1], [1, 1], [0, 0]])
    var labels = [-1, -1]
    let total = NearestCenterSearch(x).assign(to: centers, labels: &labels)
    #expect(labels == [3, 1])
    #expect(total == 0)
  }

  @Test("over several chunks, labels match per-row nearest and the total matches the row-order sum")
  func severalChunks() {
    var rng = SeededGenerator(seed: 17)
    let x = randomMatrix(rows: 2 * Distance.chunkRows + 123, columns: 16, &rng)
    let centers = randomMatrix(rows: 8, columns: 16, &rng)
    var labels = [Int](repeating: -1, count: x.rows)
    let total = NearestCenterSearch(x).assign(to: centers, labels: &labels)
    var rowOrder = 0.0
    var mismatches = 0
    for i in 0..<x.rows {
      let nearest = Distance.nearest(x, row: i, among: centers)
      if labels[i] != nearest.index { mismatches += 1 }
      rowOrder += nearest.squaredDistance
    }
    #expect(mismatches == 0)
    #expect(Tolerance.isClose(total, rowOrder, relative: chunkOrderTolerance))
    #expect(Distance.totalSquaredDistance(x, to: centers, labels: labels) == total, "the same chunks summed in the same order")
  }

  @Test("totalSquaredDistance is the row-order sum within one chunk")
  func totalWithinOneChunk() {
    var rng = SeededGenerator(seed: 5)
    let x = randomMatrix(rows: 200, columns: 7, &rng)
    let centers = randomMatrix(rows: 3, columns: 7, &rng)
    let labels = (0..<x.rows).map { $0 % 3 }
    var expected = 0.0
    for i in 0..<x.rows { expected += Distance.squaredEuclidean(x, row: i, centers, row: labels[i]) }
    #expect(Distance.totalSquaredDistance(x, to: centers, labels: labels) == expected)
  }

  @Test("clusterSums gives exact counts and the row-order sums (exactly within a chunk, to rounding across chunks)", arguments: [150, 3 * 4096 + 7])
  func clusterSumsMatchRowOrder(_ rows: Int) {
    var rng = SeededGenerator(seed: UInt64(rows))
    let d = 5
    let k = 4
    let x = randomMatrix(rows: rows, columns: d, &rng)
    // Cluster 3 stays empty.
    let labels = (0..<rows).map { _ in rng.nextIndex(below: 3) }
    var expectedSums = Matrix(rows: k, columns: d)
    var expectedCounts = [Int](repeating: 0, count: k)
    for i in 0..<rows {
      expectedCounts[labels[i]] += 1
      for j in 0..<d { expectedSums[labels[i], j] += x[i, j] }
    }
    var sums = Matrix(rows: k, columns: d, repeating: 99)
    var counts = [Int](repeating: 42, count: k)
    x.clusterSums(labels: labels, into: &sums, counts: &counts)
    #expect(counts == expectedCounts)
    if rows <= Distance.chunkRows {
      #expect(sums == expectedSums)
    } else {
      for c in 0..<k {
        for j in 0..<d {
          #expect(Tolerance.isClose(sums[c, j], expectedSums[c, j], relative: chunkOrderTolerance, floor: 3 * Double(rows)))
        }
      }
    }
    #expect(sums.row(3).allSatisfy { $0 == 0 })
  }

  @Test("the non-throwing Parallel.map returns results in index order")
  func parallelMapKeepsOrder() {
    #expect(Parallel.map(count: 50) { $0 * $0 } == (0..<50).map { $0 * $0 })
    #expect(Parallel.map(count: 0) { $0 }.isEmpty)
  }
}
