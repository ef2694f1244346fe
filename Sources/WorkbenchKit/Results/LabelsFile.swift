/// The labels CSV of one clustering: every dataset row's id and its cluster (-1 = noise).
///
/// When a pipeline step excluded rows, a third column `excluded_by` names the
/// step for those rows and their label is empty; otherwise the file is `id,label`.
public enum LabelsFile {
  /// The file's text: a header, then one line per dataset row in data order.
  public static func text(_ rows: RowLabels, ids: [String], idColumn: String) -> String {
    precondition(rows.labels.count == ids.count, "one label per id")
    if rows.excludedBy.isEmpty {
      return CSVWriter().text(rows: [[idColumn, "label"]] + zip(ids, rows.labels).map { [$0, $1.map(String.init) ?? ""] })
    }
    let lines = ids.indices.map { i in [ids[i], rows.labels[i].map(String.init) ?? "", rows.excludedBy[i] ?? ""] }
    return CSVWriter().text(rows: [[idColumn, "label", "excluded_by"]] + lines)
  }

  /// Reads a labels file this program wrote back into row labels (ids are known from the dataset).
  public static func read(path: String, idColumn: String) throws -> RowLabels {
    let table = try CSVReader(textColumns: [idColumn, "excluded_by"]).read(path: path)
    guard let labels = table.column(named: "label")?.numbers else {
      throw ResultStoreError(path: path, reason: "the labels file has no numeric 'label' column")
    }
    var excluded: [Int: String] = [:]
    if let steps = table.column(named: "excluded_by")?.labels {
      for (row, step) in steps.enumerated() { if let step { excluded[row] = step } }
    }
    return RowLabels(labels: labels.map { $0.isNaN ? nil : Int($0) }, excludedBy: excluded)
  }

  /// Writes the file atomically.
  public static func write(_ rows: RowLabels, ids: [String], idColumn: String, to path: String) throws(ResultStoreError) {
    try AtomicFile.write(text(rows, ids: ids, idColumn: idColumn), to: path)
  }
}
