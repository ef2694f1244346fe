import Foundation

/// Small dense linear algebra for symmetric positive-definite matrices (mixture covariances).
///
/// Matrices are square and row-major. Loops run in a fixed order (no
/// re-association), so a result is bit-identical on every build.
public enum Linalg {
  /// The lower-triangular Cholesky factor `L` with `a = L Lᵀ`, or `nil` when `a` is not positive definite.
  ///
  /// Reads only the lower triangle of `a` (the Cholesky–Banachiewicz order,
  /// row by row); the upper triangle of the result is zero. A pivot that is
  /// not strictly positive and finite (a singular or indefinite matrix, or
  /// NaN) gives `nil`, as LAPACK's `potrf` reports `info > 0`.
  /// - Complexity: O(n³ / 6) multiplications for an n × n matrix.
  public static func cholesky(_ a: Matrix) -> Matrix? {
    precondition(a.rows == a.columns, "Cholesky of a \(a.rows) × \(a.columns) matrix")
    let n = a.rows
    var l = Matrix(rows: n, columns: n)
    for i in 0..<n {
      for j in 0...i {
        var sum = a[i, j]
        for p in 0..<j { sum -= l[i, p] * l[j, p] }
        if i == j {
          guard sum > 0, sum.isFinite else { return nil }
          l[i, i] = sum.squareRoot()
        } else {
          l[i, j] = sum / l[j, j]
        }
      }
    }
    return l
  }

  /// The inverse of a lower-triangular matrix with a non-zero diagonal (itself lower triangular).
  ///
  /// Forward substitution against the identity, column by column, as
  /// `scipy.linalg.solve_triangular(l, eye, lower=True)` computes it.
  /// - Complexity: O(n³ / 6) multiplications.
  public static func invertLowerTriangular(_ l: Matrix) -> Matrix {
    precondition(l.rows == l.columns, "inverse of a \(l.rows) × \(l.columns) matrix")
    let n = l.rows
    var inverse = Matrix(rows: n, columns: n)
    for column in 0..<n {
      for i in column..<n {
        var sum = i == column ? 1.0 : 0.0
        for p in column..<i { sum -= l[i, p] * inverse[p, column] }
        inverse[i, column] = sum / l[i, i]
      }
    }
    return inverse
  }

  /// Σ log `l[i, i]`: half the log-determinant of `l Lᵀ` for a Cholesky factor `l`.
  ///
  /// Domain: a positive diagonal (a factor from ``cholesky(_:)`` or its inverse).
  /// - Complexity: O(n).
  public static func logDiagonalSum(_ l: Matrix) -> Double {
    var total = 0.0
    for i in 0..<min(l.rows, l.columns) { total += log(l[i, i]) }
    return total
  }

  /// The matrix with rows and columns in reverse order (`J a J`, J the exchange matrix).
  ///
  /// scikit-learn's `_flipudlr`: the lower Cholesky factor of `J P J`, flipped
  /// back, is an upper factor `U` with `P = U Uᵀ`.
  /// - Complexity: O(n²).
  public static func reversed(_ a: Matrix) -> Matrix {
    var out = Matrix(rows: a.rows, columns: a.columns)
    for i in 0..<a.rows {
      for j in 0..<a.columns { out[i, j] = a[a.rows - 1 - i, a.columns - 1 - j] }
    }
    return out
  }

  /// The transpose.
  /// - Complexity: O(rows · columns).
  public static func transposed(_ a: Matrix) -> Matrix {
    var out = Matrix(rows: a.columns, columns: a.rows)
    for i in 0..<a.rows {
      for j in 0..<a.columns { out[j, i] = a[i, j] }
    }
    return out
  }
}
