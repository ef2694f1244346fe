/// Replaces numeric values by `log(1 + x)`, compressing long right tails (spend, counts).
///
/// Learns nothing; the same as `numpy.log1p` on each cell. Values ≤ −1 have
/// no logarithm and are a ``DataError`` naming the row and column, on fit
/// and on new data. Columns follow the ``FeatureColumns`` rule; missing cells stay missing.
/// - Complexity: O(rows · columns).
public struct Log1p: Preprocessor {
  public static let name = "log1p"
  public static let summary = "Replace numeric values by log(1 + x) (numpy log1p); values ≤ −1 are an error."
  public static let parameters: [ParameterSpec] = [FeatureColumns.parameter("transform")]

  /// Columns to transform; empty means all numeric ones.
  public var columns: [String]

  public init(validated: Parameters) {
    columns = validated.textList("columns")
  }

  public static func restore(state: JSONValue) throws -> any FittedPreprocessor {
    let saved = try SavedState(state, owner: "log1p step")
    return FittedLog1p(columnNames: try saved.texts("columns"), changedCells: try saved.int("changed_cells"))
  }

  /// Checks the columns and counts the cells the transform changes.
  public func fit(_ table: DataTable, context: FitContext) throws -> any FittedPreprocessor {
    let names = try FeatureColumns.numericTargets(columns, in: table, for: Self.name)
    let before = try FeatureColumns.numericValues(names, of: table, for: Self.name)
    let after = try FittedLog1p(columnNames: names, changedCells: 0).logged(before, in: table)
    return FittedLog1p(columnNames: names, changedCells: FeatureColumns.changedCells(before, after))
  }
}
