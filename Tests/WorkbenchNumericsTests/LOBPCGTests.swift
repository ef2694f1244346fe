import Foundation
import Testing
@testable import WorkbenchNumerics

@Suite("LOBPCG")
struct LOBPCGTests {
  /// A ring of `n` nodes joined to their two neighbours on each side, `copies` times over (disconnected copies),
  /// scaled like a normalized adjacency (each row sums to 1).
  private func rings(_ n: Int, copies: Int) -> SparseSymmetric {
    SparseSymmetric(rows: (0..<(n * copies)).map { node in
      let (copy, i) = (node / n, node % n)
      return [1, 2, n - 1, n - 2].map { step in (column: copy * n + (i + step) % n, value: 0.25) }
    })
  }

  @Test("the largest eigenvalues of a sparse matrix equal the dense Jacobi solver's, vectors satisfy A v = λ v")
  func matchesDense() {
    var generator = SeededGenerator(seed: 9)
    let n = 90
    var rows = Array(repeating: [(column: Int, value: Double)](), count: n)
    for i in 0..<n {
      for j in (i + 1)..<n where generator.nextUnit() < 0.08 {
        let w = generator.nextUnit()
        rows[i].append((j, w))
        rows[j].append((i, w))
      }
    }
    let a = SparseSymmetric(rows: rows)
    let dense = SymmetricEigen(a.dense)
    let result = LOBPCG.largest(4, of: a, blockSize: 8, seed: 1, tolerance: 1e-10, maxIterations: 2_000)
    #expect(result.converged && result.iterations > 0)
    for c in 0..<4 {
      #expect(abs(result.values[c] - dense.values[c]) <= 1e-12 * max(1, abs(dense.values[c])))
      let v = (0..<n).map { result.vectors[$0, c] }
      let av = a.multiply(Matrix(rows: n, columns: 1, storage: v)).storage
      #expect(zip(av, v).allSatisfy { abs($0 - result.values[c] * $1) <= 1e-9 })
    }
  }

  @Test("the largest eigenpairs of a dense matrix equal the dense Jacobi solver's, vectors up to sign")
  func denseMatchesJacobi() {
    var generator = SeededGenerator(seed: 5)
    let n = 80
    var a = Matrix(rows: n, columns: n)
    for i in 0..<n {
      for j in 0...i {
        let value = generator.nextGaussian() + (i == j ? Double(i % 9) : 0)
        (a[i, j], a[j, i]) = (value, value)
      }
    }
    let dense = SymmetricEigen(a)
    let result = LOBPCG.largest(3, of: a, blockSize: 10, seed: 3, tolerance: 1e-11, maxIterations: 2_000)
    #expect(result.converged && result.iterations > 0)
    for c in 0..<3 {
      #expect(abs(result.values[c] - dense.values[c]) <= 1e-12 * abs(dense.values[c]))
      let dot = (0..<n).reduce(0.0) { $0 + result.vectors[$1, c] * dense.vectors[$1, c] }
      #expect((0..<n).allSatisfy { abs(result.vectors[$0, c] - (dot < 0 ? -1 : 1) * dense.vectors[$0, c]) <= 1e-9 })
    }
  }

  @Test("a repeated eigenvalue (three separate components) is found three times, with orthonormal vectors")
  func repeatedEigenvalue() {
    let a = rings(40, copies: 3)
    let result = LOBPCG.largest(4, of: a, blockSize: 8, seed: 2, tolerance: 1e-10, maxIterations: 2_000)
    #expect(result.converged)
    #expect(result.values.prefix(3).allSatisfy { abs($0 - 1) <= 1e-12 })
    // The next eigenvalue of a ring where each node averages its 4 nearest neighbours: (cos(2π/n) + cos(4π/n)) / 2.
    let next = (cos(2 * Double.pi / 40) + cos(4 * Double.pi / 40)) / 2
    #expect(abs(result.values[3] - next) <= 1e-12)
    let gram = Block.gram(result.vectors, result.vectors)
    for i in 0..<4 { for j in 0..<4 { #expect(abs(gram[i, j] - (i == j ? 1 : 0)) <= 1e-12) } }
  }

  @Test("the result does not depend on the thread count")
  func threadIndependent() {
    let a = rings(300, copies: 2)
    let one = Executor.run(threads: 1) { LOBPCG.largest(3, of: a, blockSize: 10, seed: 4, tolerance: 1e-10, maxIterations: 20) }
    let two = Executor.run(threads: 2) { LOBPCG.largest(3, of: a, blockSize: 10, seed: 4, tolerance: 1e-10, maxIterations: 20) }
    #expect(one.values == two.values && one.vectors == two.vectors && one.iterations == two.iterations)
  }
}
