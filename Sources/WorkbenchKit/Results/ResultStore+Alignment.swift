import Foundation

extension ResultStore {
  /// Renumbers every successful trial's segments to match `reference` (see ``SegmentAlignment``)
  /// in its labels file, memberships file and saved model, and records each segment's aligned id.
  ///
  /// Segments in records stay in size order; `segment_ids` gives each one's
  /// aligned id. Idempotent: a run that resumes aligns to the same reference
  /// and rewrites nothing.
  func alignSegments(_ records: [TrialRecord], reference: TrialRecord, ids: [String], idColumn: String) throws -> [TrialRecord] {
    let referenceLabels = try LabelsFile.read(path: labelsPath(configHash: reference.configHash), idColumn: idColumn).labels
    return try records.map { record in
      guard record.status == .ok else { return record }
      let path = labelsPath(configHash: record.configHash)
      let labels = try LabelsFile.read(path: path, idColumn: idColumn)
      let mapping = SegmentAlignment.mapping(labels.labels, reference: referenceLabels)
      let rank = SegmentAlignment.sizeOrder(labels.labels)
      var aligned = record
      aligned.segmentIds = rank.keys.sorted { rank[$0]! < rank[$1]! }.map { mapping[$0]! }
      guard mapping.contains(where: { $0.key != $0.value }) else { return aligned }
      try LabelsFile.write(labels.renumbered(mapping), ids: ids, idColumn: idColumn, to: path)
      try renumberMemberships(configHash: record.configHash, mapping: mapping, idColumn: idColumn)
      try renumberModel(configHash: record.configHash, mapping: mapping)
      return aligned
    }
  }

  private func renumberMemberships(configHash: String, mapping: [Int: Int], idColumn: String) throws {
    let path = self.path("memberships/\(configHash).csv")
    guard FileManager.default.fileExists(atPath: path) else { return }
    let table = try CSVReader(textColumns: [idColumn]).read(path: path)
    var byId: [Int: [Double]] = [:]
    for column in table.columns.dropFirst() {
      guard column.name.hasPrefix("p"), let id = Int(column.name.dropFirst()), let values = column.numbers else { continue }
      byId[mapping[id] ?? id] = values
    }
    let width = (byId.keys.max() ?? -1) + 1
    let header = [idColumn] + (0..<width).map { "p\($0)" }
    let excluded = table.columns.count > 1 ? table.columns[1].numbers ?? [] : []
    let rows = (0..<table.rowCount).map { row -> [String] in
      if row < excluded.count, excluded[row].isNaN { return [table.columns[0].text(at: row)] + Array(repeating: "", count: width) }
      return [table.columns[0].text(at: row)] + (0..<width).map { id in byId[id].map { JSONNumber.format($0[row]) } ?? JSONNumber.format(0) }
    }
    try AtomicFile.write(CSVWriter().text(rows: [header] + rows), to: path)
  }

  private func renumberModel(configHash: String, mapping: [Int: Int]) throws {
    let path = modelPath(configHash: configHash)
    guard let data = FileManager.default.contents(atPath: path) else { return }
    var model = try SavedModel(json: try JSONParser.parse([UInt8](data)))
    model.labelMapping = model.labelMapping.map { mapping[$0] ?? $0 }
    try AtomicFile.write(model.json.canonicalText + "\n", to: path)
  }
}
