import WorkbenchNumerics

extension CSVReader {
  /// Most columns read straight into the table's columns; wider numeric files take the in-memory chunked path.
  static let directColumnLimit = 512

  /// The table of a numbers-only file, read a chunk at a time straight into its columns, or `nil` when it must be read whole.
  ///
  /// Why: such a file never needs all its bytes at once, nor a second copy
  /// of its numbers. Each chunk is read by the worker that handles it and
  /// dropped after (see ``CSVFileChunks``), twice: once to count its records
  /// and line breaks, then, with every column and the line numbers
  /// allocated at their final size, to parse its records straight into
  /// their rows (``CSVNumericRows``). The first record is tried before
  /// anything else, so a file with a text column costs one line before it
  /// is read the general way; text, a quote or a bad row in any chunk also
  /// gives `nil`, as do files wider than ``directColumnLimit`` columns
  /// (the columns are allocated by recursion, one level each). The result
  /// equals the sequential reader's.
  /// - Complexity: O(bytes), spread over the available cores; memory: the table plus one chunk per core.
  func readFileInChunks(_ file: CSVFileChunks, sourceName: String) -> DataTable? {
    let names = file.names
    guard textColumns.isDisjoint(with: names), names.count <= Self.directColumnLimit, firstRecordIsNumeric(file),
      let census = file.census()
    else { return nil }
    var rowStarts = [0]
    var lineStarts = [file.firstDataLine]
    for chunk in census {
      rowStarts.append(rowStarts[rowStarts.count - 1] + chunk.records)
      lineStarts.append(lineStarts[lineStarts.count - 1] + chunk.lineBreaks)
    }
    let rows = rowStarts[file.count]
    guard rows > 0 else { return nil }
    let parser = CSVNumericRows(delimiter: file.delimiter.rawValue, columns: names.count, allowsMissing: true)
    let firstRows = rowStarts
    let firstLines = lineStarts
    var columns: [[Double]]?
    let lines = [Int](unsafeUninitializedCapacity: rows) { lineBuffer, initialized in
      columns = Self.uninitializedColumns(names.count, rows: rows) { pointers in
        let targets = ColumnPointers(pointers: pointers, lines: lineBuffer.baseAddress!)
        let complete = Parallel.map(count: file.count) { k -> Bool in
          guard let bytes = file.bytes(ofChunk: k) else { return false }
          let outcome = bytes.withUnsafeBufferPointer { chunk in
            targets.pointers.withUnsafeBufferPointer { columns in
              parser.parse(
                chunk, 0..<chunk.count, into: CSVColumnsDestination(columns: columns, firstRow: firstRows[k]),
                capacity: census[k].records, lines: targets.lines + firstRows[k], firstLine: firstLines[k])
            }
          }
          return outcome?.rows == census[k].records
        }
        return complete.allSatisfy { $0 }
      }
      initialized = columns == nil ? 0 : rows
    }
    guard let columns else { return nil }
    return DataTable(
      columns: zip(names, columns).map { Column.numeric($0, $1) }, sourceLines: lines, sourceName: sourceName)
  }

  /// Whether the file's first record parses as numbers and missing cells.
  func firstRecordIsNumeric(_ file: CSVFileChunks) -> Bool {
    guard let bytes = file.bytes(ofChunk: 0), let end = bytes.firstIndex(of: CSVByte.newline) else { return false }
    let parser = CSVNumericRows(delimiter: file.delimiter.rawValue, columns: file.names.count, allowsMissing: true)
    var cells = [Double](repeating: 0, count: file.names.count)
    return cells.withUnsafeMutableBufferPointer { buffer in
      let destination = CSVStridedDestination(base: buffer.baseAddress!, rowStride: 0, columnStride: 1)
      return bytes.withUnsafeBufferPointer { parser.parse($0, 0..<(end + 1), into: destination, capacity: 1) != nil }
    }
  }

  /// `count` columns of `rows` numbers, each filled through `fill`, which gets their base pointers; `nil` when `fill` fails.
  ///
  /// Why: the chunks fill all columns at once, so every column must be
  /// allocated, uninitialised, before any is complete; each column opens
  /// one level of recursion (``directColumnLimit`` bounds the depth).
  private static func uninitializedColumns(
    _ count: Int, rows: Int, fill: ([UnsafeMutablePointer<Double>]) -> Bool
  ) -> [[Double]]? {
    func level(_ pointers: [UnsafeMutablePointer<Double>]) -> [[Double]]? {
      guard pointers.count < count else { return fill(pointers) ? [] : nil }
      var rest: [[Double]]?
      let column = [Double](unsafeUninitializedCapacity: rows) { buffer, initialized in
        rest = level(pointers + [buffer.baseAddress!])
        initialized = rest == nil ? 0 : rows
      }
      return rest.map { [column] + $0 }
    }
    return level([])
  }
}

/// The base pointers of a table's columns and line numbers, written concurrently, each chunk to its own rows.
private struct ColumnPointers: @unchecked Sendable {
  let pointers: [UnsafeMutablePointer<Double>]
  let lines: UnsafeMutablePointer<Int>
}
