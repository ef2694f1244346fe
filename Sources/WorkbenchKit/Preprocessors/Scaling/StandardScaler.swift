import WorkbenchNumerics

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
/// (sklearn would return NaN statistics). Columns of any finite scale are
/// scaled right (``ColumnMoments``: values near ±1e308 or 1e-300 too, where
/// sklearn's sums overflow or its variance underflows to a "constant"); a
/// variance that is not itself a finite double is left out of the summary.
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
    var means: [Double] = [], variances: [Double?] = [], scales: [Double] = []
    let values = try FeatureColumns.numericValues(names, of: table, for: Self.name)
    for (name, moments) in zip(names, Parallel.map(count: values.count) { ColumnMoments(values[$0]) }) {
      guard let moments else {
        throw FeatureColumns.allMissing(name, in: table, for: Self.name, fix: "impute it first or drop it from data.features.")
      }
      means.append(moments.mean)
      variances.append(moments.variance)
      scales.append(withStd && !moments.isConstant ? moments.standardDeviation : 1)
    }
    let zeros = [Double](repeating: 0, count: names.count), ones = [Double](repeating: 1, count: names.count)
    var statistics = ["mean": means, "scale": scales]
    // A variance beyond the range of doubles (values beyond ~1e154) is left out of the record; the scale is exact.
    if variances.allSatisfy({ $0 != nil }) { statistics["var"] = variances.map { $0! } }
    return try FittedColumnScaling(
      step: Self.name, columnNames: names, centers: withMean ? means : zeros, scales: scales, multipliers: ones, offsets: zeros,
      statistics: statistics
    ).counting(on: table)
  }
}
