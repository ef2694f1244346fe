extension DataTable {
  /// Throws unless every name in `names` is a column, suggesting the nearest headers for each unknown one.
  ///
  /// All unknown names are reported in one error, in the order given.
  public func requireColumns(_ names: [String]) throws(DataError) {
    let known = columnNames
    let unknown = names.filter { !known.contains($0) }
    guard !unknown.isEmpty else { return }
    let parts = unknown.map { name -> String in
      let near = NameSuggestions.nearest(to: name, in: known)
      return "'\(name)'" + (near.isEmpty ? "" : " (did you mean \(near.map { "'\($0)'" }.joined(separator: " or "))?)")
    }
    throw DataError(
      Location(file: sourceName, columnName: unknown.count == 1 ? unknown[0] : nil),
      "no column named \(parts.joined(separator: ", ")).",
      fix: "use a header name from the file: \(known.joined(separator: ", ")).")
  }

  /// Throws unless every column in `names` exists and holds numbers.
  ///
  /// For a column inferred as categorical, the error points at its first
  /// cell that is not a number: the source line, the column's position in
  /// this table (the CSV field number for a table as read) and header name,
  /// and the offending text.
  public func requireNumeric(_ names: [String]) throws(DataError) {
    try requireColumns(names)
    for name in names {
      guard let index = columnIndex(named: name), let labels = columns[index].labels else { continue }
      for (row, label) in labels.enumerated() {
        guard let label else { continue }
        let bytes = Array(label.utf8)
        let trimmed = CSVField.unquoted(bytes, 0, bytes.count)
        if CSVNumber.parse(bytes, trimmed.start, trimmed.end) != nil { continue }
        throw DataError(
          Location(file: sourceName, line: line(ofRow: row), column: index + 1, columnName: name),
          "'\(label)' is not a number, but column '\(name)' is used as a numeric feature.",
          fix: "clean the value or declare the column under data.categorical.")
      }
      throw DataError(
        Location(file: sourceName, column: index + 1, columnName: name),
        "column '\(name)' holds text labels, but it is used as a numeric feature.",
        fix: "convert the column to numbers or declare it under data.categorical.")
    }
  }
}
