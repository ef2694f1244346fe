import WorkbenchNumerics

/// Removes rows whose values lie outside bounds learned on the fit data (Tukey fences or z-scores).
///
/// `iqr`: bounds `q1 − factor·IQR` and `q3 + factor·IQR`, quartiles by numpy's
/// linear interpolation (``Quantile/linear(_:_:)``). `zscore`: bounds
/// `mean ± threshold·std`, population standard deviation (ddof 0, as
/// `scipy.stats.zscore`). A cell is an outlier when strictly outside its
/// column's bounds; a missing cell never is. `rule` "any" removes a row with
/// an outlier in any checked column, "all" only when every checked column is
/// one. The same bounds remove rows of new data. Removed rows stay in the
/// labels file, marked as excluded by this step.
///
/// Edge cases: a column with no values is a ``DataError``; a constant column
/// has no outliers. Columns follow the ``FeatureColumns`` rule.
/// - Complexity: O(rows log rows · columns) to fit, O(rows · columns) to transform.
public struct RemoveOutliers: Preprocessor {
  /// How a column's bounds are set.
  public enum Method: String, Sendable, CaseIterable {
    case iqr
    case zscore
  }

  /// How column verdicts combine into a row verdict.
  public enum Rule: String, Sendable, CaseIterable {
    case any
    case all
  }

  public static let name = "remove-outliers"
  public static let summary = "Remove rows outside IQR fences or z-score bounds learned on the fit data."
  public static let parameters: [ParameterSpec] = [
    FeatureColumns.parameter("check"),
    ParameterSpec("method", .choice(Method.allCases.map(\.rawValue)), default: "iqr", "Tukey fences (iqr) or mean ± threshold · std (zscore)."),
    ParameterSpec("factor", .real(minimum: 0, maximum: 1_000, openMinimum: true), default: 1.5, "The IQR multiple beyond the quartiles (method iqr)."),
    ParameterSpec("threshold", .real(minimum: 0, maximum: 1_000, openMinimum: true), default: 3.0, "The number of standard deviations from the mean (method zscore)."),
    ParameterSpec("rule", .choice(Rule.allCases.map(\.rawValue)), default: "any", "Remove a row when any, or all, of its checked values are outliers."),
  ]

  /// Columns checked; empty means all numeric ones.
  public var columns: [String]
  /// How bounds are set.
  public var method: Method
  /// IQR multiple.
  public var factor: Double
  /// z-score limit.
  public var threshold: Double
  /// How columns combine.
  public var rule: Rule

  public init(validated: Parameters) {
    columns = validated.textList("columns")
    method = validated.choice("method")
    factor = validated.real("factor")
    threshold = validated.real("threshold")
    rule = validated.choice("rule")
  }

  public static func restore(state: JSONValue) throws -> any FittedPreprocessor {
    let saved = try SavedState(state, owner: "remove-outliers step")
    guard let rule = Rule(rawValue: try saved.text("rule")) else { throw SavedStateError(owner: "remove-outliers step", detail: "unknown rule") }
    let fitted = FittedRemoveOutliers(
      columnNames: try saved.texts("columns"), lowerBounds: try saved.reals("lower"), upperBounds: try saved.reals("upper"), rule: rule,
      removedRows: try saved.int("removed_rows"), outlierCells: try saved.reals("outlier_cells").map { Int($0) })
    guard [fitted.lowerBounds.count, fitted.upperBounds.count, fitted.outlierCells.count].allSatisfy({ $0 == fitted.columnNames.count }) else {
      throw SavedStateError(owner: "remove-outliers step", detail: "the bounds do not match the columns")
    }
    return fitted
  }

  /// `bound` clamped to the finite doubles: no finite value lies beyond ±`greatestFiniteMagnitude`, so the fence
  /// keeps the same rows and stays writable as JSON.
  static func finite(_ bound: Double) -> Double {
    min(max(bound, -.greatestFiniteMagnitude), .greatestFiniteMagnitude)
  }

  /// The same columns; rows may be removed.
  public func shape(after input: FeatureShape) throws(FeatureShape.Problem) -> FeatureShape {
    var out = input
    out.rowsExact = false
    return out
  }

  /// Learns each column's bounds and counts what they remove from `table`.
  public func fit(_ table: DataTable, context: FitContext) throws -> any FittedPreprocessor {
    let learned = try FeatureColumns.bounds(columns, in: table, for: Self.name) { sorted in
      switch method {
      case .iqr:
        let q1 = Quantile.linear(sorted: sorted, 0.25), q3 = Quantile.linear(sorted: sorted, 0.75)
        let spread = q3 - q1
        // A spread or fence beyond the largest double (values near ±1e308) fences nothing off on that side.
        let reach = spread.isFinite ? factor * spread : .infinity
        return (Self.finite(q1 - reach), Self.finite(q3 + reach))
      case .zscore:
        let moments = ColumnMoments(sorted)
        let mean = moments?.mean ?? 0, reach = threshold * (moments?.standardDeviation ?? 0)
        return (Self.finite(mean - reach), Self.finite(mean + reach))
      }
    }
    let probe = FittedRemoveOutliers(
      columnNames: learned.names, lowerBounds: learned.lows, upperBounds: learned.highs, rule: rule, removedRows: 0, outlierCells: [])
    let flags = probe.outlierFlags(learned.values)
    return FittedRemoveOutliers(
      columnNames: learned.names, lowerBounds: learned.lows, upperBounds: learned.highs, rule: rule,
      removedRows: table.rowCount - probe.keptRows(flags, rows: table.rowCount).count,
      outlierCells: flags.map { $0.count { $0 } })
  }
}
