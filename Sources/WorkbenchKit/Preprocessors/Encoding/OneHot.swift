/// Replaces each categorical column by one 0/1 column per category (`region=north`).
///
/// Matches `sklearn.preprocessing.OneHotEncoder(sparse_output=False,
/// handle_unknown="ignore")` with `drop="first"` when `drop_first` is true:
/// categories are the labels seen on fit, sorted; the indicator columns take
/// the encoded column's place, in category order. A category not seen on
/// fit, and a missing cell, encode as all zeros instead of failing (sklearn
/// would make missing its own category).
///
/// Edge cases: with `drop_first`, a column with a single category produces
/// no columns. Columns follow the ``FeatureColumns`` rule (default: every
/// categorical column); a numeric column named in `columns` is a ``DataError``.
/// - Complexity: O(rows · categories) per column.
public struct OneHot: Preprocessor {
  public static let name = "one-hot"
  public static let categoricalEffect = CategoricalEffect.encodes
  public static let summary = "Encode categorical columns as 0/1 indicator columns (sklearn OneHotEncoder)."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec("columns", .textList, default: [], "The categorical columns to encode; empty means all of them."),
    ParameterSpec("drop_first", .boolean, default: false, "Leave out each column's first (sorted) category, as sklearn drop=\"first\"."),
  ]

  /// Columns to encode; empty means all categorical ones.
  public var columns: [String]
  /// Whether the first category of each column gets no indicator.
  public var dropFirst: Bool

  public init(validated: Parameters) {
    columns = validated.textList("columns")
    dropFirst = validated.bool("drop_first")
  }

  public static func restore(state: JSONValue) throws -> any FittedPreprocessor {
    let saved = try SavedState(state, owner: "one-hot step")
    let names = try saved.texts("columns")
    let lists = try saved.value("categories").array ?? []
    guard lists.count == names.count else { throw SavedStateError(owner: "one-hot step", detail: "'categories' does not match 'columns'") }
    let categories = try lists.map { list throws(SavedStateError) in try SavedState(["c": list], owner: "one-hot step").texts("c") }
    return FittedOneHot(
      columnNames: names, categories: categories, dropFirst: try saved.bool("drop_first"), encodedCells: try saved.int("encoded_cells"))
  }

  /// Each encoded column replaced by one numeric column per known label (`region=north`); unknown labels make the shape inexact.
  public func shape(after input: FeatureShape) throws(FeatureShape.Problem) -> FeatureShape {
    var out = input
    for name in input.targets(columns, numeric: false) {
      guard let levels = input.column(named: name)?.levels, input.rowsExact else {
        out = out.replacing([name], with: [])
        out.isExact = false
        continue
      }
      let kept = dropFirst ? Array(levels.dropFirst()) : levels
      out = out.replacing([name], with: kept.map { FeatureShape.ShapeColumn(name: "\(name)=\($0)", isNumeric: true) })
    }
    return out
  }

  /// Learns each column's sorted categories.
  public func fit(_ table: DataTable, context: FitContext) throws -> any FittedPreprocessor {
    let names = try FeatureColumns.categoricalTargets(columns, in: table, for: Self.name)
    let categories = try FeatureColumns.columns(names, of: table).map { Set(($0.labels ?? []).compactMap { $0 }).sorted() }
    let cells = try FeatureColumns.columns(names, of: table).reduce(0) { $0 + $1.count - $1.missingCount }
    return FittedOneHot(columnNames: names, categories: categories, dropFirst: dropFirst, encodedCells: cells)
  }
}
