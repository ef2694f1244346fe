/// The text cells of one chunk's text columns (ids, truth labels, categories), in row order.
///
/// Why: a large file with an id or a category column would otherwise leave
/// the fast numeric path (``CSVNumericRows``) for the general reader, which
/// costs several times more per cell. Here such columns are kept as the
/// general reader keeps a categorical column: each cell trimmed of spaces
/// and tabs, a missing token (``CSVField/isMissingToken(_:_:_:)``) as `nil`,
/// anything else its exact text. Each chunk fills its own sink; the reader
/// joins them in chunk order.
final class CSVTextCells: @unchecked Sendable {
  /// One array per text column, in the order of the file's columns.
  private(set) var columns: [[String?]]

  /// An empty sink for `count` text columns, with room for `rows` rows.
  init(count: Int, rows: Int) {
    columns = Array(repeating: [], count: count)
    for k in columns.indices { columns[k].reserveCapacity(rows) }
  }

  /// Appends the cell `bytes[start..<end]` (untrimmed) to text column `slot`; `false` when it is not valid UTF-8.
  func append(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, slot: Int) -> Bool {
    var s = start
    var e = end
    while s < e, CSVByte.isBlank(bytes[s]) { s += 1 }
    while e > s, CSVByte.isBlank(bytes[e - 1]) { e -= 1 }
    if CSVField.isMissingToken(bytes, s, e) {
      columns[slot].append(nil)
      return true
    }
    let cell = UnsafeBufferPointer(rebasing: bytes[s..<e])
    // ASCII (most ids and codes) needs no validation; `String(validating:)` is generic and costs a metadata lookup per
    // call, a tenth of a second over a million ids.
    if !cell.contains(where: { $0 >= 0x80 }) {
      columns[slot].append(String(decoding: cell, as: UTF8.self))
      return true
    }
    guard let text = String(validating: cell, as: UTF8.self) else { return false }
    columns[slot].append(text)
    return true
  }
}
