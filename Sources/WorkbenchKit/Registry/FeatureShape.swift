/// The columns a table has at one point of a pipeline, worked out from the data's header and the steps, without fitting.
///
/// Why: some spec mistakes only show against the data (`pca` asking for 50
/// components of 4 columns, k-means `init` centers of the wrong width,
/// `kprototypes` without a categorical column). Each step says what it does
/// to the columns (``Preprocessor/shape(after:)``) and each algorithm what it
/// needs (``ClusteringAlgorithm/check(_:)``), so `validate` and `run` report
/// those mistakes at their JSON path before anything is fitted or written.
///
/// A shape is exact until a step whose output depends on the data's values
/// (`pca` with a `variance` target); then ``isExact`` is false and checks
/// that count or name columns are skipped (the fit still checks).
public struct FeatureShape: Sendable, Equatable {
  /// One column: its name, kind, and for a categorical column its distinct labels (sorted) when known.
  public struct ShapeColumn: Sendable, Equatable {
    public var name: String
    public var isNumeric: Bool
    public var levels: [String]?

    public init(name: String, isNumeric: Bool, levels: [String]? = nil) {
      self.name = name
      self.isNumeric = isNumeric
      self.levels = levels
    }
  }

  /// A problem the columns alone reveal: about one parameter (`n_components`), or about the use as a whole (`nil`).
  public struct Problem: Error, Sendable, Equatable {
    public var parameter: String?
    public var message: String
    public var fix: String

    public init(parameter: String?, message: String, fix: String) {
      self.parameter = parameter
      self.message = message
      self.fix = fix
    }
  }

  /// The columns in table order.
  public var columns: [ShapeColumn]
  /// Rows the table has at most (exactly, unless ``rowsExact`` is false after a step that removes rows).
  public var rows: Int
  /// Whether ``rows`` is exact.
  public var rowsExact: Bool
  /// Whether ``columns`` are exactly the columns the table will have.
  public var isExact: Bool

  public init(columns: [ShapeColumn], rows: Int, rowsExact: Bool = true, isExact: Bool = true) {
    self.columns = columns
    self.rows = rows
    self.rowsExact = rowsExact
    self.isExact = isExact
  }

  /// Names of the numeric columns, in order.
  public var numericNames: [String] { columns.filter(\.isNumeric).map(\.name) }
  /// Names of the categorical columns, in order.
  public var categoricalNames: [String] { columns.filter { !$0.isNumeric }.map(\.name) }
  /// Names of all columns, in order.
  public var names: [String] { columns.map(\.name) }

  /// The column called `name`, if any.
  public func column(named name: String) -> ShapeColumn? { columns.first { $0.name == name } }

  /// `named` when not empty, else every column of the kind a step works on (the ``FeatureColumns`` rule).
  public func targets(_ named: [String], numeric: Bool) -> [String] {
    named.isEmpty ? columns.filter { $0.isNumeric == numeric }.map(\.name) : named
  }

  /// The columns in `names` with `replacement` put where the first of them stood; others keep their place.
  public func replacing(_ names: [String], with replacement: [ShapeColumn]) -> FeatureShape {
    var out = self
    out.columns = []
    var placed = false
    for column in columns {
      guard names.contains(column.name) else {
        out.columns.append(column)
        continue
      }
      if !placed { out.columns.append(contentsOf: replacement) }
      placed = true
    }
    return out
  }

  /// `added` appended, each replacing a column of the same name in place.
  public func adding(_ added: [ShapeColumn]) -> FeatureShape {
    var out = self
    for column in added {
      if let i = out.columns.firstIndex(where: { $0.name == column.name }) { out.columns[i] = column } else { out.columns.append(column) }
    }
    return out
  }

  /// Throws when `parameter` of `algorithm` gives rows of `width` values but a different number of numeric features reach it.
  public func requireNumericWidth(_ width: Int, parameter: String, of algorithm: String) throws(Problem) {
    let numeric = numericNames
    guard isExact, width != numeric.count else { return }
    throw Problem(
      parameter: parameter,
      message: "the '\(parameter)' rows of \(algorithm) have \(width) value\(width == 1 ? "" : "s"), but \(numeric.count) numeric feature\(numeric.count == 1 ? "" : "s") reach it (\(MessageText.list(numeric))).",
      fix: "give \(numeric.count) value\(numeric.count == 1 ? "" : "s") per row, one per feature in that order.")
  }

  /// The problem for numeric column `name` that `step` needs but that does not reach it, or is categorical; `nil` when it is fine.
  public func numericColumnProblem(_ name: String, parameter: String, step: String) -> Problem? {
    guard isExact else { return nil }
    guard let column = column(named: name) else {
      return Problem(
        parameter: parameter, message: "\(step) reads the column '\(name)', but no such column reaches this step.",
        fix: "use one of the columns there: \(MessageText.list(names)).")
    }
    guard column.isNumeric else {
      return Problem(
        parameter: parameter, message: "\(step) needs numbers, but the column '\(name)' is categorical here.",
        fix: "encode it first (one-hot or ordinal), or use a numeric column.")
    }
    return nil
  }
}
