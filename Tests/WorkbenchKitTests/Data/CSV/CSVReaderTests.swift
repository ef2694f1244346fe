import Foundation
import Testing
import WorkbenchNumerics
@testable import WorkbenchKit

@Suite("CSV reader")
struct CSVReaderTests {
  private func read(_ text: String, delimiter: CSVDelimiter? = nil) throws -> DataTable {
    try CSVReader(delimiter: delimiter).read(bytes: Array(text.utf8), sourceName: "t.csv")
  }

  private func failure(_ text: String) -> DataError? {
    failure(bytes: Array(text.utf8))
  }

  private func failure(bytes: [UInt8]) -> DataError? {
    do {
      _ = try CSVReader().read(bytes: bytes, sourceName: "t.csv")
      return nil
    } catch {
      return error
    }
  }

  @Test("quoted fields keep delimiters, doubled quotes and line breaks")
  func quoting() throws {
    let t = try read("name,note\n\"Smith, J\",\"said \"\"hi\"\"\"\n\"a\nb\",x\n")
    #expect(t.column(named: "name")?.labels == ["Smith, J", "a\nb"])
    #expect(t.column(named: "note")?.labels == ["said \"hi\"", "x"])
  }

  @Test("a byte-order mark is skipped, so the first header name is clean")
  func byteOrderMark() throws {
    let t = try CSVReader().read(bytes: [0xEF, 0xBB, 0xBF] + Array("age,x\n3,a\n".utf8), sourceName: "t.csv")
    #expect(t.columnNames == ["age", "x"])
    #expect(t.column(named: "age")?.numbers == [3])
  }

  @Test("semicolon and tab delimiters are detected from the header line")
  func delimiterDetection() throws {
    let semicolon = try read("a;b\n1,5;2\n")
    #expect(semicolon.columnNames == ["a", "b"])
    #expect(semicolon.column(named: "a")?.labels == ["1,5"])
    let tab = try read("a\tb\n1\t2\n")
    #expect(tab.column(named: "b")?.numbers == [2])
    #expect(CSVDelimiter.detect(in: Array("\"x;y\",z\n".utf8), from: 0) == .comma)
  }

  @Test("an explicit delimiter overrides detection")
  func explicitDelimiter() throws {
    let t = try read("a;b,c\n1;2,3\n", delimiter: .comma)
    #expect(t.columnNames == ["a;b", "c"])
  }

  @Test("CRLF and LF line ends give the same table and line numbers")
  func lineEnds() throws {
    let lf = try read("a,b\n1,x\n2,y\n")
    let crlf = try read("a,b\r\n1,x\r\n2,y\r\n")
    #expect(lf == crlf)
    #expect(crlf.sourceLines == [2, 3])
  }

  @Test("empty, NA, NaN, nan, N/A and null in any case and with spaces are missing")
  func missingTokens() throws {
    let t = try read("x,y\n1,a\n,NA\n NaN ,nan\nn/a,NULL\n\"na\",\"\"\n")
    let x = try #require(t.column(named: "x")?.numbers)
    #expect(x[0] == 1)
    #expect(x[1...].allSatisfy { $0.isNaN })
    #expect(t.column(named: "y")?.labels == ["a", nil, nil, nil, nil])
  }

  @Test("a column is numeric only when every non-missing cell is a number")
  func typeInference() throws {
    let t = try read("i,r,e,c,late,q\n1,0.5,1e3,a,1,\"2.5\"\n-2, .25 ,-1.5E-2,b,x,3\n")
    #expect(t.column(named: "i")?.numbers == [1, -2])
    #expect(t.column(named: "r")?.numbers == [0.5, 0.25])
    #expect(t.column(named: "e")?.numbers == [1000, -0.015])
    #expect(t.column(named: "c")?.labels == ["a", "b"])
    #expect(t.column(named: "late")?.labels == ["1", "x"], "earlier numeric cells keep their text")
    #expect(t.column(named: "q")?.numbers == [2.5, 3])
  }

  @Test("a column that turns categorical late keeps the original spelling of earlier cells")
  func lateConversionKeepsText() throws {
    let t = try read("zip,v\n007,1\n1.50,2\n,3\nA1,4\n")
    #expect(t.column(named: "zip")?.labels == ["007", "1.50", nil, "A1"])
  }

  @Test("inf, hex, thousands separators and decimal commas are not numbers")
  func notNumbers() throws {
    for cell in ["inf", "0x1F", "1_000", "1,5", "1e", "-", ".", "1e400", "+-1"] {
      let bytes = Array(cell.utf8)
      #expect(CSVNumber.parse(bytes, 0, bytes.count) == nil, "\(cell)")
    }
  }

  @Test("numbers parse to the correctly rounded double")
  func numberRounding() throws {
    for text in ["0.1", "-0.3", "123456789012345678901234", "2.2250738585072014e-308", "1.7976931348623157e308",
      "9007199254740993", "0.000001234", "5.", ".5", "+7", "1e22", "1e23", "4.35", "3.14159265358979323846"]
    {
      let bytes = Array(text.utf8)
      #expect(CSVNumber.parse(bytes, 0, bytes.count) == Double(text), "\(text)")
    }
  }

  @Test("random decimals of 1 to 25 digits, with leading zeros, fractions, signs and exponents, parse as Double(String) does")
  func randomNumbers() throws {
    var random = SeededGenerator(seed: 41)
    let digit = { (random: inout SeededGenerator) in String(random.nextIndex(below: 10)) }
    for _ in 0..<100_000 {
      var text = ["", "-", "+"][random.nextIndex(below: 3)]
      text += (0..<random.nextIndex(below: 14)).map { _ in digit(&random) }.joined()
      if random.nextIndex(below: 3) > 0 { text += "." + (0..<random.nextIndex(below: 12)).map { _ in digit(&random) }.joined() }
      if random.nextIndex(below: 8) == 0 { text += "e" + String(random.nextIndex(below: 40) - 20) }
      let bytes = Array(text.utf8)
      let parsed = CSVNumber.parse(bytes, 0, bytes.count)
      #expect(parsed?.bitPattern == Double(text)?.bitPattern, "\(text)")
    }
  }

  @Test("rows record the line they start on, past multi-line quoted fields")
  func lineNumbers() throws {
    let t = try read("id,note\n1,\"two\nlines\"\n2,x\n\n3,\"a\r\nb\r\nc\"\n4,y\n")
    #expect(t.sourceLines == [2, 4, 6, 9])
    #expect(t.sourceName == "t.csv")
  }

  @Test("an empty file is an error")
  func emptyFile() {
    #expect(failure("")?.problem.message == "the file is empty.")
    #expect(failure("\n \n")?.problem.message == "the file is empty.")
  }

  @Test("a header without rows is an error")
  func headerOnly() {
    #expect(failure("a,b\n")?.problem.message == "the file has a header but no data rows.")
  }

  @Test("an empty header name is an error naming its column number")
  func emptyHeader() throws {
    let e = try #require(failure("a,,c\n1,2,3\n"))
    #expect(e.problem.location == Location(file: "t.csv", line: 1, column: 2))
  }

  @Test("a duplicate header name is an error naming the column")
  func duplicateHeader() throws {
    let e = try #require(failure("a,b,a\n1,2,3\n"))
    #expect(e.problem.location == Location(file: "t.csv", line: 1, column: 3, columnName: "a"))
    #expect(e.problem.message.contains("columns 1 and 3"))
  }

  @Test("a row with the wrong number of fields names its line and both counts")
  func wrongFieldCount() throws {
    let e = try #require(failure("a,b\n1,2\n\"x\ny\",3,4\n"))
    #expect(e.problem.location == Location(file: "t.csv", line: 3))
    #expect(e.problem.message == "expected 2 fields, as in the header, but found 3.")
  }

  @Test("an unterminated quote is reported at the line where the field opened")
  func unterminatedQuote() throws {
    let e = try #require(failure("a,b\n1,2\n3,\"open\n4,5\n6,7\n"))
    #expect(e.problem.location == Location(file: "t.csv", line: 3, column: 2, columnName: "b"))
  }

  @Test("text after a closing quote is an error at its field")
  func textAfterQuote() throws {
    let e = try #require(failure("a,b\n\"x\"y,2\n"))
    #expect(e.problem.location == Location(file: "t.csv", line: 2, column: 1, columnName: "a"))
  }

  @Test("invalid UTF-8 is reported at its cell")
  func invalidUTF8() throws {
    let e = try #require(failure(bytes: Array("a,b\n1,x\n2,".utf8) + [0xE9, 0x0A]))
    #expect(e.problem.location == Location(file: "t.csv", line: 3, column: 2, columnName: "b"))
    #expect(e.problem.message == "the file is not UTF-8: the byte 0xE9 cannot start a UTF-8 character (it was probably saved as Latin-1 or Windows-1252).")
  }

  @Test("invalid UTF-8 in a cell read before its column turned categorical is still found")
  func invalidUTF8Backfilled() throws {
    let e = try #require(failure(bytes: Array("a\n1\n".utf8) + [0xFF] + Array("\nx\n".utf8)))
    #expect(e.problem.location == Location(file: "t.csv", line: 3, column: 1, columnName: "a"))
  }

  @Test("a missing file says so and how to fix the path")
  func missingFile() throws {
    do {
      _ = try CSVReader().read(path: "no/such.csv", relativeTo: "/nonexistent")
      Issue.record("expected an error")
    } catch {
      #expect(error.problem.location == Location(file: "no/such.csv"))
      #expect(error.description == "no/such.csv: no such file.\n  Fix: check the path; it is relative to the spec file.")
    }
  }

  @Test("a directory is reported as unreadable data")
  func directory() throws {
    #expect(throws: DataError.self) { try CSVReader().read(path: NSTemporaryDirectory()) }
  }

  @Test("a file is read relative to the given directory and named as given")
  func readsFile() throws {
    let directory = NSTemporaryDirectory() + "csvreader-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try Data("a\n1\n2\n".utf8).write(to: URL(fileURLWithPath: directory + "/d.csv"))
    let t = try CSVReader().read(path: "d.csv", relativeTo: directory)
    #expect(t.sourceName == "d.csv")
    #expect(t.column(named: "a")?.numbers == [1, 2])
  }
}
