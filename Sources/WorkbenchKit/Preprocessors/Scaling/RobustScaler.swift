import WorkbenchNumerics

/// Centers numeric columns on the median and divides by an interquartile range, robust to outliers.
///
/// Matches `sklearn.preprocessing.RobustScaler(with_centering, with_scaling,
/// quantile_range=(q_min, q_max))`: `center` is the median and `scale` the
/// difference of the `q_max` and `q_min` percentiles of the non-missing cells
/// (numpy's linear interpolation, ``Quantile/linear(_:_:)``); a zero scale
/// becomes 1 (``ColumnMoments/isNegligible(spread:magnitude:)``, so a column
/// of tiny values is still scaled); `y = (x − center) / scale`. A percentile
/// range beyond the largest double is applied exactly in halves and left
/// out of the summary.
///
/// Edge cases: `q_min ≥ q_max` is a parameter error; a column with no values
/// is a ``DataError``. Columns follow the ``FeatureColumns`` rule.
/// - Complexity: O(rows log rows · columns) to fit (sorting), O(rows · columns) to transform.
public struct RobustScaler: Preprocessor {
  public static let name = "robust-scaler"
  public static let summary = "Center on the median and scale by the interquartile range (sklearn RobustScaler)."
  public static let parameters: [ParameterSpec] = [
    FeatureColumns.parameter("scale"),
    ParameterSpec("with_centering", .boolean, default: true, "Subtract each column's median."),
    ParameterSpec("with_scaling", .boolean, default: true, "Divide each column by its q_max − q_min percentile range."),
    ParameterSpec("q_min", .real(minimum: 0, maximum: 100), default: 25.0, "Lower percentile of the range (sklearn quantile_range[0])."),
    ParameterSpec("q_max", .real(minimum: 0, maximum: 100), default: 75.0, "Upper percentile of the range (sklearn quantile_range[1])."),
  ]

  /// Columns to scale; empty means all numeric ones.
  public var columns: [String]
  /// Whether the median is subtracted.
  public var withCentering: Bool
  /// Whether the column is divided by the percentile range.
  public var withScaling: Bool
  /// The percentile range, in percent.
  public var quantileRange: (lower: Double, upper: Double)

  public init(validated: Parameters) throws {
    columns = validated.textList("columns")
    withCentering = validated.bool("with_centering")
    withScaling = validated.bool("with_scaling")
    quantileRange = (validated.real("q_min"), validated.real("q_max"))
    guard quantileRange.lower < quantileRange.upper else {
      throw ParameterError(
        parameter: "q_max", message: "the percentile range needs q_min < q_max; got \(JSONNumber.plain(quantileRange.lower)) and \(JSONNumber.plain(quantileRange.upper)).",
        fix: "choose q_max above q_min, e.g. 25 and 75.")
    }
  }

  public static func restore(state: JSONValue) throws -> any FittedPreprocessor {
    try FittedColumnScaling.restore(state, step: name)
  }

  /// Learns each column's median and percentile range.
  public func fit(_ table: DataTable, context: FitContext) throws -> any FittedPreprocessor {
    let names = try FeatureColumns.numericTargets(columns, in: table, for: Self.name)
    var centers: [Double] = [], scales: [Double] = [], multipliers: [Double] = []
    let values = try FeatureColumns.numericValues(names, of: table, for: Self.name)
    for sorted in try FeatureColumns.sortedObservedValues(names, of: values, in: table, for: Self.name) {
      centers.append(withCentering ? Quantile.linear(sorted: sorted, 0.5) : 0)
      let low = Quantile.linear(sorted: sorted, quantileRange.lower / 100), high = Quantile.linear(sorted: sorted, quantileRange.upper / 100)
      let spread = high - low
      if !withScaling || ColumnMoments.isNegligible(spread: spread, magnitude: max(abs(low), abs(high))) {
        scales.append(1)
        multipliers.append(1)
      } else if spread.isFinite {
        scales.append(spread)
        multipliers.append(1)
      } else {
        // A range beyond the largest double (values near ±1e308): divide by half of it, then halve, exactly.
        scales.append(high * 0.5 - low * 0.5)
        multipliers.append(0.5)
      }
    }
    var statistics: [String: [Double]] = [:]
    if withCentering { statistics["center"] = centers }
    // A percentile range beyond the largest double has no JSON form; it is then left out of the record.
    if withScaling, multipliers.allSatisfy({ $0 == 1 }) { statistics["scale"] = scales }
    let zeros = [Double](repeating: 0, count: names.count)
    return try FittedColumnScaling(
      step: Self.name, columnNames: names, centers: centers, scales: scales, multipliers: multipliers, offsets: zeros, statistics: statistics
    ).counting(on: table)
  }
}
