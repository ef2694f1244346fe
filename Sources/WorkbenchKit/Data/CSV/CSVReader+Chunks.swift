import Foundation
import WorkbenchNumerics

extension CSVReader {
  /// The rows of one chunk, with lines counted from 0 at the chunk's first byte.
  ///
  /// A chunk of numbers only is held in `block`, column by column, and has
  /// no builders or offsets; otherwise `builders` hold its cells.
  struct Chunk: Sendable {
    var block: CSVNumericBlock?
    var builders: [CSVColumnBuilder]
    var lines: [Int]
    var offsets: [Int]
    /// Line breaks the chunk spans, to place the next chunk.
    var lineCount: Int
  }

  /// The data rows of `bytes[start...]` parsed in chunks concurrently, or `nil` when they must be read sequentially.
  ///
  /// Why: on large files the per-cell parsing dominates, and it splits
  /// cleanly at line feeds when no field can contain one. Only files
  /// without a single `"` byte are split (so no quoted field spans a cut),
  /// and only when they hold at least two chunks. Chunks are cut just after
  /// a line feed at or beyond every ``chunkBytes`` (a constant, not the core
  /// count), parsed into a numeric block (``CSVNumericRows``) or, when a
  /// cell holds text, their own column builders, and joined in order: line
  /// numbers are offset by the line breaks of earlier chunks, and a column
  /// that holds text in any chunk is categorical in all of them (numeric
  /// blocks are then parsed again into builders), its numeric cells
  /// recovered by the usual backfill. The result equals the
  /// sequential reader's. Any problem (a row with the wrong field count,
  /// invalid UTF-8, no rows) returns `nil`, so the sequential reader
  /// reports it with its exact location.
  /// - Complexity: O(bytes), spread over the available cores.
  func readInChunks(
    _ bytes: [UInt8], from start: Int, line: Int, names: [String], delimiter: CSVDelimiter, sourceName: String
  ) -> DataTable? {
    let n = bytes.count
    guard n - start >= 2 * chunkBytes else { return nil }
    let hasQuote = bytes.withUnsafeBytes { raw in
      raw.baseAddress.map { memchr($0, Int32(CSVByte.quote), raw.count) != nil } ?? false
    }
    guard !hasQuote else { return nil }
    var bounds = [start]
    var cut = start + chunkBytes
    while cut < n {
      while cut < n, bytes[cut - 1] != CSVByte.newline { cut += 1 }
      guard cut < n else { break }
      bounds.append(cut)
      cut += chunkBytes
    }
    bounds.append(n)
    guard bounds.count > 2 else { return nil }
    let cuts = bounds
    let textColumns = textColumns
    let numeric = textColumns.isDisjoint(with: names)
    var chunks: [Chunk?] = Parallel.map(count: bounds.count - 1) { k in
      Self.parseChunk(bytes, cuts[k]..<cuts[k + 1], names: names, delimiter: delimiter, textColumns: textColumns, numeric: numeric)
    }
    if chunks.contains(where: { $0?.builders.contains { !$0.isNumeric } ?? false }) {
      let first = chunks
      chunks = Parallel.map(count: first.count) { k in
        guard first[k]?.block != nil else { return first[k] }
        return Self.parseChunk(bytes, cuts[k]..<cuts[k + 1], names: names, delimiter: delimiter, textColumns: textColumns, numeric: false)
      }
    }
    var parts: [Chunk] = []
    var lineBase = line
    for case var chunk? in chunks {
      chunk.lines = chunk.lines.map { $0 + lineBase }
      lineBase += chunk.lineCount
      parts.append(chunk)
    }
    guard parts.count == chunks.count, parts.contains(where: { !$0.lines.isEmpty }) else { return nil }
    return join(parts, bytes: bytes, names: names, delimiter: delimiter, sourceName: sourceName)
  }

  /// The rows of `bytes[range]`, or `nil` at the first problem: in a numeric block when `numeric` and every cell is a number or missing, else in fresh builders.
  private static func parseChunk(
    _ bytes: [UInt8], _ range: Range<Int>, names: [String], delimiter: CSVDelimiter, textColumns: Set<String>, numeric: Bool
  ) -> Chunk? {
    if numeric, let chunk = numericChunk(bytes[range], columns: names.count, delimiter: delimiter) { return chunk }
    let lineFeeds = bytes[range].withUnsafeBufferPointer { chunk in
      var count = 0
      for b in chunk { count &+= b == CSVByte.newline ? 1 : 0 }
      return count
    }
    var scanner = CSVScanner(bytes, delimiter: delimiter, position: range.lowerBound, line: 0, end: range.upperBound)
    var builders = names.map { CSVColumnBuilder(text: textColumns.contains($0)) }
    for c in builders.indices { builders[c].reserve(lineFeeds) }
    var fields: [CSVField] = []
    var lines: [Int] = []
    var offsets: [Int] = []
    lines.reserveCapacity(lineFeeds)
    offsets.reserveCapacity(lineFeeds)
    do {
      while let record = try scanner.nextRecord(into: &fields) {
        guard fields.count == names.count else { return nil }
        let row = lines.count
        for c in 0..<fields.count where builders[c].append(fields[c], row: row, in: bytes) != nil { return nil }
        lines.append(record.line)
        offsets.append(record.offset)
      }
    } catch {
      return nil
    }
    return Chunk(block: nil, builders: builders, lines: lines, offsets: offsets, lineCount: scanner.line)
  }

  /// The records of quote-free `bytes` in a numeric block, or `nil` when a cell is neither a number nor missing, or a row has another field count.
  static func numericChunk(_ bytes: ArraySlice<UInt8>, columns: Int, delimiter: CSVDelimiter) -> Chunk? {
    bytes.withUnsafeBufferPointer { chunk in
      let block = CSVNumericBlock(capacity: CSVFileChunks.census(chunk).records, columns: columns)
      let parser = CSVNumericRows(delimiter: delimiter.rawValue, columns: columns, allowsMissing: true)
      var outcome: CSVNumericRows.Outcome?
      let lines = [Int](unsafeUninitializedCapacity: block.capacity) { buffer, count in
        let destination = CSVStridedDestination(base: block.values, rowStride: 1, columnStride: block.capacity)
        outcome = parser.parse(chunk, 0..<chunk.count, into: destination, capacity: block.capacity, lines: buffer.baseAddress)
        count = outcome?.rows ?? 0
      }
      guard let outcome else { return nil }
      block.rows = outcome.rows
      return Chunk(block: block, builders: [], lines: lines, offsets: [], lineCount: outcome.lineBreaks)
    }
  }

  /// The chunks' columns joined in order; a column categorical in any chunk becomes categorical in all.
  ///
  /// Numeric blocks are only joined with numeric columns (``readInChunks`` re-reads them otherwise).
  private func join(_ parts: [Chunk], bytes: [UInt8], names: [String], delimiter: CSVDelimiter, sourceName: String) -> DataTable? {
    var parts = parts
    let categorical = names.indices.filter { c in parts.contains { $0.block == nil && !$0.builders[c].isNumeric } }
    for k in parts.indices where parts[k].block == nil {
      for c in categorical { parts[k].builders[c].becomeCategorical() }
      guard parts[k].builders.contains(where: \.needsBackfill) else { continue }
      do {
        try backfill(
          &parts[k].builders, offsets: parts[k].offsets, lines: parts[k].lines, bytes: bytes, delimiter: delimiter,
          names: names, file: Location(file: sourceName))
      } catch {
        return nil
      }
    }
    let total = parts.reduce(0) { $0 + $1.lines.count }
    let joined = parts
    let columns = Parallel.map(count: names.count) { c -> Column in
      if categorical.contains(c) {
        var labels: [String?] = []
        labels.reserveCapacity(total)
        for part in joined { labels.append(contentsOf: part.builders[c].labels) }
        return .categorical(names[c], labels)
      }
      let numbers = [Double](unsafeUninitializedCapacity: total) { buffer, count in
        for part in joined {
          if let block = part.block {
            (buffer.baseAddress! + count).update(from: block.values + c * block.capacity, count: block.rows)
            count += block.rows
          } else {
            for value in part.builders[c].numbers {
              buffer[count] = value
              count += 1
            }
          }
        }
      }
      return .numeric(names[c], numbers)
    }
    return DataTable(columns: columns, sourceLines: parts.flatMap(\.lines), sourceName: sourceName)
  }
}
