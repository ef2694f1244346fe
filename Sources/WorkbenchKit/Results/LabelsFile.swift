/// The `id,label` CSV of one clustering: every row's id and its cluster (-1 = noise).
public enum LabelsFile {
  /// The file's text: a header, then one line per row in data order.
  public static func text(_ labels: [Int], ids: [String], idColumn: String) -> String {
    precondition(labels.count == ids.count, "one label per id")
    return CSVWriter().text(rows: [[idColumn, "label"]] + zip(ids, labels).map { [$0, String($1)] })
  }

  /// Writes the file atomically.
  public static func write(_ labels: [Int], ids: [String], idColumn: String, to path: String) throws(ResultStoreError) {
    try AtomicFile.write(text(labels, ids: ids, idColumn: idColumn), to: path)
  }
}
