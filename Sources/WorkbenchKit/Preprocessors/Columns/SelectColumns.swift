/// Keeps only the named columns, in the order given.
///
/// Learns nothing; an empty list keeps every column (the default, a no-op). A name that is not a column is a ``DataError`` with
/// nearest-name suggestions. Rows are unchanged.
/// - Complexity: O(columns) (columns are shared, not copied).
public struct SelectColumns: Preprocessor {
  public static let name = "select"
  public static let categoricalEffect = CategoricalEffect.mayRemove
  public static let summary = "Keep only the named columns, in the order given."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec("columns", .textList, default: [], "The columns to keep, in output order; empty keeps every column.")
  ]

  /// The kept columns.
  public var columns: [String]

  public init(validated: Parameters) throws {
    columns = validated.textList("columns")
    guard Set(columns).count == columns.count else {
      throw ParameterError(parameter: "columns", message: "select lists a column more than once.", fix: "name each column once.")
    }
  }

  public static func restore(state: JSONValue) throws -> any FittedPreprocessor {
    let saved = try SavedState(state, owner: "select step")
    return FittedColumnSelection(kept: try saved.texts("kept"), dropped: try saved.texts("dropped"))
  }

  /// The named columns, in the order named (all when none are named).
  public func shape(after input: FeatureShape) throws(FeatureShape.Problem) -> FeatureShape {
    guard !columns.isEmpty else { return input }
    var out = input
    out.columns = columns.compactMap { input.column(named: $0) }
    return out
  }

  /// Checks the names against `table`.
  public func fit(_ table: DataTable, context: FitContext) throws -> any FittedPreprocessor {
    try table.requireColumns(columns)
    let kept = columns.isEmpty ? table.columnNames : columns
    return FittedColumnSelection(kept: kept, dropped: table.columnNames.filter { !kept.contains($0) })
  }
}
