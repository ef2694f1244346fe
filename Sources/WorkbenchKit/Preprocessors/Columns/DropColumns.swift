/// Removes the named columns; the others keep their order.
///
/// Learns nothing; an empty list (the default) removes nothing. A name that is not a column is a ``DataError`` with
/// nearest-name suggestions. Rows are unchanged.
/// - Complexity: O(columns).
public struct DropColumns: Preprocessor {
  public static let name = "drop"
  public static let categoricalEffect = CategoricalEffect.mayRemove
  public static let summary = "Remove the named columns."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec("columns", .textList, default: [], "The columns to remove; empty removes none.")
  ]

  /// The removed columns.
  public var columns: [String]

  public init(validated: Parameters) {
    columns = validated.textList("columns")
  }

  public static func restore(state: JSONValue) throws -> any FittedPreprocessor {
    let saved = try SavedState(state, owner: "drop step")
    return FittedColumnSelection(kept: try saved.texts("kept"), dropped: try saved.texts("dropped"))
  }

  /// The columns without the named ones.
  public func shape(after input: FeatureShape) throws(FeatureShape.Problem) -> FeatureShape {
    input.replacing(columns, with: [])
  }

  /// Checks the names against `table`.
  public func fit(_ table: DataTable, context: FitContext) throws -> any FittedPreprocessor {
    try table.requireColumns(columns)
    return FittedColumnSelection(kept: table.columnNames.filter { !columns.contains($0) }, dropped: columns)
  }
}
