/// Eigenvalues and eigenvectors of a real symmetric matrix, by the cyclic Jacobi method.
///
/// Jacobi rotations zero the off-diagonal entries one pair at a time until
/// the off-diagonal mass is below `1e-30` of the total (or 100 sweeps pass);
/// the method is slower than LAPACK's `dsyevd` (numpy's `eigh`) but simple,
/// and it computes small eigenvalues to high relative accuracy, which is what
/// PCA's explained-variance ratios need. Eigenvalues come in descending
/// order, eigenvector `i` is column `i` of ``vectors``; signs are arbitrary
/// (callers fix them, e.g. PCA's `svd_flip` rule).
///
/// Edge cases: a 0 × 0 matrix gives no eigenvalues; the input must be
/// square and symmetric (precondition on the shape; the lower triangle is read).
/// - Complexity: O(sweeps · n³), about 6–10 sweeps for n ≤ 50.
/// - SeeAlso: Golub & Van Loan, "Matrix Computations", 4th ed., §8.5.
public struct SymmetricEigen: Sendable {
  /// Eigenvalues, largest first.
  public let values: [Double]
  /// Unit eigenvectors as columns, in the order of ``values``.
  public let vectors: Matrix

  /// Decomposes the symmetric matrix `a`.
  public init(_ a: Matrix) {
    precondition(a.rows == a.columns, "eigendecomposition needs a square matrix")
    let n = a.rows
    var m = a
    for i in 0..<n { for j in 0..<i { m[j, i] = m[i, j] } }
    var v = Matrix(rows: n, columns: n)
    for i in 0..<n { v[i, i] = 1 }
    let total = m.storage.reduce(0) { $0 + $1 * $1 }
    for _ in 0..<100 {
      var off = 0.0
      for i in 0..<n { for j in 0..<n where j != i { off += m[i, j] * m[i, j] } }
      if off <= 1e-30 * total || off == 0 { break }
      for p in 0..<n {
        for q in (p + 1)..<max(p + 1, n) where m[p, q] != 0 {
          Self.rotate(&m, &v, p, q)
        }
      }
    }
    let order = (0..<n).sorted { (m[$0, $0], $1) > (m[$1, $1], $0) }
    values = order.map { m[$0, $0] }
    var sorted = Matrix(rows: n, columns: n)
    for (k, c) in order.enumerated() { for r in 0..<n { sorted[r, k] = v[r, c] } }
    vectors = sorted
  }

  /// One Jacobi rotation zeroing `m[p, q]`, accumulated into `v` (Golub & Van Loan, Algorithm 8.5.1).
  private static func rotate(_ m: inout Matrix, _ v: inout Matrix, _ p: Int, _ q: Int) {
    let n = m.rows
    let theta = (m[q, q] - m[p, p]) / (2 * m[p, q])
    let t = abs(theta) > 1e150 ? 0.5 / theta : (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
    let c = 1 / (t * t + 1).squareRoot(), s = t * c
    for k in 0..<n {
      let mkp = m[k, p], mkq = m[k, q]
      m[k, p] = c * mkp - s * mkq
      m[k, q] = s * mkp + c * mkq
    }
    for k in 0..<n {
      let mpk = m[p, k], mqk = m[q, k]
      m[p, k] = c * mpk - s * mqk
      m[q, k] = s * mpk + c * mqk
    }
    for k in 0..<n {
      let vkp = v[k, p], vkq = v[k, q]
      v[k, p] = c * vkp - s * vkq
      v[k, q] = s * vkp + c * vkq
    }
  }
}
