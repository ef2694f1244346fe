import WorkbenchNumerics

/// The soft memberships of one clustering: for every dataset row its id and one probability per cluster.
///
/// Columns `id,p0,p1,…`, one per segment id (after alignment a trial may lack
/// some ids: their column holds 0); rows a pipeline step excluded have empty probabilities.
/// Numbers are written in their shortest round-trip form, so the file is byte-stable.
public enum MembershipsFile {
  /// The file's text; `values` row `i` belongs to dataset row `datasetRows[i]`.
  public static func text(_ values: Matrix, datasetRows: [Int], ids: [String], idColumn: String) -> String {
    var byRow = [Int?](repeating: nil, count: ids.count)
    for (i, row) in datasetRows.enumerated() { byRow[row] = i }
    let header = [idColumn] + (0..<values.columns).map { "p\($0)" }
    let lines = ids.indices.map { row -> [String] in
      guard let i = byRow[row] else { return [ids[row]] + Array(repeating: "", count: values.columns) }
      return [ids[row]] + values.row(i).map(JSONNumber.format)
    }
    return CSVWriter().text(rows: [header] + lines)
  }
}
