import Testing
import WorkbenchNumerics
import WorkbenchTestSupport
@testable import WorkbenchKit

/// The report's principal axes beyond ``PrincipalAxes/fullLimit`` columns, checked against the full decomposition.
@Suite("Principal axes")
struct PrincipalAxesTests {
  /// `rows` × `columns` values: three Gaussian factors of standard deviation 5, 3 and 2 along random directions,
  /// plus noise of standard deviation 0.1 and an offset of 7, so the leading eigenvalues stand well apart.
  static func factors(rows: Int, columns: Int, seed: UInt64) -> Matrix {
    var random = SeededGenerator(seed: seed)
    let directions = (0..<3).map { _ in (0..<columns).map { _ in random.nextGaussian() } }
    var x = Matrix(rows: rows, columns: columns, repeating: 7)
    for r in 0..<rows {
      let scores = [5.0, 3, 2].map { $0 * random.nextGaussian() }
      for c in 0..<columns {
        x[r, c] += 0.1 * random.nextGaussian()
        for f in 0..<3 { x[r, c] += scores[f] * directions[f][c] }
      }
    }
    return x
  }

  /// Expects `x`'s wide-path axes and variance shares to equal those of the full decomposition (signed alike) to 1e-9.
  func expectFullDecomposition(_ x: Matrix, sourceLocation: SourceLocation = #_sourceLocation) {
    let rows = Array(0..<x.rows)
    let axes = PrincipalAxes(x, rows: rows, count: 3)
    let full = PrincipalAxes.full(x, rows: rows, mean: axes.mean, count: 3)
    #expect(axes.axes.count == 3, sourceLocation: sourceLocation)
    for (k, axis) in axes.axes.enumerated() {
      expectClose(axis, PrincipalAxes.signed(full.axes[k]), relative: 1e-9, "axis \(k)", sourceLocation: sourceLocation)
    }
    expectClose(axes.explainedRatio, full.variances.map { $0 / full.total }, relative: 1e-9, "shares", sourceLocation: sourceLocation)
  }

  @Test("more columns than rows: axes from the rows' Gram matrix equal the full decomposition's")
  func wideFewRows() {
    let x = Self.factors(rows: 40, columns: 150, seed: 1)
    expectFullDecomposition(x)
    // The three factors hold all but the noise: 25 : 9 : 4 of the variance, give or take the sample of 40 rows.
    let shares = PrincipalAxes(x, rows: Array(0..<40), count: 3).explainedRatio
    #expect(shares[0] > 0.5 && shares[0] > shares[1] && shares[1] > shares[2] && shares.reduce(0, +) > 0.99)
  }

  @Test("more rows and columns than a full decomposition takes: LOBPCG on the covariance equals it")
  func tallAndWide() {
    expectFullDecomposition(Self.factors(rows: 300, columns: 150, seed: 2))
  }

  @Test("more columns than rows, both beyond a full decomposition: LOBPCG on the Gram matrix equals it")
  func wideManyRows() {
    expectFullDecomposition(Self.factors(rows: 140, columns: 200, seed: 3))
  }

  @Test("the wide path picks a subset of rows and signs each axis's largest loading positive")
  func subsetAndSign() {
    let x = Self.factors(rows: 60, columns: 150, seed: 4)
    let rows = Array(stride(from: 1, to: 60, by: 2))
    let axes = PrincipalAxes(x, rows: rows, count: 2)
    let selected = PrincipalAxes(x.selecting(rows: rows), rows: Array(0..<rows.count), count: 2)
    #expect(axes.axes == selected.axes && axes.explainedRatio == selected.explainedRatio)
    for axis in axes.axes {
      let largest = axis.indices.max { abs(axis[$0]) < abs(axis[$1]) }!
      #expect(axis[largest] > 0)
    }
  }

  @Test("two wide rows have one direction of variance; the other axes are orthonormal and the rows project to 0 on them")
  func rankDeficient() {
    var x = Matrix(rows: 2, columns: 200)
    for c in 0..<200 { (x[0, c], x[1, c]) = (Double(c % 7), -Double(c % 5)) }
    let axes = PrincipalAxes(x, rows: [0, 1], count: 3)
    let difference = (0..<200).map { x[0, $0] - x[1, $0] }
    let length = difference.reduce(0) { $0 + $1 * $1 }.squareRoot()
    expectClose(axes.axes[0], PrincipalAxes.signed(difference.map { $0 / length }), relative: 1e-12)
    expectClose(axes.explainedRatio, [1, 0, 0], relative: 1e-12)
    for i in 0..<3 {
      for j in 0..<3 {
        let dot = zip(axes.axes[i], axes.axes[j]).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(abs(dot - (i == j ? 1 : 0)) <= 1e-12)
      }
    }
    for row in 0..<2 {
      let coordinates = axes.project(x, row: row)
      expectClose(coordinates[0], (row == 0 ? 0.5 : -0.5) * length, relative: 1e-12)
      #expect(abs(coordinates[1]) <= 1e-12 && abs(coordinates[2]) <= 1e-12)
    }
  }

  @Test("constant wide rows: the first standard basis vectors with no variance, as the full decomposition gives")
  func constant() {
    let axes = PrincipalAxes(Matrix(rows: 4, columns: 200, repeating: 3), rows: Array(0..<4), count: 3)
    #expect(axes.axes == (0..<3).map { k in (0..<200).map { $0 == k ? 1 : 0 } })
    #expect(axes.explainedRatio == [0, 0, 0])
  }

  @Test("the wide path gives the same bits on one thread and on two")
  func threadIndependent() {
    for x in [Self.factors(rows: 40, columns: 150, seed: 5), Self.factors(rows: 140, columns: 200, seed: 6)] {
      let one = Executor.run(threads: 1) { PrincipalAxes(x, rows: Array(0..<x.rows), count: 3) }
      let two = Executor.run(threads: 2) { PrincipalAxes(x, rows: Array(0..<x.rows), count: 3) }
      #expect(one.axes == two.axes && one.explainedRatio == two.explainedRatio)
    }
  }
}
