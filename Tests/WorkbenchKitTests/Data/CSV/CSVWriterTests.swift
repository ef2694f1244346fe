import Testing
@testable import WorkbenchKit

@Suite("CSV writer")
struct CSVWriterTests {
  @Test("fields are quoted only when needed, with quotes doubled")
  func quoting() {
    let text = CSVWriter().text(rows: [["a", "b,c", "say \"x\"", "two\nlines", " pad", ""]])
    #expect(text == "a,\"b,c\",\"say \"\"x\"\"\",\"two\nlines\",\" pad\",\n")
    #expect(CSVWriter(delimiter: .semicolon).text(rows: [["a;b", "c,d"]]) == "\"a;b\";c,d\n")
  }

  @Test("numeric cells are shortest round-trip text, whole numbers without a fraction, NaN empty")
  func numbers() {
    let table = DataTable(columns: [.numeric("x", [34, -0.5, 12.25, .nan, 1e300])])
    #expect(CSVWriter().text(of: table) == "x\n34\n-0.5\n12.25\n\n1e+300\n")
  }

  @Test("a table written and read back is the same table")
  func roundTrip() throws {
    let table = DataTable(columns: [
      .numeric("x", [1, .nan, 0.1, -2.5e-9]),
      .categorical("label", ["a,b", nil, "q\"uote", "multi\nline"]),
    ])
    let back = try CSVReader().read(bytes: Array(CSVWriter().text(of: table).utf8), sourceName: "r.csv")
    #expect(back.column(named: "label") == table.columns[1])
    let x = try #require(back.column(named: "x")?.numbers)
    #expect(x[0] == 1 && x[1].isNaN && x[2] == 0.1 && x[3] == -2.5e-9)
    #expect(back.sourceLines == [2, 3, 4, 5])
  }
}
