import Foundation
import WorkbenchNumerics

/// The labels CSV of one clustering: every dataset row's id and its cluster (-1 = noise).
///
/// When a pipeline step excluded rows, a third column `excluded_by` names the
/// step for those rows and their label is empty; otherwise the file is `id,label`.
public enum LabelsFile {
  /// The file's text: a header, then one line per dataset row in data order.
  public static func text(_ rows: RowLabels, ids: [String], idColumn: String) -> String {
    precondition(rows.labels.count == ids.count, "one label per id")
    let hasExclusions = !rows.excludedBy.isEmpty
    var header = CSVLines()
    header.appendRow(hasExclusions ? [idColumn, "label", "excluded_by"] : [idColumn, "label"])
    // Lines are written in parallel chunks and joined in order.
    let chunks = Parallel.map(count: Parallel.chunkCount(ids.count, size: linesPerChunk)) { chunk in
      var lines = CSVLines()
      for i in Parallel.chunkRange(chunk, size: linesPerChunk, total: ids.count) {
        lines.append(ids[i])
        if let label = rows.labels[i] { lines.append(label) } else { lines.appendEmpty() }
        if hasExclusions { lines.append(rows.excludedBy[i] ?? "") }
        lines.endLine()
      }
      return lines.bytes
    }
    var bytes = header.bytes
    bytes.reserveCapacity(bytes.count + chunks.reduce(0) { $0 + $1.count })
    for chunk in chunks { bytes += chunk }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Rows per parallel chunk of ``text(_:ids:idColumn:)``.
  private static let linesPerChunk = 65_536

  /// Reads back a labels file this program wrote (`path` names it in errors); ids are known from the dataset.
  ///
  /// A single forward pass over the bytes: the id field (the only one that
  /// may be quoted) is skipped, the label parsed as an integer, the step that
  /// excluded a row kept. Anything else is an error naming the line.
  /// - Complexity: O(bytes).
  public static func parse(_ data: Data, path: String) throws(ResultStoreError) -> RowLabels {
    let bytes = [UInt8](data)
    var i = 0
    func fail(_ line: Int, _ what: String) -> ResultStoreError {
      ResultStoreError(path: path, reason: "line \(line) is not a labels line (\(what))", fix: "do not edit files in a run folder; re-run the trial (delete its folder under trials/ and run again)")
    }
    let header = bytes.firstIndex(of: CSVByte.newline) ?? bytes.count
    let hasExclusions = String(decoding: bytes[..<header], as: UTF8.self).hasSuffix(",label,excluded_by")
    i = min(header + 1, bytes.count)
    var labels: [Int?] = []
    labels.reserveCapacity(bytes.lazy.filter { $0 == CSVByte.newline }.count)
    var excluded: [Int: String] = [:]
    var line = 1
    while i < bytes.count {
      line += 1
      if bytes[i] == CSVByte.quote {
        i += 1
        while i < bytes.count {
          if bytes[i] == CSVByte.quote {
            if i + 1 < bytes.count, bytes[i + 1] == CSVByte.quote { i += 2; continue }
            break
          }
          i += 1
        }
        i += 1
      } else {
        while i < bytes.count, bytes[i] != CSVByte.comma, bytes[i] != CSVByte.newline { i += 1 }
      }
      guard i < bytes.count, bytes[i] == CSVByte.comma else { throw fail(line, "no label field") }
      i += 1
      var label: Int?
      var negative = false
      if i < bytes.count, bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
      while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
        let (product, overflow) = (label ?? 0).multipliedReportingOverflow(by: 10)
        guard !overflow else { throw fail(line, "the label is too large") }
        label = product + Int(bytes[i] - UInt8(ascii: "0"))
        i += 1
      }
      if negative { guard let value = label else { throw fail(line, "'-' without a number") }; label = -value }
      if hasExclusions {
        guard i < bytes.count, bytes[i] == CSVByte.comma else { throw fail(line, "no excluded_by field") }
        i += 1
        let start = i
        while i < bytes.count, bytes[i] != CSVByte.newline { i += 1 }
        if i > start { excluded[labels.count] = String(decoding: bytes[start..<i], as: UTF8.self) }
      }
      guard i < bytes.count, bytes[i] == CSVByte.newline else { throw fail(line, "unexpected text after the label") }
      i += 1
      let isExcluded = hasExclusions && excluded[labels.count] != nil
      guard (label != nil) != isExcluded else { throw fail(line, "a row needs either a label or the step that excluded it") }
      labels.append(label)
    }
    return RowLabels(labels: labels, excludedBy: excluded)
  }
}
