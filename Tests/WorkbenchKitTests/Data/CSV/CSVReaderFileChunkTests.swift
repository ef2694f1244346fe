import Foundation
import Testing
import WorkbenchNumerics
@testable import WorkbenchKit

@Suite("CSV reader, files read a chunk at a time")
struct CSVReaderFileChunkTests {
  /// Writes `bytes` to a fresh temporary file and passes its path to `body`.
  private func withFile<T>(_ bytes: [UInt8], _ body: (String) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-matrix-\(UUID().uuidString).csv")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url.path)
  }

  /// The input or the error, as text, so both outcomes can be compared.
  private func outcome(_ body: () throws -> ClusteringInput) -> String {
    do {
      let input = try body()
      let categorical = input.categorical.map { "\($0.name) \($0.levels) \($0.codes)" }
      return "\(input.numericNames) \(input.numeric.rows)×\(input.numeric.columns) \(input.numeric.storage.map(\.bitPattern)) \(categorical)"
    } catch {
      return "\(type(of: error)): \(error)"
    }
  }

  /// Whether the chunked matrix read of `bytes` gives what reading the table and converting it gives.
  private func agrees(_ bytes: [UInt8], chunkBytes: Int, textColumns: Set<String> = []) throws -> Bool {
    try withFile(bytes) { path in
      var chunked = CSVReader(textColumns: textColumns)
      chunked.chunkBytes = chunkBytes
      let direct = outcome { try chunked.clusteringInput(path: path) }
      let viaTable = outcome { try CSVReader(textColumns: textColumns).read(path: path).clusteringInput() }
      return direct == viaTable
    }
  }

  /// A complete numbers-only file of `rows` rows with LF or CRLF line ends and some blank lines.
  private func complete(rows: Int, lineEnd: String = "\n", seed: UInt64 = 3) -> String {
    var random = SeededGenerator(seed: seed)
    var text = "p;q;r" + lineEnd
    for row in 0..<rows {
      if row % 37 == 0 { text += lineEnd }
      text += "\(random.nextGaussian());\(random.nextIndex(below: 1000))e-3;-\(row).25" + lineEnd
    }
    return text
  }

  @Test("a complete numeric file read in chunks equals the table's matrix, bit for bit", arguments: ["\n", "\r\n"])
  func matchesTable(lineEnd: String) throws {
    let bytes = Array(complete(rows: 1_237, lineEnd: lineEnd).utf8)
    for chunkBytes in [1, 211, 5_003] {
      #expect(try agrees(bytes, chunkBytes: chunkBytes), "chunk size \(chunkBytes)")
    }
    let input = try withFile(bytes) { path in
      var reader = CSVReader()
      reader.chunkBytes = 211
      #expect(reader.numericInput(at: path) != nil, "the chunked path is taken")
      return try reader.clusteringInput(path: path)
    }
    #expect(input.numericNames == ["p", "q", "r"])
    #expect(input.numeric.rows == 1_237)
    #expect(input.numeric[1_236, 2] == -1_236.25)
  }

  @Test("files the chunked path cannot take give the table's result or error")
  func fallsBackToTheTable() throws {
    let body = complete(rows: 600)
    let cases: [(String, [UInt8])] = [
      ("missing cell", Array((body + "1;;3\n" + body.split(separator: "\n").dropFirst().joined(separator: "\n") + "\n").utf8)),
      ("text cell", Array((body + "1;abc;3\n").utf8)),
      ("short row", Array((body + "1;2\n" + body).utf8)),
      ("long row", Array((body + "1;2;3;4\n").utf8)),
      ("quotes", Array((body + "1;\"2\";3\n").utf8)),
      ("invalid UTF-8", Array(body.utf8) + [0x31, 0x3B, 0xFF, 0x3B, 0x33, 0x0A]),
      ("header only", Array("p;q;r\n".utf8)),
      ("no final line feed", Array((body + "1;2;3").utf8)),
    ]
    for (name, bytes) in cases {
      #expect(try agrees(bytes, chunkBytes: 97), "\(name)")
    }
    #expect(try agrees(Array(body.utf8), chunkBytes: 97, textColumns: ["q"]), "text column")
  }

  /// The table read from a file in chunks of `chunkBytes`, or the error, as text; and the same for `bytes` read whole and sequentially.
  private func tables(_ bytes: [UInt8], chunkBytes: Int, textColumns: Set<String> = []) throws -> (chunked: String, sequential: String) {
    func describe(_ body: () throws -> DataTable) -> String {
      do {
        let table = try body()
        let cells = table.columns.map { column in
          column.numbers.map { "\(column.name) \($0.map(\.bitPattern))" } ?? "\(column.name) \(column.labels ?? [])"
        }
        return "\(table.sourceName ?? "") \(table.sourceLines ?? []) \(cells)"
      } catch {
        return "\(type(of: error)): \(error)"
      }
    }
    return try withFile(bytes) { path in
      var chunked = CSVReader(textColumns: textColumns)
      chunked.chunkBytes = chunkBytes
      var sequential = CSVReader(textColumns: textColumns)
      sequential.chunkBytes = Int.max / 4
      let whole = try Data(contentsOf: URL(fileURLWithPath: path))
      return (describe { try chunked.read(path: path) }, describe { try sequential.read(bytes: [UInt8](whole), sourceName: path) })
    }
  }

  @Test("a numbers-only file read a chunk at a time gives the sequential table", arguments: ["\n", "\r\n"])
  func tableMatchesSequential(lineEnd: String) throws {
    let bytes = CSVReaderChunkTests.numeric(rows: 1_301, seed: 8, lineEnd: lineEnd)
    for chunkBytes in [1, 307, 6_007] {
      let result = try tables(bytes, chunkBytes: chunkBytes)
      #expect(result.chunked == result.sequential, "chunk size \(chunkBytes)")
    }
    let file = try withFile(bytes) { path in
      var reader = CSVReader()
      reader.chunkBytes = 307
      return CSVFileChunks(path: path, reader: reader).flatMap { reader.readFileInChunks($0, sourceName: path) }
    }
    #expect(file?.rowCount == 1_301, "the chunk-at-a-time path is taken")
  }

  @Test("files the chunk-at-a-time table cannot take give the sequential table or error")
  func tableFallsBack() throws {
    let body = String(decoding: CSVReaderChunkTests.numeric(rows: 700, seed: 4, lineEnd: "\n"), as: UTF8.self)
    let rows = body.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
    let width = CSVReader.directColumnLimit + 1
    let wide = (0..<width).map { "c\($0)" }.joined(separator: ",") + "\n"
    let wideRow = (0..<width).map { "\($0 % 10).5" }.joined(separator: ",") + "\n"
    let cases: [(String, [UInt8])] = [
      ("late text", CSVReaderChunkTests.numeric(rows: 700, seed: 4, lineEnd: "\n", text: (650, "unknown"))),
      ("short row", Array((body + "1,2,3\n" + rows).utf8)),
      ("long row", Array((body + rows + "1,2,3,4,5\n").utf8)),
      ("quotes", Array((body + "1,\"2\",3,4\n" + rows).utf8)),
      ("invalid UTF-8", Array(body.utf8) + [0x31, 0x2C, 0xFF, 0x2C, 0x33, 0x2C, 0x34, 0x0A]),
      ("blank lines only after the header", Array(("x,y\n" + String(repeating: "\n", count: 900)).utf8)),
      ("text in the first row", Array(("x,y,z,w\n1,a,3,4\n" + rows).utf8)),
      ("lone CR line ends among LF", Array(("x,y,z,w\n" + rows.replacingOccurrences(of: "-1\n", with: "-1\r")).utf8)),
      ("wider than the direct limit", Array((wide + String(repeating: wideRow, count: 40)).utf8)),
    ]
    for (name, bytes) in cases {
      let result = try tables(bytes, chunkBytes: 101)
      #expect(result.chunked == result.sequential, "\(name)")
    }
    let text = try tables(Array(body.utf8), chunkBytes: 101, textColumns: ["w"])
    #expect(text.chunked == text.sequential, "text column")
  }

  /// A file with an id column, a category column (text in the first record, number-like codes, missing tokens, padding,
  /// multi-byte UTF-8) and two numeric columns, `rows` rows.
  private func mixed(rows: Int, lineEnd: String = "\n") -> String {
    var random = SeededGenerator(seed: 21)
    let categories = ["north", " 007 ", "NA", "", "Zürich", "n/a", "1.50", "south-east"]
    var text = "id,region,spend,visits" + lineEnd + "c0,west,1.5,3" + lineEnd
    for row in 1..<rows {
      if row % 41 == 0 { text += lineEnd }
      let spend = row % 53 == 0 ? "NA" : "\(random.nextGaussian())"
      text += "c\(row),\(categories[random.nextIndex(below: categories.count)]),\(spend), \(row % 9)" + lineEnd
    }
    return text
  }

  @Test("text columns (ids, and columns with text in the first record) are read in chunks and equal the sequential table", arguments: ["\n", "\r\n"])
  func textColumnsInChunks(lineEnd: String) throws {
    let bytes = Array(mixed(rows: 1_403, lineEnd: lineEnd).utf8)
    for chunkBytes in [1, 293, 7_001] {
      for textColumns: Set<String> in [[], ["id"], ["id", "visits"]] {
        let result = try tables(bytes, chunkBytes: chunkBytes, textColumns: textColumns)
        #expect(result.chunked == result.sequential, "chunk size \(chunkBytes), text \(textColumns.sorted())")
      }
    }
    let table = try withFile(bytes) { path in
      var reader = CSVReader(textColumns: ["id"])
      reader.chunkBytes = 293
      return CSVFileChunks(path: path, reader: reader).flatMap { reader.readFileInChunks($0, sourceName: path) }
    }
    #expect(table?.rowCount == 1_403, "the chunk-at-a-time path is taken")
    #expect(table?.columns.map(\.name) == ["id", "region", "spend", "visits"])
    #expect(table?.columns[0].labels?[1_402] == "c1402")
    #expect(table?.columns[1].labels?[0] == "west")
    #expect(table?.columns[2].numbers?[53].isNaN == true)
    #expect(table?.columns[3].numbers?[10] == 1)
  }

  @Test("text the first record does not announce, or a text cell that is not UTF-8, gives the sequential table or error")
  func textColumnFallbacks() throws {
    let body = mixed(rows: 700)
    let cases: [(String, [UInt8])] = [
      ("text in a numeric column", Array((body + "c700,west,lots,3\n").utf8)),
      ("invalid UTF-8 in a text column", Array(body.utf8) + Array("c700,".utf8) + [0xFF] + Array(",1,2\n".utf8)),
      ("a number beyond a double in the first record", Array(("id,region,spend,visits\nc0,west,1e999,3\n" + body).utf8)),
      ("a short first record", Array(("id,region,spend,visits\nc0,west,1\n" + body).utf8)),
      ("one numeric column with lone CR line ends", Array(("x\n" + (0..<900).map { "\($0).5" }.joined(separator: "\r") + "\n").utf8)),
    ]
    for (name, bytes) in cases {
      let result = try tables(bytes, chunkBytes: 101, textColumns: ["id"])
      #expect(result.chunked == result.sequential, "\(name)")
    }
  }

  @Test("a file that does not exist is the table reader's error")
  func missingFile() {
    #expect(throws: DataError.self) { try CSVReader().clusteringInput(path: "/nonexistent/\(UUID().uuidString).csv") }
  }

  @Test("the census counts records as non-empty runs between line breaks, and CRLF as one line break")
  func census() {
    func census(_ text: String) -> (Int, Int) {
      let c = Array(text.utf8).withUnsafeBufferPointer(CSVFileChunks.census)
      return (c.records, c.lineBreaks)
    }
    #expect(census("a\n\nb\r\nc\rd") == (4, 4))
    #expect(census("\n\r\n") == (0, 2))
    #expect(census("") == (0, 0))
    #expect(census("a\n\nb\r\nc\rd\r") == (4, 5))
    var random = SeededGenerator(seed: 11)
    let alphabet: [UInt8] = [0x0A, 0x0D, 0x61, 0x2C]
    for length in [0, 1, 2, 31, 32, 33, 34, 65, 100, 9_000] {
      let bytes = (0..<length).map { _ in alphabet[random.nextIndex(below: 4)] }
      var records = 0
      var breaks = 0
      for k in bytes.indices {
        let isBreak = bytes[k] == 0x0A || bytes[k] == 0x0D
        if !isBreak, k == 0 || bytes[k - 1] == 0x0A || bytes[k - 1] == 0x0D { records += 1 }
        if bytes[k] == 0x0A || (bytes[k] == 0x0D && (k + 1 == bytes.count || bytes[k + 1] != 0x0A)) { breaks += 1 }
      }
      let c = bytes.withUnsafeBufferPointer(CSVFileChunks.census)
      #expect(c.records == records && c.lineBreaks == breaks, "length \(length)")
    }
  }
}
