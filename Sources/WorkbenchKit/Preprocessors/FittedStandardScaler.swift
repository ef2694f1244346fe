/// The statistics a ``StandardScaler`` learned: per-column mean, variance and scale.
public struct FittedStandardScaler: FittedPreprocessor, Equatable {
  /// The fitted columns, in order; `transform` outputs exactly these.
  public let columnNames: [String]
  /// Mean of each column's non-missing cells (sklearn `mean_`).
  public let means: [Double]
  /// Population variance of each column (sklearn `var_`).
  public let variances: [Double]
  /// The divisor per column: the standard deviation, or 1 for constant columns or `with_std: false` (sklearn `scale_`).
  public let scales: [Double]
  /// Whether the mean is subtracted.
  public let centers: Bool

  /// Scales the fitted columns of `table`; missing cells stay NaN.
  public func transform(_ table: DataTable) throws -> DataTable {
    let columns = try FeatureColumns.columns(columnNames, of: table)
    var out: [Column] = []
    for (c, column) in columns.enumerated() {
      let x = try FeatureColumns.numbers(of: column, in: table, for: StandardScaler.name)
      let shift = centers ? means[c] : 0
      let scale = scales[c]
      out.append(.numeric(column.name, x.map { ($0 - shift) / scale }))
    }
    return table.replacingColumns(out)
  }

  /// The fitted statistics, read back by ``StandardScaler/restore(state:)``.
  public var state: JSONValue {
    [
      "columns": SavedState.encode(columnNames), "mean": SavedState.encode(means), "var": SavedState.encode(variances),
      "scale": SavedState.encode(scales), "with_mean": .bool(centers),
    ]
  }

  /// `{"mean": {column: m}, "scale": {column: s}, "var": {column: v}}`.
  public var summary: JSONValue? {
    func byColumn(_ values: [Double]) -> JSONValue {
      .object(Dictionary(uniqueKeysWithValues: zip(columnNames, values.map(JSONValue.double))))
    }
    return ["mean": byColumn(means), "var": byColumn(variances), "scale": byColumn(scales)]
  }
}
