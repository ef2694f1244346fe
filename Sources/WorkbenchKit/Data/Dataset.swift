/// The data of one experiment, split by role: row ids, pipeline input, ground truth.
///
/// Built from the CSV table and the spec's `data` section after checking
/// that every named column exists, ids are unique and feature columns are
/// numeric, so trials never meet those problems.
public struct Dataset: Sendable {
  /// One id per row (the id column's text, or the 1-based row number).
  public var ids: [String]
  /// Feature and categorical columns, in that order: what pipelines receive.
  public var table: DataTable
  /// Ground-truth classes per row, when the spec names a truth column.
  public var truth: [String?]?
  /// SHA-256 of the data file's bytes.
  public var fingerprint: String
  /// Header name of the id column (`row` when the spec names none).
  public var idColumn: String
  /// Every column of the data as read (after aggregation for transactions), in original units: what insight
  /// profiles and what `customers.csv` starts from. Shares its column storage with ``table``.
  public var source: DataTable

  public init(ids: [String], table: DataTable, truth: [String?]?, fingerprint: String, idColumn: String, source: DataTable? = nil) {
    self.ids = ids
    self.table = table
    self.source = source ?? table
    self.truth = truth
    self.fingerprint = fingerprint
    self.idColumn = idColumn
  }
}

extension Dataset {
  /// Splits `table` by the roles in `spec`; column problems are located in the spec file and the CSV.
  public static func prepare(_ table: DataTable, spec: DataSpec, fingerprint: String, specFile: String) throws -> Dataset {
    let features = try featureTable(table, spec: spec, specFile: specFile)
    let ids = try spec.id.map { try uniqueIds(table, column: $0) } ?? (1...max(table.rowCount, 1)).prefix(table.rowCount).map(String.init)
    let truth = spec.truth.map { name in (0..<table.rowCount).map { row -> String? in
      let column = table.column(named: name)!
      let text = column.text(at: row)
      return text.isEmpty ? nil : text
    } }
    return Dataset(ids: ids, table: features, truth: truth, fingerprint: fingerprint, idColumn: spec.id ?? "row", source: table)
  }

  /// The columns of `table` that are clustered (the features, then the categorical columns), checked as ``prepare(_:spec:fingerprint:specFile:)`` checks them.
  ///
  /// Why apart: a stage that re-reads a finished run's data (the report)
  /// needs the feature table, not the ids, whose uniqueness check hashes
  /// every id.
  public static func featureTable(_ table: DataTable, spec: DataSpec, specFile: String) throws -> DataTable {
    let dataLocation = Location(file: specFile, jsonPath: "data")
    var problems: [Problem] = []
    func check(_ name: String, at location: Location) {
      guard table.column(named: name) == nil else { return }
      problems.append(
        Problem(
          location, "the column '\(name)' is not in \(spec.path).\(NameSuggestions.hint(for: name, in: table.columnNames))",
          fix: "use a header name from the file: \(table.columnNames.joined(separator: ", "))."))
    }
    if let id = spec.id { check(id, at: dataLocation.appending("id")) }
    if let truth = spec.truth { check(truth, at: dataLocation.appending("truth")) }
    for (i, name) in (spec.features ?? []).enumerated() { check(name, at: dataLocation.appending("features").appending(index: i)) }
    for (i, name) in spec.categorical.enumerated() { check(name, at: dataLocation.appending("categorical").appending(index: i)) }
    guard problems.isEmpty else { throw SpecError(problems) }

    let reserved = Set([spec.id, spec.truth].compactMap { $0} + spec.categorical)
    if spec.features == nil {
      for column in table.columns where !column.isNumeric && !reserved.contains(column.name) {
        if let cell = table.decimalCommaCell(inColumn: column.name) {
          throw DataTable.decimalComma(
            cell.text, column: column.name,
            at: Location(file: table.sourceName, line: table.line(ofRow: cell.row), column: table.columnIndex(named: column.name)! + 1, columnName: column.name))
        }
        guard let stray = table.strayText(inMostlyNumericColumn: column.name) else { continue }
        throw DataError(
          Location(file: table.sourceName, line: table.line(ofRow: stray.row), column: table.columnIndex(named: column.name)! + 1, columnName: column.name),
          "'\(stray.text)' is not a number, though \(Int((stray.share * 100).rounded(.down))) % of column '\(column.name)' is; the column would be left out of the features.",
          fix: "clean the value, declare '\(column.name)' under data.categorical, or list the features under data.features.")
      }
    }
    let features = spec.features ?? table.columns.filter { $0.isNumeric && !reserved.contains($0.name) }.map(\.name)
    guard !features.isEmpty || !spec.categorical.isEmpty else {
      throw SpecError(dataLocation.appending("features"), "\(spec.path) has no numeric column to cluster on besides the id and truth columns.", fix: "list the feature columns under data.features.")
    }
    try table.requireNumeric(features)
    return table.selecting(columns: features + spec.categorical)
  }

  /// The id column's texts, checked present and unique; the first problem in file order is reported.
  /// - Complexity: O(n) expected (``UniqueTexts``).
  private static func uniqueIds(_ table: DataTable, column name: String) throws(DataError) -> [String] {
    let column = table.column(named: name)!
    let ids = (0..<table.rowCount).map { column.text(at: $0) }
    let missing = ids.firstIndex { $0.isEmpty }
    let repeated = UniqueTexts.firstRepeat(ids, skip: \.isEmpty)
    let line = { (row: Int) in table.line(ofRow: row) ?? row + 2 }
    if let missing, missing < repeated?.position ?? Int.max {
      throw DataError(Location(file: table.sourceName, line: line(missing), columnName: name), "the id is missing.", fix: "give every row an id, or leave data.id out to number rows.")
    }
    if let repeated {
      throw DataError(
        Location(file: table.sourceName, line: line(repeated.position), columnName: name), "the id '\(ids[repeated.position])' already appeared on line \(line(repeated.earlier)).",
        fix: "make ids unique, or leave data.id out to number rows.")
    }
    return ids
  }
}
