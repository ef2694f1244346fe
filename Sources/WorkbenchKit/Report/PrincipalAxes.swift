import WorkbenchNumerics

/// The leading principal axes of a matrix's rows, for the report's 2-D and 3-D scatter plots.
///
/// The covariance of the rows (divisor n − 1) is decomposed with
/// ``SymmetricEigen``; axes come in decreasing order of variance and each is
/// signed so that its largest-magnitude loading is positive (scikit-learn's
/// `svd_flip` convention, as the `pca` step), so the pictures do not flip
/// between runs. Column sums and cross-products are accumulated over fixed
/// chunks of rows on the cores and added in chunk order, so the axes are
/// the same bits for any thread count.
///
/// Edge cases: fewer than two rows, or no columns, give no axes; a
/// constant matrix gives axes with zero variance (ratios 0).
/// - Complexity: O(rows · columns²) spread over the cores, plus O(columns³) per Jacobi sweep.
struct PrincipalAxes: Sendable {
  /// The column means.
  var mean: [Double]
  /// The axes, each a unit vector over the columns.
  var axes: [[Double]]
  /// Each axis's share of the total variance.
  var explainedRatio: [Double]

  /// Rows per chunk of the covariance sums (a constant, so results do not depend on the core count).
  static let chunkRows = 4_096

  /// The first `count` axes of `x`'s rows `rows`.
  init(_ x: Matrix, rows: [Int], count: Int) {
    let p = x.columns, n = rows.count
    guard n >= 2, p >= 1 else {
      (mean, axes, explainedRatio) = (Array(repeating: 0, count: p), [], [])
      return
    }
    let mean = x.columnSums(ofRows: rows, chunkRows: Self.chunkRows).map { $0 / Double(n) }
    let products = x.centredCrossProducts(ofRows: rows, centre: mean, chunkRows: Self.chunkRows)
    var covariance = Matrix(rows: p, columns: p)
    for a in 0..<p { for b in 0...a { covariance[a, b] = products[a * p + b] / Double(n - 1) } }
    let eigen = SymmetricEigen(covariance)
    let variances = eigen.values.map { max($0, 0) }
    let total = variances.reduce(0, +)
    self.mean = mean
    axes = (0..<min(count, p)).map { k in
      let axis = (0..<p).map { eigen.vectors[$0, k] }
      let largest = axis.indices.max { abs(axis[$0]) < abs(axis[$1]) || (abs(axis[$0]) == abs(axis[$1]) && $0 > $1) } ?? 0
      return axis[largest] < 0 ? axis.map { -$0 } : axis
    }
    explainedRatio = (0..<min(count, p)).map { total > 0 ? variances[$0] / total : 0 }
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
