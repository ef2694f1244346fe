import Testing
import WorkbenchNumerics

@Suite("Column Gram matrix")
struct ColumnGramTests {
  @Test("AᵀA equals plain sums in row order bit for bit, on 0…9 and 70 columns (three chunks), on one thread and two")
  func equalsPlainLoops() {
    var random = SeededGenerator(seed: 3)
    for (n, p) in (0...9).map({ (11, $0) }) + [(0, 3), (45, 70)] {
      let x = Matrix(rows: n, columns: p, storage: (0..<(n * p)).map { _ in Double(random.nextIndex(below: 1_000_000)) / 997 - 300 })
      var expected = Matrix(rows: p, columns: p)
      for a in 0..<p {
        for b in 0..<p {
          var sum = 0.0
          for r in 0..<n { sum += x[r, a] * x[r, b] }
          expected[a, b] = sum
        }
      }
      #expect(Executor.run(threads: 1) { x.columnGram() } == expected, "\(n) × \(p)")
      #expect(Executor.run(threads: 2) { x.columnGram() } == expected, "\(n) × \(p) on two threads")
    }
    #expect(Matrix([[1, 2], [3, 4], [5, 6]]).columnGram() == Matrix([[35, 44], [44, 56]]))
  }
}
