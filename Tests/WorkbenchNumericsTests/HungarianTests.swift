import Testing
import WorkbenchNumerics

@Suite("Hungarian matching")
struct HungarianTests {
  /// The best total over every matching, by brute force (small inputs only).
  func bruteForce(_ w: [[Double]]) -> Double {
    let rows = w.count, columns = w.first?.count ?? 0
    var best = 0.0
    func search(_ i: Int, _ used: Set<Int>, _ total: Double) {
      if i == rows { best = max(best, total); return }
      search(i + 1, used, total)
      for j in 0..<columns where !used.contains(j) { search(i + 1, used.union([j]), total + w[i][j]) }
    }
    search(0, [], 0)
    return best
  }

  func total(_ w: [[Double]], _ m: [Int?]) -> Double {
    m.enumerated().reduce(0) { acc, pair in acc + (pair.element.map { w[pair.offset][$0] } ?? 0) }
  }

  @Test("square, tall and wide matrices reach the brute-force optimum with a valid matching")
  func optimum() {
    let cases: [[[Double]]] = [
      [[4, 1, 3], [2, 0, 5], [3, 2, 2]],
      [[10, 0], [0, 10], [5, 5]],
      [[1, 9, 2, 0], [8, 1, 0, 3]],
      [[7]],
      [[0, 0], [0, 0]],
    ]
    for w in cases {
      let m = Hungarian.maximumWeightMatching(w)
      #expect(m.count == w.count)
      let assigned = m.compactMap { $0 }
      #expect(Set(assigned).count == assigned.count)
      #expect(total(w, m) == bruteForce(w))
    }
    #expect(Hungarian.maximumWeightMatching([[4, 1, 3], [2, 0, 5], [3, 2, 2]]) == [0, 2, 1])
    #expect(Hungarian.maximumWeightMatching([[10, 0], [0, 10], [5, 5]]) == [0, 1, nil])
  }

  @Test("random 6 × 6 matrices reach the optimum")
  func random() {
    var generator = SeededGenerator(seed: 3)
    for _ in 0..<20 {
      let w = (0..<6).map { _ in (0..<5).map { _ in Double(generator.nextIndex(below: 50)) } }
      #expect(total(w, Hungarian.maximumWeightMatching(w)) == bruteForce(w))
    }
  }
}
