import Foundation
import WorkbenchNumerics

/// A table as protocol v1 hands it over: numeric columns as one float64 matrix, categorical columns as codes and levels.
///
/// Written to a plugin's folder as described by a JSON header:
/// ```json
/// {"format": "binary", "rows": 150,
///  "columns": [{"name": "income", "type": "numeric"},
///              {"name": "region", "type": "categorical", "levels": ["north", "south"], "codes": "region-1.i32"}],
///  "numeric": "numeric.f64"}
/// ```
/// `numeric` holds `rows × (numeric columns)` little-endian float64 values,
/// row-major, numeric columns in the order listed, NaN for a missing number;
/// each categorical column's `codes` file holds one little-endian int32 per
/// row indexing its sorted `levels`, -1 for a missing label. With
/// `"format": "csv"`, one file named by `csv` holds every column under a
/// header row (numbers in shortest round-trip form, labels as text, an empty
/// cell for a missing value). Plugins write tables back (a preprocessor's
/// output) in either form, with the same header.
struct PluginTable: Sendable {
  /// One column's name and type.
  struct Column: Sendable {
    var name: String
    /// `nil` for a numeric column; the levels and one code per row (-1 = missing) for a categorical one.
    var categorical: (levels: [String], codes: [Int])?
  }

  /// Every column, in table order.
  var columns: [Column]
  /// `rows × (numeric columns)`, in the order the numeric columns appear.
  var numeric: Matrix

  var rows: Int { numeric.rows }

  /// The features an algorithm clusters: numeric columns first, then categorical ones.
  init(_ input: ClusteringInput) {
    columns = input.numericNames.map { Column(name: $0) } + input.categorical.map { Column(name: $0.name, categorical: ($0.levels, $0.codes)) }
    numeric = input.numeric
  }

  /// A data table, columns in their order; categorical labels coded against their sorted distinct values.
  init(_ table: DataTable) {
    var numericColumns: [[Double]] = []
    columns = table.columns.map { column in
      if let numbers = column.numbers {
        numericColumns.append(numbers)
        return Column(name: column.name)
      }
      let labels = column.labels ?? []
      let levels = Set(labels.compactMap { $0 }).sorted()
      let code = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($0.element, $0.offset) })
      return Column(name: column.name, categorical: (levels, labels.map { $0.flatMap { code[$0] } ?? -1 }))
    }
    numeric = Matrix.fromColumns(numericColumns, rows: table.rowCount).matrix
  }

  init(columns: [Column], numeric: Matrix) {
    self.columns = columns
    self.numeric = numeric
  }

  /// The table as a ``DataTable`` (missing numbers NaN, missing labels nil).
  var dataTable: DataTable {
    var next = 0
    return DataTable(
      columns: columns.map { column in
        if let (levels, codes) = column.categorical { return .categorical(column.name, codes.map { $0 >= 0 ? levels[$0] : nil }) }
        defer { next += 1 }
        return .numeric(column.name, numeric.column(next))
      })
  }

  /// Writes the table into `folder` as files named from `prefix`; returns the JSON header that describes them.
  func write(to folder: PluginFolder, prefix: String, format: ExternalManifest.InputFormat) throws(FitError) -> JSONValue {
    var described: [JSONValue] = []
    var header: [String: JSONValue] = ["format": .string(format.rawValue), "rows": .int(rows)]
    for (i, column) in columns.enumerated() {
      var entry: [String: JSONValue] = ["name": .string(column.name), "type": column.categorical == nil ? "numeric" : "categorical"]
      if let (levels, codes) = column.categorical {
        entry["levels"] = .array(levels.map(JSONValue.string))
        if format == .binary {
          let name = "\(prefix)-categorical-\(i).i32"
          try folder.write(BinaryValues.int32(codes), to: name)
          entry["codes"] = .string(name)
        }
      }
      described.append(.object(entry))
    }
    header["columns"] = .array(described)
    switch format {
    case .binary:
      try folder.write(BinaryValues.float64(numeric.storage), to: "\(prefix).f64")
      header["numeric"] = .string("\(prefix).f64")
    case .csv:
      let table = dataTable
      let cells = [table.columnNames] + (0..<rows).map { r in table.columns.map { $0.text(at: r) } }
      try folder.write(Data(CSVWriter().text(rows: cells).utf8), to: "\(prefix).csv")
      header["csv"] = .string("\(prefix).csv")
    }
    return .object(header)
  }

  /// Reads a table a plugin wrote, described by `header` in its response; it must have `rows` rows.
  ///
  /// Checked: the header's shape, unique non-empty column names, file sizes,
  /// codes within their levels (or -1), and no infinite numbers (NaN marks a missing value).
  static func read(_ header: JSONValue, rows: Int, from folder: PluginFolder, plugin: String) throws(FitError) -> PluginTable {
    func fail(_ what: String) -> FitError { .degenerate("plugin '\(plugin)' returned a table that \(what)") }
    guard let o = header.object, let entries = o["columns"]?.array, o["rows"]?.integer == rows else {
      throw fail("is not {\"rows\": \(rows), \"columns\": […], …} (a step must keep every row)")
    }
    var columns: [Column] = []
    for entry in entries {
      guard let e = entry.object, let name = e["name"]?.string, !name.isEmpty, !columns.contains(where: { $0.name == name }) else {
        throw fail("has a column without a name, or two columns with the same name")
      }
      switch e["type"]?.string {
      case "numeric"?: columns.append(Column(name: name))
      case "categorical"?:
        guard let levelItems = e["levels"]?.array, let levels = Optional(levelItems.compactMap(\.string)), levels.count == levelItems.count else {
          throw fail("gives column '\(name)' no list of levels")
        }
        columns.append(Column(name: name, categorical: (levels, [])))
      default: throw fail("gives column '\(name)' a type other than \"numeric\" or \"categorical\"")
      }
    }
    let numericCount = columns.filter { $0.categorical == nil }.count
    if let csv = o["csv"]?.string {
      return try fromCSV(try folder.output(csv, plugin: plugin, field: "table"), declared: columns, rows: rows, plugin: plugin)
    }
    guard let file = o["numeric"]?.string else { throw fail("names neither a \"numeric\" file nor a \"csv\" file") }
    guard let values = BinaryValues.float64(try folder.output(file, plugin: plugin, field: "table"), count: rows * numericCount) else {
      throw fail("has a numeric file whose size is not \(rows) × \(numericCount) float64 values")
    }
    if let bad = values.firstIndex(where: { $0.isInfinite }) { throw fail("holds an infinite number (row \(bad / max(numericCount, 1) + 1))") }
    for (i, column) in columns.enumerated() {
      guard let levels = column.categorical?.levels else { continue }
      guard let file = entries[i].object?["codes"]?.string,
        let codes = BinaryValues.int32(try folder.output(file, plugin: plugin, field: "codes of '\(column.name)'"), count: rows)
      else { throw fail("has no int32 codes file of \(rows) rows for '\(column.name)'") }
      if codes.contains(where: { $0 < -1 || $0 >= levels.count }) { throw fail("codes '\(column.name)' outside its \(levels.count) levels") }
      columns[i].categorical = (levels, codes)
    }
    return PluginTable(columns: columns, numeric: Matrix(rows: rows, columns: numericCount, storage: values))
  }

  /// A CSV table a plugin wrote, checked against the columns its header declares.
  private static func fromCSV(_ data: Data, declared: [Column], rows: Int, plugin: String) throws(FitError) -> PluginTable {
    let text = Set(declared.filter { $0.categorical != nil }.map(\.name))
    let table: DataTable
    do {
      table = try CSVReader(delimiter: .comma, textColumns: text).read(bytes: [UInt8](data), sourceName: "\(plugin) output")
    } catch {
      throw .degenerate("plugin '\(plugin)' wrote a CSV table that cannot be read: \(error)")
    }
    guard table.rowCount == rows, table.columnNames == declared.map(\.name), table.columns.allSatisfy({ $0.isNumeric == !text.contains($0.name) }) else {
      throw .degenerate("plugin '\(plugin)' wrote a CSV table whose rows or columns differ from its header (\(rows) rows; \(declared.map(\.name).joined(separator: ", ")))")
    }
    if table.columns.contains(where: { $0.numbers?.contains(where: \.isInfinite) == true }) {
      throw .degenerate("plugin '\(plugin)' wrote a CSV table holding an infinite number")
    }
    return PluginTable(table)
  }
}
