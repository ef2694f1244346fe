import WorkbenchNumerics

extension CSVReader {
  /// Most columns read straight into the table's columns; wider numeric files take the in-memory chunked path.
  static let directColumnLimit = 512

  /// The table of a large quote-free file, read a chunk at a time straight into its columns, or `nil` when it must be read whole.
  ///
  /// Why: such a file never needs all its bytes at once, nor a second copy
  /// of its numbers. Each chunk is read by the worker that handles it and
  /// dropped after (see ``CSVFileChunks``), twice: once to count its records
  /// and line breaks, then, with every numeric column and the line numbers
  /// allocated at their final size, to parse its records straight into
  /// their rows (``CSVNumericRows``). Text columns, the reader's
  /// ``textColumns`` (ids, truth) and any column whose cell in the first
  /// record is text, are kept per chunk (``CSVTextCells``) and joined in
  /// chunk order. The first record is tried before anything else
  /// (``firstRecordTextColumns(_:)``); a quote, a bad row, or text in a
  /// column that started with a number, in any chunk, gives `nil`, as do
  /// files wider than ``directColumnLimit`` columns (the columns are
  /// allocated by recursion, one level each). The result equals the
  /// sequential reader's.
  /// - Complexity: O(bytes), spread over the available cores; memory: the table plus one chunk per core.
  func readFileInChunks(_ file: CSVFileChunks, sourceName: String) -> DataTable? {
    let names = file.names
    guard names.count <= Self.directColumnLimit, let isText = firstRecordTextColumns(file), let census = file.census()
    else { return nil }
    var rowStarts = [0]
    var lineStarts = [file.firstDataLine]
    for chunk in census {
      rowStarts.append(rowStarts[rowStarts.count - 1] + chunk.records)
      lineStarts.append(lineStarts[lineStarts.count - 1] + chunk.lineBreaks)
    }
    let rows = rowStarts[file.count]
    guard rows > 0 else { return nil }
    let textCount = isText.count { $0 }
    var parsing = CSVNumericRows(delimiter: file.delimiter.rawValue, columns: names.count, allowsMissing: true)
    if textCount > 0 { parsing.isText = isText }
    let parser = parsing
    let firstRows = rowStarts
    let firstLines = lineStarts
    var columns: [[Double]]?
    var texts: [CSVTextCells?] = []
    let lines = [Int](unsafeUninitializedCapacity: rows) { lineBuffer, initialized in
      columns = Self.uninitializedColumns(names.count - textCount, rows: rows) { pointers in
        let targets = ColumnPointers(pointers: pointers, lines: lineBuffer.baseAddress!)
        texts = Parallel.map(count: file.count) { k -> CSVTextCells? in
          guard let bytes = file.bytes(ofChunk: k) else { return nil }
          let cells = CSVTextCells(count: textCount, rows: census[k].records)
          let outcome = bytes.withUnsafeBufferPointer { chunk in
            targets.pointers.withUnsafeBufferPointer { columns in
              parser.parse(
                chunk, 0..<chunk.count, into: CSVColumnsDestination(columns: columns, firstRow: firstRows[k]),
                capacity: census[k].records, lines: targets.lines + firstRows[k], firstLine: firstLines[k],
                text: textCount > 0 ? cells : nil)
            }
          }
          return outcome?.rows == census[k].records ? cells : nil
        }
        return texts.allSatisfy { $0 != nil }
      }
      initialized = columns == nil ? 0 : rows
    }
    guard var numbers = columns?.makeIterator() else { return nil }
    let chunkTexts = texts.compactMap { $0 }
    var slot = 0
    let table = names.indices.map { c -> Column in
      guard isText[c] else { return .numeric(names[c], numbers.next()!) }
      defer { slot += 1 }
      return .categorical(names[c], chunkTexts.flatMap { $0.columns[slot] })
    }
    return DataTable(columns: table, sourceLines: lines, sourceName: sourceName)
  }

  /// For each column, whether it is read as text: one of ``textColumns``, or its cell in the file's first record is
  /// neither a number nor missing (such a column is categorical whatever follows).
  ///
  /// `nil` when the first record cannot take the fast path: another field
  /// count than the header's, or a number beyond the largest double (the
  /// general reader reports both).
  func firstRecordTextColumns(_ file: CSVFileChunks) -> [Bool]? {
    guard let bytes = file.bytes(ofChunk: 0),
      let first = bytes.firstIndex(where: { $0 != CSVByte.newline && $0 != CSVByte.carriageReturn }),
      let end = bytes[first...].firstIndex(where: { $0 == CSVByte.newline || $0 == CSVByte.carriageReturn })
    else { return nil }
    var isText = file.names.map { textColumns.contains($0) }
    return bytes.withUnsafeBufferPointer { record -> [Bool]? in
      var cells: [Range<Int>] = []
      var start = first
      for i in first...end where i == end || record[i] == file.delimiter.rawValue {
        cells.append(start..<i)
        start = i + 1
      }
      guard cells.count == isText.count else { return nil }
      for (c, cell) in cells.enumerated() where !isText[c] {
        var s = cell.lowerBound
        var e = cell.upperBound
        while s < e, CSVByte.isBlank(record[s]) { s += 1 }
        while e > s, CSVByte.isBlank(record[e - 1]) { e -= 1 }
        if CSVField.isMissingToken(record, s, e) || CSVNumber.parse(record, s, e) != nil { continue }
        if CSVNumber.overflows(bytes, s, e) { return nil }
        isText[c] = true
      }
      return isText
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
        HugePages.advise(buffer)
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
