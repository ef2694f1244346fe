/// Removes rows with a missing cell in the chosen columns.
///
/// Like `pandas.DataFrame.dropna(subset=columns)`. Removed rows stay in the
/// labels file, marked as excluded by this step; new data passed through
/// the fitted step loses its incomplete rows too. `columns` defaults to every
/// column, numeric and categorical.
///
/// Edge cases: an unknown column is a ``DataError`` with suggestions; a
/// table with every row incomplete gives an empty table (the algorithm then
/// reports too few rows).
/// - Complexity: O(rows · columns).
public struct DropMissing: Preprocessor {
  public static let name = "drop-missing"
  public static let summary = "Remove rows with a missing cell in the given columns (default: any column)."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec("columns", .textList, default: [], "The columns checked for missing cells; empty means every column.")
  ]

  /// Columns checked; empty means all.
  public var columns: [String]

  public init(validated: Parameters) {
    columns = validated.textList("columns")
  }

  public static func restore(state: JSONValue) throws -> any FittedPreprocessor {
    let saved = try SavedState(state, owner: "drop-missing step")
    return FittedDropMissing(columnNames: try saved.texts("columns"), droppedRows: try saved.int("dropped_rows"))
  }

  /// Records the checked columns and counts the incomplete rows of `table`.
  /// The same columns; rows may be removed.
  public func shape(after input: FeatureShape) throws(FeatureShape.Problem) -> FeatureShape {
    var out = input
    out.rowsExact = false
    return out
  }

  public func fit(_ table: DataTable, context: FitContext) throws -> any FittedPreprocessor {
    try table.requireColumns(columns)
    let names = columns.isEmpty ? table.columnNames : columns
    let kept = try FittedDropMissing(columnNames: names, droppedRows: 0).completeRows(table)
    return FittedDropMissing(columnNames: names, droppedRows: table.rowCount - kept.count)
  }
}
