/// Replaces categorical columns by integer codes 0, 1, 2, … in a given or sorted category order.
///
/// Matches `sklearn.preprocessing.OrdinalEncoder` (categories sorted, or
/// `categories=[order]` for one column); missing cells stay missing (NaN), as
/// sklearn's default `encoded_missing_value`. Useful for ordered labels
/// ("low" < "mid" < "high"), which one-hot would make equidistant.
///
/// Edge cases: `order` needs exactly one column in `columns` (parameter
/// error otherwise); a fit label not in `order`, or a label not seen on fit
/// at transform time, is a ``DataError`` naming the row, the column and the
/// known categories. Columns follow the ``FeatureColumns`` rule (default:
/// every categorical column).
/// - Complexity: O(rows · log categories) per column.
public struct Ordinal: Preprocessor {
  public static let name = "ordinal"
  public static let categoricalEffect = CategoricalEffect.encodes
  public static let summary = "Encode categorical columns as integer codes, in sorted or given order (sklearn OrdinalEncoder)."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec("columns", .textList, default: [], "The categorical columns to encode; empty means all of them."),
    ParameterSpec("order", .textList, default: [], "The categories of the one column in 'columns', lowest code first; empty means sorted."),
  ]

  /// Columns to encode; empty means all categorical ones.
  public var columns: [String]
  /// Explicit category order for the single column, or empty for sorted.
  public var order: [String]

  public init(validated: Parameters) throws {
    columns = validated.textList("columns")
    order = validated.textList("order")
    if !order.isEmpty && columns.count != 1 {
      throw ParameterError(
        parameter: "order", message: "an explicit order applies to one column, but 'columns' names \(columns.count).",
        fix: "set 'columns' to the one column the order belongs to, e.g. [\"size\"]; use one ordinal step per ordered column.")
    }
    if Set(order).count != order.count {
      throw ParameterError(parameter: "order", message: "the order lists a category more than once.", fix: "name each category once.")
    }
  }

  public static func restore(state: JSONValue) throws -> any FittedPreprocessor {
    let saved = try SavedState(state, owner: "ordinal step")
    let names = try saved.texts("columns")
    let lists = try saved.value("categories").array ?? []
    guard lists.count == names.count else { throw SavedStateError(owner: "ordinal step", detail: "'categories' does not match 'columns'") }
    let categories = try lists.map { list throws(SavedStateError) in try SavedState(["c": list], owner: "ordinal step").texts("c") }
    return FittedOrdinal(columnNames: names, categories: categories, encodedCells: try saved.int("encoded_cells"))
  }

  /// Each encoded column becomes numeric in place.
  public func shape(after input: FeatureShape) throws(FeatureShape.Problem) -> FeatureShape {
    var out = input
    for name in input.targets(columns, numeric: false) {
      if let i = out.columns.firstIndex(where: { $0.name == name }) { out.columns[i] = FeatureShape.ShapeColumn(name: name, isNumeric: true) }
    }
    return out
  }

  /// Learns each column's categories (sorted, or `order`).
  public func fit(_ table: DataTable, context: FitContext) throws -> any FittedPreprocessor {
    let names = try FeatureColumns.categoricalTargets(columns, in: table, for: Self.name)
    let fitColumns = try FeatureColumns.columns(names, of: table)
    let categories = fitColumns.map { order.isEmpty ? Set(($0.labels ?? []).compactMap { $0 }).sorted() : order }
    let fitted = FittedOrdinal(
      columnNames: names, categories: categories, encodedCells: fitColumns.reduce(0) { $0 + $1.count - $1.missingCount })
    _ = try fitted.transform(table)
    return fitted
  }
}
