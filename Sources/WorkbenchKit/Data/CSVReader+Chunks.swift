import Foundation
import WorkbenchNumerics

extension CSVReader {
  /// The rows of one chunk, with lines counted from 0 at the chunk's first byte.
  struct Chunk: Sendable {
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
  /// count), parsed into their own column builders, and joined in order:
  /// line numbers are offset by the line breaks of earlier chunks, and a
  /// column that holds text in any chunk is categorical in all of them, its
  /// numeric cells recovered by the usual backfill. The result equals the
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
    let chunks: [Chunk?]
    do {
      chunks = try Parallel.map(count: bounds.count - 1) { k in
        Self.parseChunk(bytes, cuts[k]..<cuts[k + 1], names: names, delimiter: delimiter, textColumns: textColumns)
      }
    } catch {
      return nil
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

  /// The rows of `bytes[range]` in fresh builders, or `nil` at the first problem.
  private static func parseChunk(
    _ bytes: [UInt8], _ range: Range<Int>, names: [String], delimiter: CSVDelimiter, textColumns: Set<String>
  ) -> Chunk? {
    var scanner = CSVScanner(bytes, delimiter: delimiter, position: range.lowerBound, line: 0, end: range.upperBound)
    let lineFeeds = bytes[range].withUnsafeBufferPointer { chunk in
      chunk.reduce(0) { $0 + ($1 == CSVByte.newline ? 1 : 0) }
    }
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
        for c in 0..<fields.count where !builders[c].append(fields[c], row: row, in: bytes) { return nil }
        lines.append(record.line)
        offsets.append(record.offset)
      }
    } catch {
      return nil
    }
    return Chunk(builders: builders, lines: lines, offsets: offsets, lineCount: scanner.line)
  }

  /// The chunks' columns joined in order; a column categorical in any chunk becomes categorical in all.
  private func join(_ parts: [Chunk], bytes: [UInt8], names: [String], delimiter: CSVDelimiter, sourceName: String) -> DataTable? {
    var parts = parts
    let categorical = names.indices.filter { c in parts.contains { !$0.builders[c].isNumeric } }
    for k in parts.indices {
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
    let columns = names.indices.map { c -> Column in
      if categorical.contains(c) {
        var labels: [String?] = []
        labels.reserveCapacity(parts.reduce(0) { $0 + $1.lines.count })
        for part in parts { labels.append(contentsOf: part.builders[c].labels) }
        return .categorical(names[c], labels)
      }
      var numbers: [Double] = []
      numbers.reserveCapacity(parts.reduce(0) { $0 + $1.lines.count })
      for part in parts { numbers.append(contentsOf: part.builders[c].numbers) }
      return .numeric(names[c], numbers)
    }
    return DataTable(columns: columns, sourceLines: parts.flatMap(\.lines), sourceName: sourceName)
  }
}
