/// Rows prepared for Gower's dissimilarity: numeric features range-scaled, categorical features as integer codes.
///
/// Gower's dissimilarity between rows i and j over p = p_num + p_cat features
/// with equal weights and no missing values, as R's `cluster::daisy(metric =
/// "gower")` defines it:
///
///     d(i, j) = ( Σ_f |x'_if − x'_jf|  +  Σ_c [code_ic ≠ code_jc] ) / p,   x'_f = (x_f − min_f) / range_f
///
/// with the minimums and ranges of a ``GowerScaling`` learned from the fit
/// rows. Fit rows give values in [0, 1]; rows scored later may fall outside the
/// fit range, and their numeric terms may then exceed 1 (they are not clipped).
/// A code of −1 marks a level not seen when fitting: it mismatches every fit row.
public struct GowerRows: Sendable, Equatable {
  /// The numeric features, scaled to (value − minimum) / range.
  public let scaled: Matrix
  /// The categorical codes, row-major: `rows × categoricalCount`.
  public let codes: [Int]
  /// Number of categorical features.
  public let categoricalCount: Int

  /// Scales `numeric` with `scaling` and stores `codes`, given as one array of per-row codes per categorical feature.
  ///
  /// Domain: every code array has one entry per row of `numeric` (checked).
  /// - Complexity: O(rows · features).
  public init(numeric: Matrix, scaling: GowerScaling, codes columns: [[Int]]) {
    precondition(columns.allSatisfy { $0.count == numeric.rows }, "categorical codes must have one entry per row")
    scaled = scaling.scale(numeric)
    categoricalCount = columns.count
    var codes = Array(repeating: 0, count: numeric.rows * columns.count)
    for (c, column) in columns.enumerated() {
      for r in 0..<numeric.rows { codes[r * columns.count + c] = column[r] }
    }
    self.codes = codes
  }

  /// Number of rows.
  public var rows: Int { scaled.rows }

  /// Number of features p, numeric and categorical, that the dissimilarity averages over.
  public var featureCount: Int { scaled.columns + categoricalCount }

  /// Gower's dissimilarity between row `i` of `a` and row `j` of `b` (formula on ``GowerRows``).
  ///
  /// Domain: `a` and `b` have the same numeric and categorical feature counts
  /// (checked); rows in range (checked). With no features at all it is 0.
  /// - Complexity: O(p).
  public static func dissimilarity(_ a: GowerRows, row i: Int, _ b: GowerRows, row j: Int) -> Double {
    precondition(a.categoricalCount == b.categoricalCount, "\(a.categoricalCount) and \(b.categoricalCount) categorical features")
    let p = a.featureCount
    guard p > 0 else { return 0 }
    var mismatches = 0
    let q = a.categoricalCount
    for c in 0..<q where a.codes[i * q + c] != b.codes[j * q + c] { mismatches += 1 }
    let numeric = a.scaled.columns > 0 ? Distance.manhattan(a.scaled, row: i, b.scaled, row: j) : 0
    return (numeric + Double(mismatches)) / Double(p)
  }
}
