import Foundation

/// Writes rows or a ``DataTable`` as RFC 4180 CSV, for labels files and exports.
///
/// A field is quoted when it contains the delimiter, a quote, a line break,
/// or leading/trailing spaces or tabs (which the reader would trim); quotes
/// inside are doubled. Lines end with LF. Numbers are written in their
/// shortest round-tripping form, whole numbers without a fraction (`34`,
/// `12.5`, `1e-07`); missing cells are empty. ``CSVReader`` reads the text
/// back to the same table, except that a label spelling a missing token
/// (`NA`) reads back as missing, and a categorical column whose labels are
/// all numbers reads back as numeric.
public struct CSVWriter: Sendable {
  /// The separator to write.
  public var delimiter: CSVDelimiter

  /// A writer using `delimiter`.
  public init(delimiter: CSVDelimiter = .comma) {
    self.delimiter = delimiter
  }

  /// The CSV text of `rows`, one line each.
  public func text(rows: [[String]]) -> String {
    var lines = CSVLines(delimiter: delimiter)
    for row in rows { lines.appendRow(row) }
    return lines.text
  }

  /// The CSV text of `table`: a header row, then one line per row.
  public func text(of table: DataTable) -> String {
    var lines = CSVLines(delimiter: delimiter)
    lines.appendRow(table.columnNames)
    for row in 0..<table.rowCount {
      for column in table.columns { lines.append(cell(column, row)) }
      lines.endLine()
    }
    return lines.text
  }

  /// Writes `table` to `path` atomically (a temporary file renamed into place).
  public func write(_ table: DataTable, to path: String) throws {
    try Data(text(of: table).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
  }

  /// Writes `rows` to `path` atomically.
  public func write(rows: [[String]], to path: String) throws {
    try Data(text(rows: rows).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
  }

  private func cell(_ column: Column, _ row: Int) -> String {
    switch column.values {
    case .numeric(let v): v[row].isNaN ? "" : JSONNumber.plain(v[row])
    case .categorical(let v): v[row] ?? ""
    }
  }
}
