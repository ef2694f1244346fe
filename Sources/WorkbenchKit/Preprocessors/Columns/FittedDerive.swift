/// The expressions a ``Derive`` step evaluates, checked against the fit table's columns.
public struct FittedDerive: FittedPreprocessor, Equatable {
  /// The derived column names, in output order.
  public let columnNames: [String]
  /// The expressions as written.
  public let texts: [String]
  let expressions: [DeriveExpression]
  /// Cells of the fit table per derived column with no value because of log/sqrt of an invalid number or division by zero.
  public let invalidCells: [Int]

  /// The derived columns' values on `table` and the invalid-cell count of each.
  func evaluate(_ table: DataTable) throws(DataError) -> ([[Double]], [Int]) {
    var outputs: [[Double]] = [], invalidCounts: [Int] = []
    for (name, (text, expression)) in zip(columnNames, zip(texts, expressions)) {
      var inputs: [String: [Double]] = [:]
      for column in expression.columnNames {
        guard let found = table.column(named: column) else {
          throw DataError(
            Location(file: table.sourceName, columnName: column),
            "derive '\(name)' reads column '\(column)' in \"\(text)\", but there is no such column.\(NameSuggestions.hint(for: column, in: table.columnNames))",
            fix: "use a column name from the table: \(table.columnNames.joined(separator: ", ")).")
        }
        inputs[column] = try FeatureColumns.numbers(of: found, in: table, for: "derive '\(name)'")
      }
      var invalidCount = 0
      var values: [Double] = []
      values.reserveCapacity(table.rowCount)
      for r in 0..<table.rowCount {
        var invalid = false
        values.append(expression.evaluate({ inputs[$0]?[r] ?? .nan }, invalid: &invalid))
        if invalid { invalidCount += 1 }
      }
      outputs.append(values)
      invalidCounts.append(invalidCount)
    }
    return (outputs, invalidCounts)
  }

  /// `table` with the derived columns appended (or replaced in place when the name exists).
  public func transform(_ table: DataTable) throws -> DataTable {
    let (values, _) = try evaluate(table)
    var columns = table.columns
    for (name, x) in zip(columnNames, values) {
      if let i = table.columnIndex(named: name) { columns[i] = .numeric(name, x) } else { columns.append(.numeric(name, x)) }
    }
    return table.replacingColumns(columns)
  }

  /// `{"columns": […], "expressions": […], "invalid_cells": […]}`.
  public var state: JSONValue {
    ["columns": SavedState.encode(columnNames), "expressions": SavedState.encode(texts), "invalid_cells": .array(invalidCells.map(JSONValue.int))]
  }

  /// `{"expressions": {column: text}, "invalid_cells": {column: n}}`.
  public var summary: JSONValue? {
    [
      "expressions": .object(Dictionary(uniqueKeysWithValues: zip(columnNames, texts.map(JSONValue.string)))),
      "invalid_cells": .object(Dictionary(uniqueKeysWithValues: zip(columnNames, invalidCells.map(JSONValue.int)))),
    ]
  }
}
