/// Parses quote-free CSV records of numbers straight into their final storage.
///
/// Why: on large numeric files the general path (a field array per record,
/// a builder append per cell) costs more than the numbers themselves. Here
/// each cell is parsed in the same pass that finds its end and stored
/// through a ``CSVNumericDestination``, so one loop serves a table's
/// columns, a chunk's block and a row-major matrix
/// (``CSVReader/clusteringInput(path:relativeTo:)``) without a copy.
///
/// Cells mean exactly what the general reader makes of them: a cell that
/// is a number directly followed by the delimiter or a line break takes
/// the fast way; any other cell is trimmed of spaces and tabs and is then a
/// number (``CSVNumber``) or, when `allowsMissing`, a missing token (NaN).
/// Line breaks (LF, CRLF, lone CR) and empty lines are counted as
/// ``CSVScanner`` counts them. Anything else (text, a row with another
/// field count, more rows than `capacity`) stops the parse with `nil`, so
/// the caller can hand the bytes to the general reader, which handles or
/// reports it. The bytes must hold no `"`.
/// - Complexity: O(bytes), one pass, no allocation.
struct CSVNumericRows {
  /// The separator byte.
  let delimiter: UInt8
  /// Fields per record.
  let columns: Int
  /// Whether empty and `NA`-like cells are read as NaN (a table) or stop the parse (a complete matrix).
  let allowsMissing: Bool
  /// For each column, whether its cells are text handed to a ``CSVTextCells`` instead of numbers; empty when none are.
  ///
  /// Numbers are then stored under their position among the numeric columns.
  var isText: [Bool] = []

  /// What a parse found: records written and line breaks passed.
  struct Outcome {
    var rows: Int
    var lineBreaks: Int
  }

  /// Parses the records of `bytes[range]` (which starts at a record or line break) into `destination`.
  ///
  /// `lines[row]`, when given, receives `firstLine` plus the line breaks
  /// before the record; the cells of ``isText`` columns go to `text`
  /// (the parse stops when there is none, or a cell is not UTF-8).
  func parse<Destination: CSVNumericDestination>(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into destination: Destination, capacity: Int,
    lines: UnsafeMutablePointer<Int>? = nil, firstLine: Int = 0, text: CSVTextCells? = nil
  ) -> Outcome? {
    let hasText = !isText.isEmpty
    let end = range.upperBound
    var p = range.lowerBound
    var row = 0
    var line = 0
    while p < end {
      let b = bytes[p]
      if b == CSVByte.newline {
        line += 1
        p += 1
        continue
      }
      if b == CSVByte.carriageReturn {
        line += 1
        p += p + 1 < end && bytes[p + 1] == CSVByte.newline ? 2 : 1
        continue
      }
      guard row < capacity else { return nil }
      lines?[row] = firstLine + line
      var numeric = 0
      var slot = 0
      for column in 0..<columns {
        if hasText && isText[column] {
          var stop = p
          while !isFieldEnd(bytes, stop, end) { stop += 1 }
          guard let text, text.append(bytes, p, stop, slot: slot) else { return nil }
          p = stop
          slot += 1
        } else if let number = CSVNumber.scan(bytes, p, end), isFieldEnd(bytes, number.end, end) {
          destination.store(number.value, row: row, column: numeric)
          p = number.end
          numeric += 1
        } else {
          guard let value = generalCell(bytes, &p, end) else { return nil }
          destination.store(value, row: row, column: numeric)
          numeric += 1
        }
        if column + 1 < columns {
          guard p < end, bytes[p] == delimiter else { return nil }
          p += 1
        } else if p < end, bytes[p] == delimiter {
          return nil
        }
      }
      row += 1
    }
    return Outcome(rows: row, lineBreaks: line)
  }

  /// Whether `p` is the end of a field: the delimiter, a line break or the end.
  @inline(__always)
  private func isFieldEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int) -> Bool {
    guard p < end else { return true }
    let b = bytes[p]
    return b == delimiter || b == CSVByte.newline || b == CSVByte.carriageReturn
  }

  /// The cell at `p` read the general way (trimmed; a number, or NaN when missing is allowed), moving `p` to its end.
  @inline(never)
  private func generalCell(_ bytes: UnsafeBufferPointer<UInt8>, _ p: inout Int, _ end: Int) -> Double? {
    var stop = p
    while !isFieldEnd(bytes, stop, end) { stop += 1 }
    var s = p
    var e = stop
    while s < e, CSVByte.isBlank(bytes[s]) { s += 1 }
    while e > s, CSVByte.isBlank(bytes[e - 1]) { e -= 1 }
    p = stop
    if CSVField.isMissingToken(bytes, s, e) { return allowsMissing ? .nan : nil }
    return CSVNumber.parse(bytes, s, e)
  }
}

/// Where ``CSVNumericRows`` stores the cell of a record (`row` counted from the first record it parses).
protocol CSVNumericDestination {
  func store(_ value: Double, row: Int, column: Int)
}

/// Cells at `base[row * rowStride + column * columnStride]`: a row-major matrix or a column-major block.
struct CSVStridedDestination: CSVNumericDestination, @unchecked Sendable {
  let base: UnsafeMutablePointer<Double>
  let rowStride: Int
  let columnStride: Int

  @inline(__always)
  func store(_ value: Double, row: Int, column: Int) {
    base[row * rowStride + column * columnStride] = value
  }
}

/// Cells at `columns[column][firstRow + row]`: separately allocated columns, the chunk's rows starting at `firstRow`.
struct CSVColumnsDestination: CSVNumericDestination {
  let columns: UnsafeBufferPointer<UnsafeMutablePointer<Double>>
  let firstRow: Int

  @inline(__always)
  func store(_ value: Double, row: Int, column: Int) {
    columns[column][firstRow + row] = value
  }
}
