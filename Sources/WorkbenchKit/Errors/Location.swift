/// Where a problem is: a file, and inside it a JSON path or a CSV line and column.
public struct Location: Sendable, Equatable, CustomStringConvertible {
  /// The file, as the user named it.
  public var file: String?
  /// A JSON path such as `algorithms[1].grid.k`.
  public var jsonPath: String?
  /// 1-based line.
  public var line: Int?
  /// 1-based column (a character column in JSON, a field number in CSV).
  public var column: Int?
  /// The CSV column's header name, when known.
  public var columnName: String?

  public init(file: String? = nil, jsonPath: String? = nil, line: Int? = nil, column: Int? = nil, columnName: String? = nil) {
    self.file = file
    self.jsonPath = jsonPath
    self.line = line
    self.column = column
    self.columnName = columnName
  }

  /// "spec.json: algorithms[1].grid.k", "customers.csv, line 12, column 3 (income)".
  public var description: String {
    var parts: [String] = []
    if let file { parts.append(file) }
    var position: [String] = []
    if let line { position.append("line \(line)") }
    if let column {
      position.append("column \(column)" + (columnName.map { " (\($0))" } ?? ""))
    } else if let columnName {
      position.append("column '\(columnName)'")
    }
    if !position.isEmpty { parts.append(position.joined(separator: ", ")) }
    var text = parts.joined(separator: ", ")
    if let jsonPath, !jsonPath.isEmpty { text += text.isEmpty ? jsonPath : ": \(jsonPath)" }
    return text
  }
}

extension Location {
  /// This location with `.key` added to its JSON path.
  public func appending(_ key: String) -> Location {
    var copy = self
    copy.jsonPath = (jsonPath.map { $0.isEmpty ? "" : $0 + "." } ?? "") + key
    return copy
  }

  /// This location with `[index]` added to its JSON path.
  public func appending(index: Int) -> Location {
    var copy = self
    copy.jsonPath = (jsonPath ?? "") + "[\(index)]"
    return copy
  }
}
