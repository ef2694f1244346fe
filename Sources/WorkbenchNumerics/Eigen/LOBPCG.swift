/// The largest eigenvalues of a symmetric matrix (sparse, or dense and too large for ``SymmetricEigen``) and their
/// eigenvectors, by LOBPCG.
///
/// Knyazev's locally optimal block preconditioned conjugate gradient, without
/// a preconditioner: a block of b ≥ k vectors is improved by the Rayleigh–Ritz
/// step on the span of the block, its residuals and its last change, until
/// the k wanted residuals ‖A x − λ x‖ fall below `tolerance`. The span is made
/// orthonormal by SVQB (``Block/orthonormalBasis(_:)``), which drops dependent
/// directions, so repeated eigenvalues (a graph with several components) are
/// found as long as their multiplicity is at most b. Eigenvalue errors are
/// about the squared residual over the gap to the rest of the spectrum.
/// Problems with fewer than 5 · b rows are solved densely (``SymmetricEigen``),
/// as scipy's `lobpcg` does.
///
/// The start is Gaussian from `seed`; every product sums in a fixed order
/// over fixed chunks of rows, so results never depend on the thread count.
/// Eigenvectors of a repeated eigenvalue are any orthonormal basis of its
/// eigenspace; signs are arbitrary.
/// - Complexity: O(iterations · (entries · b + rows · b²)), entries = rows² for a dense matrix; O(rows · b) memory
///   besides the matrix.
/// - SeeAlso: Knyazev, "Toward the optimal preconditioned eigensolver: LOBPCG", SIAM J. Sci. Comput. 2001;
///   Stathopoulos & Wu, "A block orthogonalization procedure with constant synchronization requirements", 2002.
public enum LOBPCG {
  /// The eigenpairs found.
  public struct Result: Sendable {
    /// The k largest eigenvalues, largest first.
    public var values: [Double]
    /// Their unit eigenvectors, one per column (rows × k).
    public var vectors: Matrix
    /// Iterations run (0 for a dense solve).
    public var iterations: Int
    /// Whether every wanted residual fell below the tolerance.
    public var converged: Bool
  }

  /// The `k` largest eigenpairs of `a`, iterating a block of `blockSize` (≥ k) vectors at most `maxIterations` times.
  public static func largest(
    _ k: Int, of a: SparseSymmetric, blockSize: Int, seed: UInt64, tolerance: Double, maxIterations: Int
  ) -> Result {
    largest(
      k, order: a.count, blockSize: blockSize, seed: seed, tolerance: tolerance, maxIterations: maxIterations, dense: { a.dense },
      multiply: a.multiply)
  }

  /// The `k` largest eigenpairs of the dense symmetric `a` (both triangles filled), as for a sparse matrix.
  public static func largest(_ k: Int, of a: Matrix, blockSize: Int, seed: UInt64, tolerance: Double, maxIterations: Int) -> Result {
    precondition(a.rows == a.columns, "eigenpairs of a \(a.rows) × \(a.columns) matrix")
    return largest(
      k, order: a.rows, blockSize: blockSize, seed: seed, tolerance: tolerance, maxIterations: maxIterations, dense: { a },
      multiply: { Block.product(a, $0) })
  }

  /// The iteration for the matrix of `order` rows whose product with a block is `multiply` (and whose entries are `dense`,
  /// for problems small enough to solve directly).
  private static func largest(
    _ k: Int, order n: Int, blockSize: Int, seed: UInt64, tolerance: Double, maxIterations: Int, dense: () -> Matrix,
    multiply: (Matrix) -> Matrix
  ) -> Result {
    precondition(k >= 1 && k <= n && blockSize >= k, "bad LOBPCG request: \(k) of \(n) with a block of \(blockSize)")
    let b = min(blockSize, n)
    if n < 5 * b {
      let eigen = SymmetricEigen(dense())
      var vectors = Matrix(rows: n, columns: k)
      for r in 0..<n { for c in 0..<k { vectors[r, c] = eigen.vectors[r, c] } }
      return Result(values: Array(eigen.values.prefix(k)), vectors: vectors, iterations: 0, converged: true)
    }
    var generator = SeededGenerator(seed: seed)
    var x = Block.orthonormalBasis(Matrix(rows: n, columns: b, storage: (0..<(n * b)).map { _ in generator.nextGaussian() }))
    var (values, ax) = ([Double](), Matrix(rows: n, columns: 0))
    (x, ax, values) = rayleighRitz(x, multiply(x), keep: x.columns)
    var change: Matrix?
    for iteration in 0...maxIterations {
      let residual = residuals(x, ax, values)
      if (0..<k).allSatisfy({ c in columnNorm(residual, c) <= tolerance }) {
        return result(x, values, k: k, iterations: iteration, converged: true)
      }
      if iteration == maxIterations { break }
      let span = Block.orthonormalBasis(change.map { Block.joined(Block.joined(x, residual), $0) } ?? Block.joined(x, residual))
      let previous = x
      (x, ax, values) = rayleighRitz(span, multiply(span), keep: b)
      change = Block.product(previous, Block.gram(previous, x)).subtracted(from: x)
    }
    return result(x, values, k: k, iterations: maxIterations, converged: false)
  }

  /// The `keep` Ritz pairs of largest value on the span of the orthonormal `basis` (`image` = A · basis).
  static func rayleighRitz(_ basis: Matrix, _ image: Matrix, keep: Int) -> (Matrix, Matrix, [Double]) {
    var h = Block.gram(basis, image)
    for i in 0..<h.rows { for j in 0..<i { (h[i, j], h[j, i]) = ((h[i, j] + h[j, i]) / 2, (h[i, j] + h[j, i]) / 2) } }
    let eigen = SymmetricEigen(h)
    let kept = min(keep, h.rows)
    var c = Matrix(rows: h.rows, columns: kept)
    for r in 0..<h.rows { for j in 0..<kept { c[r, j] = eigen.vectors[r, j] } }
    return (Block.product(basis, c), Block.product(image, c), Array(eigen.values.prefix(kept)))
  }

  /// A x − x Λ, column by column.
  static func residuals(_ x: Matrix, _ ax: Matrix, _ values: [Double]) -> Matrix {
    var r = ax
    for row in 0..<x.rows { for c in 0..<x.columns { r[row, c] -= values[c] * x[row, c] } }
    return r
  }

  /// The Euclidean norm of column `c`.
  static func columnNorm(_ m: Matrix, _ c: Int) -> Double {
    (0..<m.rows).reduce(0.0) { $0 + m[$1, c] * m[$1, c] }.squareRoot()
  }

  /// The first `k` pairs.
  static func result(_ x: Matrix, _ values: [Double], k: Int, iterations: Int, converged: Bool) -> Result {
    var vectors = Matrix(rows: x.rows, columns: k)
    for r in 0..<x.rows { for c in 0..<k { vectors[r, c] = x[r, c] } }
    return Result(values: Array(values.prefix(k)), vectors: vectors, iterations: iterations, converged: converged)
  }
}

extension Matrix {
  /// `other − self`, entry by entry (same shape).
  func subtracted(from other: Matrix) -> Matrix {
    precondition(rows == other.rows && columns == other.columns, "shapes differ")
    return Matrix(rows: rows, columns: columns, storage: zip(other.storage, storage).map { $0 - $1 })
  }
}
