extension DataTable {
  /// Throws unless every name in `names` is a column, suggesting the nearest headers for each unknown one.
  ///
  /// All unknown names are reported in one error, in the order given.
  public func requireColumns(_ names: [String]) throws(DataError) {
    let known = columnNames
    let unknown = names.filter { !known.contains($0) }
    guard !unknown.isEmpty else { return }
    let parts = unknown.map { name -> String in
      let hint = NameSuggestions.hint(for: name, in: known)
      return "'\(name)'" + (hint.isEmpty ? "" : " (\(hint.dropFirst().lowercasedFirst))")
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
        let location = Location(file: sourceName, line: line(ofRow: row), column: index + 1, columnName: name)
        if CSVNumber.hasDecimalComma(label) { throw Self.decimalComma(label, column: name, at: location) }
        throw DataError(
          location, "'\(MessageText.excerpt(label))' is not a number, but column '\(name)' is used as a numeric feature.",
          fix: "clean the value or declare the column under data.categorical.")
      }
      throw DataError(
        Location(file: sourceName, column: index + 1, columnName: name),
        "column '\(name)' holds text labels, but it is used as a numeric feature.",
        fix: "convert the column to numbers or declare it under data.categorical.")
    }
  }
}

extension DataTable {
  /// The error for a number written with a decimal comma, in a column that should hold numbers.
  static func decimalComma(_ text: String, column: String, at location: Location) -> DataError {
    DataError(
      location, "'\(text)' is written with a decimal comma; numbers need a decimal point ('\(text.replacingOccurrences(of: ",", with: "."))'), so column '\(column)' reads as text.",
      fix: "export the file with '.' as the decimal separator (keeping ';' or tabs between fields is fine).")
  }

  /// The first cell written with a decimal comma in a categorical column all of whose cells are numbers or
  /// decimal-comma numbers, or `nil`; such a column is numbers from a locale that writes `12,5`.
  public func decimalCommaCell(inColumn name: String) -> (row: Int, text: String)? {
    guard let labels = column(named: name)?.labels else { return nil }
    var first: (Int, String)?
    for (row, label) in labels.enumerated() {
      guard let label else { continue }
      if CSVNumber.hasDecimalComma(label) {
        if first == nil { first = (row, label) }
        continue
      }
      let bytes = Array(label.utf8)
      let trimmed = CSVField.unquoted(bytes, 0, bytes.count)
      guard CSVNumber.parse(bytes, trimmed.start, trimmed.end) != nil else { return nil }
    }
    return first
  }

  /// The first cell of a categorical column that is not a number, when nearly all its cells are numbers.
  ///
  /// A numeric column with one stray value ("12,5", "n.a.") is read as
  /// categorical and would silently drop out of the default features; this
  /// finds it so the user hears about the stray value instead. "Nearly all"
  /// means at least three numbers, and at most one text cell or at most 10 %
  /// of the non-missing cells (so a small file with one typo is caught too).
  public func strayText(inMostlyNumericColumn name: String) -> (row: Int, text: String, share: Double)? {
    guard let labels = column(named: name)?.labels else { return nil }
    var numbers = 0
    var present = 0
    var first: (Int, String)?
    for (row, label) in labels.enumerated() {
      guard let label else { continue }
      present += 1
      let bytes = Array(label.utf8)
      let trimmed = CSVField.unquoted(bytes, 0, bytes.count)
      if CSVNumber.parse(bytes, trimmed.start, trimmed.end) != nil { numbers += 1 } else if first == nil { first = (row, label) }
    }
    let strays = present - numbers
    guard let first, numbers >= 3, strays == 1 || 10 * strays <= present else { return nil }
    return (first.0, first.1, Double(numbers) / Double(present))
  }
}
