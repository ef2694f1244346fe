/// Column checks shared by pipeline steps: the fitted columns are present, and numeric where required.
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
}
