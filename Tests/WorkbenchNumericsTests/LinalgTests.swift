import Foundation
import Testing
import WorkbenchNumerics
import WorkbenchTestSupport

/// A random symmetric positive-definite matrix A Aᵀ + n I.
/// Gaussian rows (times `scale`), a mean and the inverse of a random Cholesky factor, for the quadratic-form tests.
private func quadraticCase(rows: Int, columns d: Int, scale: Double, seed: UInt64) throws -> (x: Matrix, mean: [Double], w: Matrix) {
  var rng = SeededGenerator(seed: seed)
  let x = Matrix(rows: rows, columns: d, storage: (0..<(rows * d)).map { _ in rng.nextGaussian() * scale })
  let mean = (0..<d).map { _ in rng.nextGaussian() }
  return (x, mean, Linalg.invertLowerTriangular(try #require(Linalg.cholesky(randomSPD(d, &rng)))))
}

/// (xᵣ − μ)ᵀ WᵀW (xᵣ − μ) by the one-row loop, column by column.
private func naiveQuadraticForm(_ x: Matrix, row r: Int, mean: [Double], factor w: Matrix) -> Double {
  var total = 0.0
  for j in 0..<x.columns {
    var y = 0.0
    for i in 0...j { y += w[j, i] * (x[r, i] - mean[i]) }
    total += y * y
  }
  return total
}

private func randomSPD(_ n: Int, _ rng: inout SeededGenerator) -> Matrix {
  let a = Matrix(rows: n, columns: n, storage: (0..<(n * n)).map { _ in rng.nextGaussian() })
  var out = Matrix(rows: n, columns: n)
  for i in 0..<n {
    for j in 0..<n {
      var sum = 0.0
      for p in 0..<n { sum += a[i, p] * a[j, p] }
      out[i, j] = sum + (i == j ? Double(n) : 0)
    }
  }
  return out
}

private func product(_ a: Matrix, _ b: Matrix) -> Matrix {
  var out = Matrix(rows: a.rows, columns: b.columns)
  for i in 0..<a.rows {
    for j in 0..<b.columns {
      var sum = 0.0
      for p in 0..<a.columns { sum += a[i, p] * b[p, j] }
      out[i, j] = sum
    }
  }
  return out
}

@Suite("Linalg and Reduce kernels")
struct LinalgTests {
  @Test("Cholesky reproduces the matrix and is lower triangular, for sizes 1…9", arguments: 1...9)
  func choleskyReconstructs(_ n: Int) throws {
    var rng = SeededGenerator(seed: UInt64(40 + n))
    let a = randomSPD(n, &rng)
    let l = try #require(Linalg.cholesky(a))
    for i in 0..<n { for j in (i + 1)..<max(n, i + 1) { #expect(l[i, j] == 0) } }
    expectClose(product(l, Linalg.transposed(l)).storage, a.storage, relative: 1e-13)
  }

  @Test("Cholesky rejects singular, indefinite and NaN matrices")
  func choleskyRejects() {
    #expect(Linalg.cholesky(Matrix([[1, 1], [1, 1]])) == nil)
    #expect(Linalg.cholesky(Matrix([[1, 2], [2, 1]])) == nil)
    #expect(Linalg.cholesky(Matrix([[0]])) == nil)
    #expect(Linalg.cholesky(Matrix([[.nan, 0], [0, 1]])) == nil)
    #expect(Linalg.cholesky(Matrix([[4, 2], [2, 5]])) == Matrix([[2, 0], [1, 2]]))
  }

  @Test("the inverse of a triangular factor times the factor is the identity; log det is half of log det A", arguments: 1...9)
  func inverseAndLogDeterminant(_ n: Int) throws {
    var rng = SeededGenerator(seed: UInt64(70 + n))
    let a = randomSPD(n, &rng)
    let l = try #require(Linalg.cholesky(a))
    let inverse = Linalg.invertLowerTriangular(l)
    var identity = Matrix(rows: n, columns: n)
    for i in 0..<n { identity[i, i] = 1 }
    let restored = product(inverse, l)
    #expect(restored.rows == n && restored.columns == n)
    let residual = zip(restored.storage, identity.storage).map { abs($0 - $1) }.max() ?? 0
    #expect(residual < 1e-13)
    // det A by Gaussian elimination, naively.
    var m = a
    var logDet = 0.0
    for p in 0..<n {
      logDet += log(m[p, p])
      for i in (p + 1)..<max(n, p + 1) {
        let f = m[i, p] / m[p, p]
        for j in p..<n { m[i, j] -= f * m[p, j] }
      }
    }
    expectClose(2 * Linalg.logDiagonalSum(l), logDet, relative: 1e-12)
    expectClose(-2 * Linalg.logDiagonalSum(inverse), logDet, relative: 1e-12)
  }

  @Test("quadratic forms equal the naive (x − μ)ᵀ WᵀW (x − μ) for 0…9 rows, every row position", arguments: 0...9)
  func quadraticForms(_ rows: Int) throws {
    let (x, mean, w) = try quadraticCase(rows: rows, columns: 5, scale: 3, seed: UInt64(90 + rows))
    var out = Array(repeating: -1.0, count: rows * 2)
    Linalg.lowerQuadraticForms(x, mean: mean, lowerFactor: w, into: &out, stride: 2, offset: 1)
    for r in 0..<rows {
      #expect(out[r * 2 + 1] == naiveQuadraticForm(x, row: r, mean: mean, factor: w), "row \(r): SIMD lanes and the tail run the same additions")
      #expect(out[r * 2] == -1)
    }
  }

  @Test("weighted scatter equals the naive sum over rows, zero weights included", arguments: [0, 1, 3, 4, 5, 9, 37])
  func weightedScatter(_ rows: Int) {
    var rng = SeededGenerator(seed: UInt64(120 + rows))
    let d = 3
    let x = Matrix(rows: rows, columns: d, storage: (0..<(rows * d)).map { _ in rng.nextGaussian() })
    let weights = (0..<rows).map { r in r % 3 == 0 ? 0 : rng.nextUnit() }
    let mean = [0.5, -1, 2]
    var scatter = Matrix(rows: d, columns: d)
    Linalg.addWeightedScatter(x, weights: weights, stride: 1, offset: 0, mean: mean, into: &scatter)
    for i in 0..<d {
      for j in 0...i {
        var expected = 0.0
        for r in 0..<rows { expected += weights[r] * (x[r, i] - mean[i]) * (x[r, j] - mean[j]) }
        expectClose(scatter[i, j], expected, relative: 1e-13)
      }
      for j in (i + 1)..<d { #expect(scatter[i, j] == 0, "upper triangle untouched") }
    }
  }

  @Test("quadratic forms match the one-row loop bit for bit for 1…9 columns", arguments: 1...9)
  func quadraticFormsEveryWidth(_ d: Int) throws {
    let (x, mean, w) = try quadraticCase(rows: 11, columns: d, scale: 1e3, seed: UInt64(300 + d))
    var out = Array(repeating: 0.0, count: x.rows)
    Linalg.lowerQuadraticForms(x, mean: mean, lowerFactor: w, into: &out, stride: 1, offset: 0)
    for r in 0..<x.rows {
      #expect(out[r] == naiveQuadraticForm(x, row: r, mean: mean, factor: w), "row \(r)")
    }
  }

  @Test("weighted scatter adds four-row blocks in order, lane by lane, whatever the chunking", arguments: [(2, 7), (5, 530), (8, 1037), (9, 64)])
  func weightedScatterBlockOrder(_ d: Int, _ rows: Int) {
    var rng = SeededGenerator(seed: UInt64(400 + d))
    let x = Matrix(rows: rows, columns: d, storage: (0..<(rows * d)).map { _ in rng.nextGaussian() * 50 })
    // Whole four-row blocks of zero weight (skipped) as well as single zero weights (added as zeros).
    let weights = (0..<rows).map { r in (r / 4) % 7 == 3 || r % 5 == 0 ? 0 : rng.nextUnit() }
    let mean = (0..<d).map { _ in rng.nextGaussian() }
    var scatter = Matrix(rows: d, columns: d)
    Linalg.addWeightedScatter(x, weights: weights, stride: 1, offset: 0, mean: mean, into: &scatter)
    for j in 0..<d {
      for i in 0...j {
        var lanes = [0.0, 0.0, 0.0, 0.0]
        for block in Swift.stride(from: 0, to: rows, by: 4) {
          let members = block..<min(block + 4, rows)
          guard members.contains(where: { weights[$0] != 0 }) else { continue }
          for r in members { lanes[r - block] += (weights[r] * (x[r, j] - mean[j])) * (x[r, i] - mean[i]) }
        }
        #expect(scatter[j, i] == (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]), "entry (\(j), \(i))")
      }
    }
  }
}
