import Foundation
import Testing
import WorkbenchNumerics
@testable import WorkbenchKit

@Suite("CSV reader, chunked parsing")
struct CSVReaderChunkTests {
  /// A generated CSV: numbers (some missing, some padded), a text column, and a column whose first text is at `lateTextRow`.
  private func generated(rows: Int, seed: UInt64, lineEnd: String, quoted: Bool, lateTextRow: Int?) -> [UInt8] {
    var random = SeededGenerator(seed: seed)
    var text = "a,b, c ,label,late" + lineEnd
    for row in 0..<rows {
      if random.nextIndex(below: 20) == 0 { text += lineEnd }
      let a = random.nextIndex(below: 10) == 0 ? "" : String(random.nextGaussian())
      let b = random.nextIndex(below: 15) == 0 ? "NA" : " \(random.nextIndex(below: 1000)).\(random.nextIndex(below: 100)) "
      let c = String(format: "%.3e", random.nextUnit() * 1e6)
      let label = quoted && row % 7 == 0 ? "\"x, \(row)\"" : "g\(random.nextIndex(below: 5))"
      let late = row == lateTextRow ? "late-text" : (random.nextIndex(below: 9) == 0 ? "" : "00\(random.nextIndex(below: 50))")
      text += [a, b, c, label, late].joined(separator: ",") + lineEnd
    }
    return Array(text.utf8)
  }

  private func read(_ bytes: [UInt8], chunkBytes: Int) throws -> DataTable {
    var reader = CSVReader()
    reader.chunkBytes = chunkBytes
    return try reader.read(bytes: bytes, sourceName: "t.csv")
  }

  /// Whether two tables hold the same names, kinds, cells (numbers bit for bit, NaN included) and lines.
  private func identical(_ x: DataTable, _ y: DataTable) -> Bool {
    guard x.columnNames == y.columnNames, x.sourceLines == y.sourceLines, x.sourceName == y.sourceName else { return false }
    return zip(x.columns, y.columns).allSatisfy { p, q in
      switch (p.values, q.values) {
      case (.numeric(let u), .numeric(let v)): u.map(\.bitPattern) == v.map(\.bitPattern)
      case (.categorical(let u), .categorical(let v)): u == v
      default: false
      }
    }
  }

  @Test(
    "chunked parsing gives the sequential table for LF and CRLF, missing cells, blank lines and late text",
    arguments: [("\n", 1), ("\r\n", 2), ("\n", 3), ("\r\n", 4)])
  func matchesSequential(lineEnd: String, seed: Int) throws {
    let late = seed <= 2 ? 1_900 : nil
    let bytes = generated(rows: 2_000, seed: UInt64(seed), lineEnd: lineEnd, quoted: false, lateTextRow: late)
    let sequential = try read(bytes, chunkBytes: Int.max / 4)
    for chunkBytes in [1, 97, 4_096, 30_000] {
      #expect(identical(try read(bytes, chunkBytes: chunkBytes), sequential), "chunk size \(chunkBytes)")
    }
    #expect(sequential.columns[4].isNumeric == (late == nil))
    #expect(sequential.columns[3].labels != nil)
  }

  /// A numbers-only CSV of `rows` rows: plain, padded, missing, exponent and long-mantissa cells, blank lines; `text` replaces one cell.
  static func numeric(rows: Int, seed: UInt64, lineEnd: String, text: (row: Int, cell: String)? = nil) -> [UInt8] {
    var random = SeededGenerator(seed: seed)
    var lines = ["x,y , z,w" + lineEnd]
    for row in 0..<rows {
      if random.nextIndex(below: 25) == 0 { lines.append(lineEnd) }
      let x = String(random.nextGaussian() * 1e3)
      let y = random.nextIndex(below: 12) == 0 ? ["", "NA", " nan ", "null"][random.nextIndex(below: 4)] : " \(random.nextIndex(below: 900)).\(random.nextIndex(below: 10)) "
      let z = String(format: "%.4e", (random.nextUnit() - 0.5) * 1e9)
      let w = random.nextIndex(below: 7) == 0 ? "0.1000000000000000055511151231257827" : "-\(random.nextIndex(below: 100))"
      var cells = [x, y, z, w]
      if let text, text.row == row { cells[1] = text.cell }
      lines.append(cells.joined(separator: ",") + lineEnd)
    }
    return Array(lines.joined().utf8)
  }

  @Test(
    "numbers-only chunks give the sequential table, row counts that are no multiple of anything included",
    arguments: [("\n", 1_999), ("\r\n", 1_001), ("\n", 997)])
  func numericChunksMatchSequential(lineEnd: String, rows: Int) throws {
    let bytes = Self.numeric(rows: rows, seed: UInt64(rows), lineEnd: lineEnd)
    let sequential = try read(bytes, chunkBytes: Int.max / 4)
    #expect(sequential.columns.allSatisfy { $0.isNumeric })
    #expect(sequential.rowCount == rows)
    for chunkBytes in [1, 113, 4_099, 20_011] {
      #expect(identical(try read(bytes, chunkBytes: chunkBytes), sequential), "chunk size \(chunkBytes)")
    }
  }

  @Test("text in one late chunk of a numbers-only file makes the column categorical in every chunk, as read sequentially")
  func numericChunksWithLateText() throws {
    let bytes = Self.numeric(rows: 1_500, seed: 5, lineEnd: "\n", text: (1_400, "n/k"))
    let sequential = try read(bytes, chunkBytes: Int.max / 4)
    #expect(sequential.columns[1].labels?[1_400] == "n/k")
    for chunkBytes in [1, 2_000] {
      #expect(identical(try read(bytes, chunkBytes: chunkBytes), sequential), "chunk size \(chunkBytes)")
    }
  }

  @Test("a numbers-only file read with a text column keeps that column's spelling in every chunk")
  func numericChunksWithTextColumns() throws {
    let bytes = Self.numeric(rows: 800, seed: 6, lineEnd: "\n")
    var chunked = CSVReader(textColumns: ["w"])
    chunked.chunkBytes = 500
    var sequential = CSVReader(textColumns: ["w"])
    sequential.chunkBytes = Int.max / 4
    let table = try chunked.read(bytes: bytes, sourceName: "t.csv")
    #expect(identical(table, try sequential.read(bytes: bytes, sourceName: "t.csv")))
    #expect(table.columns[3].labels?.contains("0.1000000000000000055511151231257827") == true)
  }

  @Test("a column whose only text is in the last chunk keeps the spelling of its earlier numbers")
  func lateTextBackfill() throws {
    let bytes = Array(("id,x\n" + (0..<500).map { "00\($0),\($0)\n" }.joined() + "abc,1\n").utf8)
    let table = try read(bytes, chunkBytes: 64)
    #expect(table.columns[0].labels?.first == "000")
    #expect(table.columns[0].labels?.last == "abc")
    #expect(table.columns[1].numbers?.count == 501)
    #expect(table.sourceLines?.last == 502)
  }

  @Test("files with quotes are read sequentially and still match")
  func quotedFiles() throws {
    let bytes = generated(rows: 1_000, seed: 9, lineEnd: "\n", quoted: true, lateTextRow: 700)
    #expect(identical(try read(bytes, chunkBytes: 100), try read(bytes, chunkBytes: Int.max / 4)))
  }

  @Test("errors in a later chunk are reported at the same place as by the sequential reader")
  func errorsKeepTheirLocation() {
    let body = (0..<400).map { "\($0),\($0 * 2)\n" }.joined()
    let cases: [[UInt8]] = [
      Array(("a,b\n" + body + "1,2,3\n" + body).utf8),
      Array(("a,b\n" + body).utf8) + [0x78, 0xFF, 0x2C, 0x31, 0x0A] + Array(body.utf8),
      Array(("a,b\n" + body + "7\n" + body).utf8),
      Array(("a,b\n" + body + body + "1,2,\n").utf8),
    ]
    for bytes in cases {
      func failure(_ chunkBytes: Int) -> DataError? {
        do {
          _ = try read(bytes, chunkBytes: chunkBytes)
          return nil
        } catch {
          return error as? DataError
        }
      }
      let sequential = failure(Int.max / 4)
      #expect(sequential != nil)
      #expect(failure(50) == sequential)
    }
  }
}
