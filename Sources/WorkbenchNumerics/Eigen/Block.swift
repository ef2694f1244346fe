/// Products of tall blocks of vectors (n × p matrices, one vector per column), the arithmetic of ``LOBPCG``.
///
/// Sums over the n rows run in fixed chunks of rows combined in chunk order,
/// so every result is the same on any number of threads.
enum Block {
  /// Rows per parallel chunk.
  static let chunkRows = 512

  /// `aᵀ b` (p × q) for `a` n × p and `b` n × q.
  /// - Complexity: O(n · p · q).
  static func gram(_ a: Matrix, _ b: Matrix) -> Matrix {
    precondition(a.rows == b.rows, "blocks of \(a.rows) and \(b.rows) rows")
    let (p, q) = (a.columns, b.columns)
    let partials = Parallel.map(count: Parallel.chunkCount(a.rows, size: chunkRows)) { chunk in
      var sums = Array(repeating: 0.0, count: p * q)
      for r in Parallel.chunkRange(chunk, size: chunkRows, total: a.rows) {
        for i in 0..<p {
          let value = a[r, i]
          for j in 0..<q { sums[i * q + j] += value * b[r, j] }
        }
      }
      return sums
    }
    var total = Array(repeating: 0.0, count: p * q)
    for partial in partials { for i in total.indices { total[i] += partial[i] } }
    return Matrix(rows: p, columns: q, storage: total)
  }

  /// `a · c` (n × q) for `a` n × p and a small `c` p × q.
  /// - Complexity: O(n · p · q).
  static func product(_ a: Matrix, _ c: Matrix) -> Matrix {
    precondition(a.columns == c.rows, "a block of \(a.columns) columns times \(c.rows) rows")
    let q = c.columns
    let chunks = Parallel.map(count: Parallel.chunkCount(a.rows, size: chunkRows)) { chunk in
      var out: [Double] = []
      for r in Parallel.chunkRange(chunk, size: chunkRows, total: a.rows) {
        var row = Array(repeating: 0.0, count: q)
        for i in 0..<a.columns {
          let value = a[r, i]
          for j in 0..<q { row[j] += value * c[i, j] }
        }
        out.append(contentsOf: row)
      }
      return out
    }
    return Matrix(rows: a.rows, columns: q, storage: chunks.flatMap { $0 })
  }

  /// The columns of `a`, then those of `b` (same rows).
  static func joined(_ a: Matrix, _ b: Matrix) -> Matrix {
    precondition(a.rows == b.rows, "blocks of \(a.rows) and \(b.rows) rows")
    var storage: [Double] = []
    storage.reserveCapacity(a.rows * (a.columns + b.columns))
    for r in 0..<a.rows {
      storage.append(contentsOf: a.row(r))
      storage.append(contentsOf: b.row(r))
    }
    return Matrix(rows: a.rows, columns: a.columns + b.columns, storage: storage)
  }

  /// An orthonormal basis of the span of `a`'s columns, dropping directions that are numerically dependent.
  ///
  /// Two passes of SVQB (Stathopoulos & Wu, 2002): scale the columns to unit
  /// length, diagonalise their Gram matrix G = V Λ Vᵀ, keep the directions
  /// with λ above 10⁻¹⁰ of the largest and map the block by V Λ^(−1/2). The
  /// second pass restores orthogonality lost to rounding in the first.
  /// - Complexity: O(n · p²) plus O(p³) per pass.
  static func orthonormalBasis(_ a: Matrix) -> Matrix {
    var basis = a
    for _ in 0..<2 {
      let scales = (0..<basis.columns).map { c in
        let norm = (0..<basis.rows).reduce(0.0) { $0 + basis[$1, c] * basis[$1, c] }.squareRoot()
        return norm > 0 ? 1 / norm : 0
      }
      var scaling = Matrix(rows: basis.columns, columns: basis.columns)
      for c in 0..<basis.columns { scaling[c, c] = scales[c] }
      basis = product(basis, scaling)
      let eigen = SymmetricEigen(gram(basis, basis))
      guard let largest = eigen.values.first, largest > 0 else { return Matrix(rows: a.rows, columns: 0) }
      let kept = eigen.values.indices.filter { eigen.values[$0] > 1e-10 * largest }
      var map = Matrix(rows: basis.columns, columns: kept.count)
      for (k, c) in kept.enumerated() {
        let scale = 1 / eigen.values[c].squareRoot()
        for r in 0..<basis.columns { map[r, k] = eigen.vectors[r, c] * scale }
      }
      basis = product(basis, map)
    }
    return basis
  }
}
