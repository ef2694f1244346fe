import WorkbenchNumerics

/// Winsorises numeric columns: values beyond quantiles learned on the fit data are pulled in to them.
///
/// On fit, each column's `lower` and `upper` quantiles of the non-missing
/// cells are learned with numpy's default linear interpolation
/// (`numpy.nanquantile`, ``Quantile/linear(_:_:)``); transform is
/// `numpy.clip(x, lo, hi)`. scikit-learn has no such step. Rows are kept.
///
/// Edge cases: `lower ≥ upper` is a parameter error; a column with no values
/// is a ``DataError``. Columns follow the ``FeatureColumns`` rule; missing cells stay missing.
/// - Complexity: O(rows log rows · columns) to fit, O(rows · columns) to transform.
public struct Clip: Preprocessor {
  public static let name = "clip"
  public static let summary = "Winsorise numeric columns at quantiles learned on the fit data (numpy quantile, linear)."
  public static let parameters: [ParameterSpec] = [
    FeatureColumns.parameter("clip"),
    ParameterSpec("lower", .real(minimum: 0, maximum: 1), default: 0.01, "Quantile below which values are raised to it."),
    ParameterSpec("upper", .real(minimum: 0, maximum: 1), default: 0.99, "Quantile above which values are lowered to it."),
  ]

  /// Columns to clip; empty means all numeric ones.
  public var columns: [String]
  /// The quantile levels.
  public var lower: Double, upper: Double

  public init(validated: Parameters) throws {
    columns = validated.textList("columns")
    lower = validated.real("lower")
    upper = validated.real("upper")
    guard lower < upper else {
      throw ParameterError(
        parameter: "upper", message: "clip needs lower < upper; got \(JSONNumber.plain(lower)) and \(JSONNumber.plain(upper)).",
        fix: "choose quantile levels such as 0.01 and 0.99.")
    }
  }

  public static func restore(state: JSONValue) throws -> any FittedPreprocessor {
    let saved = try SavedState(state, owner: "clip step")
    let fitted = FittedClip(
      columnNames: try saved.texts("columns"), lowerBounds: try saved.reals("lower"), upperBounds: try saved.reals("upper"),
      changedCells: try saved.int("changed_cells"))
    guard fitted.lowerBounds.count == fitted.columnNames.count, fitted.upperBounds.count == fitted.columnNames.count else {
      throw SavedStateError(owner: "clip step", detail: "the bounds do not match the columns")
    }
    return fitted
  }

  /// Learns each column's bounds.
  public func fit(_ table: DataTable, context: FitContext) throws -> any FittedPreprocessor {
    let learned = try FeatureColumns.bounds(columns, in: table, for: Self.name) { sorted in
      (Quantile.linear(sorted: sorted, lower), Quantile.linear(sorted: sorted, upper))
    }
    let unchanged = FittedClip(columnNames: learned.names, lowerBounds: learned.lows, upperBounds: learned.highs, changedCells: 0)
    return FittedClip(
      columnNames: learned.names, lowerBounds: learned.lows, upperBounds: learned.highs,
      changedCells: FeatureColumns.changedCells(learned.values, unchanged.clipped(learned.values)))
  }
}
