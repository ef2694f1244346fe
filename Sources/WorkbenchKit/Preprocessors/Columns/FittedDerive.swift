/// The expressions a ``Derive`` step evaluates, checked against the fit table's columns.
public struct FittedDerive: FittedPreprocessor, Equatable {
  /// The derived column names, in output order.
  public let columnNames: [String]
  /// The expressions as written.
  public let texts: [String]
  let expressions: [DeriveExpression]
  /// Cells of the fit table per derived column with no value because of log/sqrt of an invalid number or division by zero.
  public let invalidCells: [Int]

  /// The first cell of a derived column with no value on present inputs: its row and why.
  public struct FirstGap: Equatable, Sendable {
    /// The row (0-based) in the table evaluated.
    public var row: Int
    /// What went wrong there ("an overflow (a result beyond ±1.8e308)", "a division by zero", …).
    public var cause: String
  }

  /// What evaluating the expressions on a table gives, per derived column.
  struct Evaluation {
    var values: [[Double]] = []
    /// Cells with no value on present inputs.
    var invalidCounts: [Int] = []
    /// The first such cell, or `nil`.
    var firstGaps: [FirstGap?] = []
  }

  /// The derived columns' values on `table`, with the invalid cells of each.
  func evaluate(_ table: DataTable) throws(DataError) -> Evaluation {
    var result = Evaluation()
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
      var firstGap: FirstGap?
      var values: [Double] = []
      values.reserveCapacity(table.rowCount)
      for r in 0..<table.rowCount {
        var gap: DeriveExpression.Gap?
        values.append(expression.evaluate({ inputs[$0]?[r] ?? .nan }, gap: &gap))
        guard let gap else { continue }
        invalidCount += 1
        if firstGap == nil { firstGap = FirstGap(row: r, cause: gap.rawValue) }
      }
      result.values.append(values)
      result.invalidCounts.append(invalidCount)
      result.firstGaps.append(firstGap)
    }
    return result
  }

  /// For each derived column with cells that have no value on `table` although their inputs are present, the first such cell.
  ///
  /// Why: those cells reach the algorithm as missing values; the trial's
  /// failure then says which expression made them and why (an overflow, a
  /// log of a number ≤ 0, …) rather than only that values are missing.
  public func firstGaps(on table: DataTable) -> [String: FirstGap] {
    guard let evaluation = try? evaluate(table) else { return [:] }
    var gaps: [String: FirstGap] = [:]
    for (name, gap) in zip(columnNames, evaluation.firstGaps) { gaps[name] = gap }
    return gaps
  }

  /// `table` with the derived columns appended (or replaced in place when the name exists).
  public func transform(_ table: DataTable) throws -> DataTable {
    var columns = table.columns
    for (name, x) in zip(columnNames, try evaluate(table).values) {
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
