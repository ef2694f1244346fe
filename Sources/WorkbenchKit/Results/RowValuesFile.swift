import WorkbenchNumerics

/// A CSV of numbers per dataset row: `id,<column>,<column>,…`, one line per dataset row in data order.
///
/// Soft memberships (`p0,p1,…`, one column per segment in canonical order)
/// and an algorithm's per-row scores (`probability,outlier_score`) are saved
/// this way. Rows a pipeline step excluded have empty cells. Numbers are
/// written in their shortest round-trip form, so the file is byte-stable.
public enum RowValuesFile {
  /// The file's text; `values` row `i` belongs to dataset row `datasetRows[i]`.
  public static func text(columns: [String], values: Matrix, datasetRows: [Int], ids: [String], idColumn: String) -> String {
    precondition(values.columns == columns.count && values.rows == datasetRows.count, "one value per column and pipeline row")
    var byRow = [Int?](repeating: nil, count: ids.count)
    for (i, row) in datasetRows.enumerated() { byRow[row] = i }
    let lines = ids.indices.map { row -> [String] in
      guard let i = byRow[row] else { return [ids[row]] + Array(repeating: "", count: columns.count) }
      return [ids[row]] + values.row(i).map(JSONNumber.format)
    }
    return CSVWriter().text(rows: [[idColumn] + columns] + lines)
  }

  /// The membership columns of a clustering with `count` segments: `p0…p(count − 1)`.
  public static func membershipColumns(_ count: Int) -> [String] { (0..<count).map { "p\($0)" } }
}
