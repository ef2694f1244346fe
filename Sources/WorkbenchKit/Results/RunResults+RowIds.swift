import Foundation

extension RunResults {
  /// A trial's canonical labels together with the id of every row, for matching customers across runs.
  ///
  /// The labels file (checked against its recorded SHA-256) holds the ids in
  /// its first column, in data order; they are read as text, so `007` stays
  /// `007`. Two runs on different data files are compared through these ids.
  /// - Complexity: O(rows); the file is parsed three times (labels, header, ids).
  public func identifiedLabels(_ record: TrialRecord) throws -> IdentifiedLabels {
    let relative = TrialStore.labelsFile(record.configHash)
    let data = try verified(relative, of: record)
    let rows = try LabelsFile.parse(data, path: folder.file(relative))
    // The id column's name is the header's first field; read once to learn it, then again keeping the ids as text.
    let bytes = [UInt8](data)
    let idColumn = try CSVReader(delimiter: .comma).read(bytes: bytes, sourceName: folder.file(relative)).columns.first?.name ?? ""
    let table = try CSVReader(delimiter: .comma, textColumns: [idColumn]).read(bytes: bytes, sourceName: folder.file(relative))
    guard let ids = table.column(named: idColumn), ids.count == rows.labels.count else {
      throw ResultStoreError(
        path: folder.file(relative), reason: "its first column does not hold one id per row",
        fix: "do not edit files in a run folder; run the experiment again to redo this trial")
    }
    return IdentifiedLabels(ids: (0..<ids.count).map { ids.text(at: $0) }, labels: rows.labels)
  }
}

/// Every dataset row's id and segment (`nil` for a row a pipeline step excluded, −1 for noise).
public struct IdentifiedLabels: Sendable, Equatable {
  /// Row ids in data order.
  public var ids: [String]
  /// The segment of each row.
  public var labels: [Int?]

  public init(ids: [String], labels: [Int?]) {
    precondition(ids.count == labels.count, "one label per id")
    self.ids = ids
    self.labels = labels
  }
}
