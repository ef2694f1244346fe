/// Column checks and the column rule shared by pipeline steps.
///
/// The rule every step follows: a step works on the columns named in its
/// `columns` parameter, or, when none are named, on every column of the kind
/// it understands (numeric steps: all numeric columns; encoders: all
/// categorical columns). Every other column passes through unchanged and
/// keeps its position, so `one-hot` may come before or after a numeric step.
/// A step that is explicitly given a column of the wrong kind throws a
/// ``DataError`` naming it, with the fix. Transforming new data needs the
/// fitted columns, with the same kinds.
enum FeatureColumns {
  /// The numbers of `column`, or a located error saying `step` needs numbers there.
  static func numbers(of column: Column, in table: DataTable, for step: String) throws(DataError) -> [Double] {
    guard let numbers = column.numbers else {
      throw DataError(
        Location(file: table.sourceName, columnName: column.name),
        "column '\(column.name)' is categorical, but \(step) needs numbers.",
        fix: "encode it first (one-hot) or drop it from data.features.")
    }
    return numbers
  }

  /// The columns of `table` called `names`, in that order; an absent name is a located error.
  static func columns(_ names: [String], of table: DataTable) throws(DataError) -> [Column] {
    try table.requireColumns(names)
    return names.map { name in table.columns[table.columnIndex(named: name)!] }
  }

  /// An error for a column with no non-missing cell, from which `step` cannot learn.
  static func allMissing(_ name: String, in table: DataTable, for step: String, fix: String) -> DataError {
    DataError(
      Location(file: table.sourceName, columnName: name),
      "column '\(name)' has no values, so \(step) cannot learn from it.", fix: fix)
  }

  /// The numeric columns a step works on: `requested` (checked to exist and hold numbers), or all numeric columns when empty.
  static func numericTargets(_ requested: [String], in table: DataTable, for step: String) throws(DataError) -> [String] {
    guard !requested.isEmpty else { return table.columns.filter(\.isNumeric).map(\.name) }
    for column in try columns(requested, of: table) where !column.isNumeric {
      throw DataError(
        Location(file: table.sourceName, columnName: column.name),
        "column '\(column.name)' is categorical, but \(step) needs numbers.",
        fix: "leave it out of \(step)'s 'columns', or encode it first with a one-hot or ordinal step.")
    }
    return requested
  }

  /// The categorical columns a step works on: `requested` (checked to exist and hold labels), or all categorical columns when empty.
  static func categoricalTargets(_ requested: [String], in table: DataTable, for step: String) throws(DataError) -> [String] {
    guard !requested.isEmpty else { return table.columns.filter { !$0.isNumeric }.map(\.name) }
    for column in try columns(requested, of: table) where column.isNumeric {
      throw DataError(
        Location(file: table.sourceName, columnName: column.name),
        "column '\(column.name)' is numeric, but \(step) encodes categorical columns.",
        fix: "leave it out of \(step)'s 'columns', or declare it under data.categorical.")
    }
    return requested
  }

  /// The numbers of each column in `names`, which must exist and be numeric (for transforming new data).
  static func numericValues(_ names: [String], of table: DataTable, for step: String) throws(DataError) -> [[Double]] {
    var out: [[Double]] = []
    for column in try columns(names, of: table) { out.append(try numbers(of: column, in: table, for: step)) }
    return out
  }

  /// Each column's non-missing values, sorted ascending, for steps that learn quantiles or moments;
  /// a column with no value is a located error (nothing can be learned from it).
  static func sortedObservedValues(_ names: [String], of values: [[Double]], in table: DataTable, for step: String) throws(DataError) -> [[Double]] {
    var out: [[Double]] = []
    for (name, x) in zip(names, values) {
      let sorted = x.filter { !$0.isNaN }.sorted()
      guard !sorted.isEmpty else {
        throw allMissing(name, in: table, for: step, fix: "impute it first or leave it out of 'columns'.")
      }
      out.append(sorted)
    }
    return out
  }

  /// Throws unless every column in `names` (with numbers `values`) is inside ``FeatureMagnitude``'s band, for steps that
  /// compute with squares (covariances, likelihoods, distances) and so cannot give a right answer outside it.
  static func requireSafeMagnitudes(_ names: [String], _ values: [[Double]], in table: DataTable, for step: String) throws(DataError) {
    for (name, x) in zip(names, values) {
      let largest = x.reduce(0.0) { $1.isNaN ? $0 : max($0, abs($1)) }  // missing cells are the step's own business
      guard let problem = FeatureMagnitude.problem(largestMagnitude: largest, name: name) else { continue }
      throw DataError(
        Location(file: table.sourceName, columnName: name), "\(step) cannot work on this column: \(problem.message).",
        fix: "put a \"standard-scaler\" step before \(step) in the pipeline, or rescale the column.")
    }
  }

  /// `table` with the columns called `names` replaced, in place, by numeric columns holding `values`.
  static func replacing(_ names: [String], with values: [[Double]], in table: DataTable) -> DataTable {
    var columns = table.columns
    for (name, x) in zip(names, values) {
      if let i = table.columnIndex(named: name) { columns[i] = .numeric(name, x) }
    }
    return table.replacingColumns(columns)
  }

  /// The number of non-missing cells that differ between `before` and `after`.
  static func changedCells(_ before: [[Double]], _ after: [[Double]]) -> Int {
    zip(before, after).reduce(0) { total, pair in
      total + zip(pair.0, pair.1).reduce(0) { $0 + (!$1.0.isNaN && $1.0 != $1.1 ? 1 : 0) }
    }
  }

  /// Reals keyed by column name, for summaries.
  static func byColumn(_ names: [String], _ values: [Double]) -> JSONValue {
    .object(Dictionary(uniqueKeysWithValues: zip(names, values.map(JSONValue.double))))
  }

  /// The step parameter listing columns, shared by every step that takes one.
  static func parameter(_ what: String) -> ParameterSpec {
    ParameterSpec("columns", .textList, default: [], "The columns to \(what); empty means every numeric column (others pass through).")
  }
}
