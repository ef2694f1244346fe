import WorkbenchNumerics

/// The leading principal axes of a matrix's rows, for the report's 2-D and 3-D scatter plots.
///
/// Up to ``fullLimit`` columns the covariance of the rows (divisor n − 1)
/// is decomposed in full with ``SymmetricEigen``. Wider matrices get only
/// the axes asked for, from the smaller of the covariance and the rows'
/// Gram matrix (``leading(_:rows:mean:count:)``): the full decomposition
/// costs O(columns³) per Jacobi sweep (a minute at 1,000 columns, about two
/// hours at 5,000) for three axes. Axes come in decreasing order of variance and each is
/// signed so that its largest-magnitude loading is positive (scikit-learn's
/// `svd_flip` convention, as the `pca` step), so the pictures do not flip
/// between runs. Column sums and cross-products are accumulated over fixed
/// chunks on the cores and added in a fixed order, so the axes are the
/// same bits for any thread count.
///
/// Edge cases: fewer than two rows, or no columns, give no axes; a
/// constant matrix gives axes with zero variance (ratios 0).
/// - Complexity: up to ``fullLimit`` columns, O(rows · columns²) spread over the cores plus O(columns³) per Jacobi
///   sweep; beyond, see ``leading(_:rows:mean:count:)``.
struct PrincipalAxes: Sendable {
  /// The column means.
  var mean: [Double]
  /// The axes, each a unit vector over the columns.
  var axes: [[Double]]
  /// Each axis's share of the total variance.
  var explainedRatio: [Double]

  /// Rows per chunk of the covariance sums (a constant, so results do not depend on the core count).
  static let chunkRows = 4_096
  /// Most columns whose covariance is decomposed in full: about 40 ms of Jacobi sweeps at 128, and narrower data keeps
  /// the axes it always had.
  static let fullLimit = 128

  /// The first `count` axes of `x`'s rows `rows`.
  init(_ x: Matrix, rows: [Int], count: Int) {
    let p = x.columns, n = rows.count
    guard n >= 2, p >= 1 else {
      (mean, axes, explainedRatio) = (Array(repeating: 0, count: p), [], [])
      return
    }
    let mean = x.columnSums(ofRows: rows, chunkRows: Self.chunkRows).map { $0 / Double(n) }
    let (axes, variances, total) =
      p <= Self.fullLimit ? Self.full(x, rows: rows, mean: mean, count: count) : Self.leading(x, rows: rows, mean: mean, count: count)
    self.mean = mean
    self.axes = axes.map(Self.signed)
    explainedRatio = variances.map { total > 0 ? $0 / total : 0 }
  }

  /// The first `count` axes of the covariance of `x`'s rows `rows` (centred on `mean`) and their variances, from its
  /// full decomposition, with the total variance (the sum of every eigenvalue, negative rounding counted as 0).
  static func full(_ x: Matrix, rows: [Int], mean: [Double], count: Int) -> (axes: [[Double]], variances: [Double], total: Double) {
    let p = x.columns, n = rows.count
    let products = x.centredCrossProducts(ofRows: rows, centre: mean, chunkRows: chunkRows)
    var covariance = Matrix(rows: p, columns: p)
    for a in 0..<p { for b in 0...a { covariance[a, b] = products[a * p + b] / Double(n - 1) } }
    let eigen = SymmetricEigen(covariance)
    let variances = eigen.values.map { max($0, 0) }
    let kept = min(count, p)
    return ((0..<kept).map { k in (0..<p).map { eigen.vectors[$0, k] } }, Array(variances.prefix(kept)), variances.reduce(0, +))
  }

  /// `axis`, negated when its largest-magnitude loading (the first of equal ones) is negative.
  static func signed(_ axis: [Double]) -> [Double] {
    let largest = axis.indices.max { abs(axis[$0]) < abs(axis[$1]) || (abs(axis[$0]) == abs(axis[$1]) && $0 > $1) } ?? 0
    return axis[largest] < 0 ? axis.map { -$0 } : axis
  }

  /// The coordinates of `x`'s row `row` on each axis.
  func project(_ x: Matrix, row: Int) -> [Double] {
    let values = x.row(row)
    return axes.map { axis in
      var sum = 0.0
      for (c, value) in values.enumerated() { sum += (value - mean[c]) * axis[c] }
      return sum
    }
  }
}
