/// Centers numeric columns on their mean and scales them to unit variance.
///
/// Each column becomes `(x - mean) / scale`, where `scale` is the
/// population standard deviation (ddof 0). Matches
/// `sklearn.preprocessing.StandardScaler`: missing cells (NaN) are ignored
/// when fitting and stay NaN; a (near-)constant column gets scale 1 (sklearn's
/// `_is_constant_feature` test, then `_handle_zeros_in_scale`), so its output
/// is 0 rather than NaN; `with_mean: false` keeps the mean out of the output,
/// `with_std: false` leaves the scale at 1.
///
/// Columns follow the ``FeatureColumns`` rule: all numeric columns unless
/// `columns` names some; categorical columns pass through unchanged.
/// Edge cases: a column with no values at all is a ``DataError`` naming it
/// (sklearn would return NaN statistics).
/// - Complexity: O(rows · columns) to fit and to transform.
public struct StandardScaler: Preprocessor {
  public static let name = "standard-scaler"
  public static let summary = "Center numeric columns on the mean and scale to unit variance (sklearn StandardScaler)."
  public static let parameters: [ParameterSpec] = [
    FeatureColumns.parameter("scale"),
    ParameterSpec("with_mean", .boolean, default: true, "Subtract each column's mean."),
    ParameterSpec("with_std", .boolean, default: true, "Divide each column by its population standard deviation."),
  ]

  /// Columns to scale; empty means all numeric ones.
  public var columns: [String]
  /// Whether the output is centered.
  public var withMean: Bool
  /// Whether the output is scaled.
  public var withStd: Bool

  /// A scaler with these settings.
  public init(columns: [String] = [], withMean: Bool = true, withStd: Bool = true) {
    self.columns = columns
    self.withMean = withMean
    self.withStd = withStd
  }

  public init(validated: Parameters) {
    self.init(columns: validated.textList("columns"), withMean: validated.bool("with_mean"), withStd: validated.bool("with_std"))
  }

  /// Rebuilds the map saved by the fitted step's `state`.
  public static func restore(state: JSONValue) throws -> any FittedPreprocessor {
    try FittedColumnScaling.restore(state, step: name)
  }

  /// Learns each column's mean, variance and scale from its non-missing cells.
  public func fit(_ table: DataTable, context: FitContext) throws -> any FittedPreprocessor {
    try fitScaler(table)
  }

  /// ``fit(_:context:)`` with its concrete result (statistics `mean`, `var`, `scale`), for callers that inspect them.
  public func fitScaler(_ table: DataTable) throws(DataError) -> FittedColumnScaling {
    let names = try FeatureColumns.numericTargets(columns, in: table, for: Self.name)
    var means: [Double] = [], variances: [Double] = [], scales: [Double] = []
    for (name, x) in zip(names, try FeatureColumns.numericValues(names, of: table, for: Self.name)) {
      guard let (mean, variance) = Self.meanAndVariance(x) else {
        throw FeatureColumns.allMissing(name, in: table, for: Self.name, fix: "impute it first or drop it from data.features.")
      }
      means.append(mean)
      variances.append(variance)
      let count = Double(x.count { !$0.isNaN })
      let isConstant = variance <= count * .ulpOfOne * variance + (count * mean * .ulpOfOne) * (count * mean * .ulpOfOne)
      scales.append(withStd && !isConstant ? variance.squareRoot() : 1)
    }
    let zeros = [Double](repeating: 0, count: names.count), ones = [Double](repeating: 1, count: names.count)
    return try FittedColumnScaling(
      step: Self.name, columnNames: names, centers: withMean ? means : zeros, scales: scales, multipliers: ones, offsets: zeros,
      statistics: ["mean": means, "var": variances, "scale": scales]
    ).counting(on: table)
  }

  /// Mean and population variance of the non-NaN values, or `nil` when there are none.
  ///
  /// Two passes with a correction term, as sklearn's `_incremental_mean_and_var`:
  /// `var = (Σ(x - m)² - (Σ(x - m))² / n) / n`.
  static func meanAndVariance(_ x: [Double]) -> (mean: Double, variance: Double)? {
    var sum = 0.0, n = 0
    for v in x where !v.isNaN {
      sum += v
      n += 1
    }
    guard n > 0 else { return nil }
    let mean = sum / Double(n)
    var correction = 0.0, squares = 0.0
    for v in x where !v.isNaN {
      let d = v - mean
      correction += d
      squares += d * d
    }
    return (mean, (squares - correction * correction / Double(n)) / Double(n))
  }
}
