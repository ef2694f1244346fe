import WorkbenchNumerics

extension PrincipalAxes {
  /// Most LOBPCG iterations, for a matrix of more than ``fullLimit`` rows (random data of 2,000 × 2,000 needs 58).
  static let eigenIterations = 1_000
  /// LOBPCG's bound on each residual ‖M v − λ v‖, relative to the Frobenius norm of M (at least its largest eigenvalue).
  static let eigenTolerance = 1e-12

  /// The first `count` axes of `x`'s rows `rows` (centred on `mean`) and their variances, with the total variance,
  /// from whichever of the covariance (columns × columns) and the rows' Gram matrix (rows × rows) is smaller.
  ///
  /// For the centred rows D (n × p), the Gram matrix D Dᵀ has the nonzero
  /// eigenvalues of the scatter matrix Dᵀ D (n − 1 times the covariance), and
  /// D Dᵀ u = μ u makes Dᵀ u / √μ a unit eigenvector of Dᵀ D. So with more
  /// columns than rows an axis is Dᵀ u normalised, with variance μ / (n − 1),
  /// and 50 rows of 5,000 columns cost a 50 × 50 decomposition instead of a
  /// 5,000 × 5,000 one. The total variance is the trace. The leading
  /// eigenpairs come from ``SymmetricEigen`` up to ``fullLimit`` rows, else
  /// from ``LOBPCG`` (a block of 2 · `count` + 4, started from seed 0, every
  /// product in a fixed order) until the residuals are below
  /// ``eigenTolerance`` times the matrix's Frobenius norm, which leaves an
  /// axis off by about that residual over the gap between its eigenvalue and
  /// the nearest other. So the shares are those of
  /// ``full(_:rows:mean:count:)`` to rounding, and so are the axes (up to
  /// sign, fixed afterwards by ``signed(_:)``) wherever their eigenvalues
  /// stand apart (where eigenvalues nearly coincide, their axes are as
  /// ill-determined in either decomposition). A direction
  /// without variance (fewer independent rows than axes, or constant rows)
  /// has no Gram eigenvector to map: it is the first standard basis vector
  /// made orthogonal to the axes before it, as good as any other, since the
  /// rows have no extent along it.
  /// - Complexity: O(rows · columns · min(rows, columns)) for the matrix, spread over the cores, plus
  ///   O(min(rows, columns)³) per Jacobi sweep or O(iterations · min(rows, columns)² · count) for LOBPCG; a centred
  ///   copy of the rows (rows · columns) and the matrix (min(rows, columns)²) in memory.
  static func leading(_ x: Matrix, rows: [Int], mean: [Double], count: Int) -> (axes: [[Double]], variances: [Double], total: Double) {
    let p = x.columns, n = rows.count
    let kept = min(count, p)
    // D when it has no more columns than rows (its column Gram matrix is the scatter matrix DᵀD), else Dᵀ (giving D Dᵀ).
    let byColumns = p <= n
    var centred = Matrix(rows: byColumns ? n : p, columns: byColumns ? p : n)
    for (i, r) in rows.enumerated() {
      for c in 0..<p { centred[byColumns ? i : c, byColumns ? c : i] = x[r, c] - mean[c] }
    }
    let gram = centred.columnGram()
    let eigen = largestEigenpairs(min(kept, gram.rows), of: gram)
    var axes: [[Double]]
    if byColumns {
      axes = (0..<kept).map { k in (0..<p).map { eigen.vectors[$0, k] } }
    } else {
      axes = []
      // An eigenvalue at the rounding level of the largest is a direction without variance: Dᵀ u is noise.
      for (k, value) in eigen.values.enumerated() where value > 1e-12 * eigen.values[0] {
        var axis = (0..<p).map { c in (0..<n).reduce(0.0) { $0 + centred[c, $1] * eigen.vectors[$1, k] } }
        let norm = axis.reduce(0) { $0 + $1 * $1 }.squareRoot()
        for c in 0..<p { axis[c] /= norm }
        axes.append(axis)
      }
      while axes.count < kept { axes.append(orthogonalBasisVector(to: axes, columns: p)) }
    }
    let variances = (0..<kept).map { $0 < eigen.values.count ? max(eigen.values[$0], 0) / Double(n - 1) : 0 }
    let trace = (0..<gram.rows).reduce(0) { $0 + gram[$1, $1] }
    return (axes, variances, trace / Double(n - 1))
  }

  /// The `k` largest eigenvalues of the symmetric `m` and their unit eigenvectors (columns of an order × k matrix).
  static func largestEigenpairs(_ k: Int, of m: Matrix) -> (values: [Double], vectors: Matrix) {
    guard m.rows > fullLimit else {
      let eigen = SymmetricEigen(m)
      var vectors = Matrix(rows: m.rows, columns: k)
      for r in 0..<m.rows { for c in 0..<k { vectors[r, c] = eigen.vectors[r, c] } }
      return (Array(eigen.values.prefix(k)), vectors)
    }
    let norm = m.storage.reduce(0) { $0 + $1 * $1 }.squareRoot()
    let result = LOBPCG.largest(
      k, of: m, blockSize: 2 * k + 4, seed: 0, tolerance: eigenTolerance * norm, maxIterations: eigenIterations)
    return (result.values, result.vectors)
  }

  /// The first standard basis vector of `p` columns, made orthogonal to the orthonormal `axes`, that keeps over half
  /// its squared length, normalised.
  ///
  /// One exists while `axes` are fewer than half the columns (their squared
  /// loadings sum to their count, so some column's sum is below one half).
  static func orthogonalBasisVector(to axes: [[Double]], columns p: Int) -> [Double] {
    for j in 0..<p {
      var v = Array(repeating: 0.0, count: p)
      v[j] = 1
      for axis in axes { for c in 0..<p { v[c] -= axis[j] * axis[c] } }
      let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
      if norm > 0.5.squareRoot() { return v.map { $0 / norm } }
    }
    preconditionFailure("no basis vector clear of \(axes.count) axes in \(p) columns")
  }
}
