import Foundation
import Testing
import WorkbenchNumerics
import WorkbenchTestSupport

/// One row each of two one-row matrices, so the public row-based kernels can be called on plain vectors.
private func rows(_ a: [Double], _ b: [Double]) -> (Matrix, Matrix) {
  (Matrix(rows: 1, columns: a.count, storage: a), Matrix(rows: 1, columns: b.count, storage: b))
}

private func gaussianVector(_ count: Int, _ rng: inout SeededGenerator) -> [Double] {
  (0..<count).map { _ in rng.nextGaussian() * 10 }
}

/// The kernels sum in lane order, the naive loops left to right; the Manhattan terms are non-negative, so a few ulps
/// per term bound the difference. Cosine's 1 − s cancels when s ≈ 1, so it is compared absolutely (floor 1).
private let tolerance = 1e-13

@Suite("Manhattan, cosine and Gower kernels")
struct DistanceFamilyTests {
  @Test("Manhattan and cosine match the naive loops for lengths 0…9 and a random length", arguments: Array(0...9) + [-1])
  func matchesNaive(_ requested: Int) {
    var rng = SeededGenerator(seed: UInt64(300 + requested + 1))
    let length = requested >= 0 ? requested : 10 + rng.nextIndex(below: 500)
    let a = gaussianVector(length, &rng)
    let b = gaussianVector(length, &rng)
    let (x, y) = rows(a, b)
    let manhattan = zip(a, b).reduce(0.0) { $0 + abs($1.0 - $1.1) }
    expectClose(Distance.manhattan(x, row: 0, y, row: 0), manhattan, relative: tolerance, "manhattan, length \(length)")
    let dot = zip(a, b).reduce(0.0) { $0 + $1.0 * $1.1 }
    let norms = a.reduce(0.0) { $0 + $1 * $1 }.squareRoot() * b.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
    let cosine = norms > 0 ? min(max(1 - dot / norms, 0), 2) : 1
    expectClose(Distance.cosine(x, row: 0, y, row: 0), cosine, relative: tolerance, "cosine, length \(length)")
  }

  @Test("cosine: parallel rows are at 0, opposite at 2, orthogonal at 1, and a zero row at 1 from anything")
  func cosineEdgeCases() {
    let m = Matrix([[1, 2, 3], [2, 4, 6], [-1, -2, -3], [3, 0, -1], [0, 0, 0]])
    expectClose(Distance.cosine(m, row: 0, m, row: 1), 0, relative: 1e-15)
    expectClose(Distance.cosine(m, row: 0, m, row: 2), 2, relative: 1e-15)
    expectClose(Distance.cosine(m, row: 0, m, row: 3), 1, relative: 1e-15)
    #expect(Distance.cosine(m, row: 4, m, row: 0) == 1)
    #expect(Distance.cosine(m, row: 4, m, row: 4) == 1)
  }

  @Test("Gower scaling: fit rows land in [0, 1]; a constant column gets range 1")
  func gowerScaling() {
    let x = Matrix([[1, 5, -2], [3, 5, 0], [2, 5, 2]])
    let scaling = GowerScaling(fitting: x)
    #expect(scaling.minimums == [1, 5, -2])
    #expect(scaling.ranges == [2, 1, 4])
    #expect(scaling.scale(x) == Matrix([[0, 0, 0], [1, 0, 0.5], [0.5, 0, 1]]))
  }

  @Test("Gower is symmetric, zero on identical rows, and averages numeric and mismatch terms over all features")
  func gowerFormula() {
    let x = Matrix([[0, 10], [4, 30]])
    let rows = GowerRows(numeric: x, scaling: GowerScaling(fitting: x), codes: [[0, 1], [2, 2]])
    #expect(rows.featureCount == 4)
    // Numeric terms 1 + 1, categorical 1 + 0, over 4 features.
    #expect(GowerRows.dissimilarity(rows, row: 0, rows, row: 1) == 0.75)
    #expect(GowerRows.dissimilarity(rows, row: 1, rows, row: 0) == 0.75)
    #expect(GowerRows.dissimilarity(rows, row: 1, rows, row: 1) == 0)
  }
}
