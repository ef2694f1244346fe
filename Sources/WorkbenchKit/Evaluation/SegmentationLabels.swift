import Foundation

/// An existing segmentation read from a labels CSV: one cluster label per row id.
///
/// The format `workbench run` writes (``LabelsFile``) and most tools can
/// export: a header, then the id in the first column and the label in the
/// second, whatever the headers are called. Labels are integers, −1 for noise.
/// An empty label marks a row a pipeline step excluded (the runner's files
/// then name the step in a third `excluded_by` column); such rows are kept
/// out of scoring and counted.
public struct SegmentationLabels: Sendable, Equatable {
  /// Header of the id column.
  public var idColumn: String
  /// Row ids, in file order.
  public var ids: [String]
  /// The label of each id, `nil` for an excluded row.
  public var labels: [Int?]

  /// Number of rows with an empty label (excluded).
  public var excludedCount: Int { labels.reduce(0) { $0 + ($1 == nil ? 1 : 0) } }

  public init(idColumn: String, ids: [String], labels: [Int?]) {
    precondition(ids.count == labels.count, "one label per id")
    self.idColumn = idColumn
    self.ids = ids
    self.labels = labels
  }

  /// Reads the labels file at `path`.
  ///
  /// Throws ``DataError`` located at the line for: fewer than two columns, an
  /// empty or repeated id, a label that is not an integer ≥ −1.
  /// - Complexity: O(rows).
  public static func read(path: String) throws(DataError) -> SegmentationLabels {
    let header = try CSVReader().read(path: path)
    guard header.columns.count >= 2 else {
      throw DataError(
        Location(file: path), "a labels file needs an id column and a label column; found \(header.columns.count) column.",
        fix: "write a header and rows such as 'id,label' then '17,2'.")
    }
    let idName = header.columns[0].name, labelName = header.columns[1].name
    let table = try CSVReader(textColumns: [idName, labelName]).read(path: path)
    let idColumn = table.columns[0], labelColumn = table.columns[1]
    var ids: [String] = []
    var labels: [Int?] = []
    var firstLine: [String: Int] = [:]
    for row in 0..<table.rowCount {
      let line = table.line(ofRow: row) ?? row + 2
      let id = idColumn.text(at: row)
      guard !id.isEmpty else {
        throw DataError(Location(file: path, line: line, column: 1, columnName: idName), "the id is missing.", fix: "give every row its id from the data file.")
      }
      if let earlier = firstLine[id] {
        throw DataError(
          Location(file: path, line: line, column: 1, columnName: idName), "the id '\(id)' already appeared on line \(earlier).",
          fix: "give each row one label.")
      }
      firstLine[id] = line
      let text = labelColumn.text(at: row).trimmingCharacters(in: .whitespaces)
      if text.isEmpty {
        labels.append(nil)
      } else {
        guard let label = Int(text), label >= -1 else {
          throw DataError(
            Location(file: path, line: line, column: 2, columnName: labelName), "'\(text)' is not a cluster label.",
            fix: "use integer labels, -1 for noise, or leave the label empty for a row that was excluded.")
        }
        labels.append(label)
      }
      ids.append(id)
    }
    return SegmentationLabels(idColumn: idName, ids: ids, labels: labels)
  }
}
