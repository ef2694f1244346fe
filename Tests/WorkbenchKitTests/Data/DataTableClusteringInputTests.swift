import Testing
@testable import WorkbenchKit

@Suite("Data table as clustering input")
struct DataTableClusteringInputTests {
  @Test("a table's matrix holds every cell at row × width + column, and the first bad cell in column order is reported")
  func tableToMatrix() throws {
    let rows = 1_300
    let a = (0..<rows).map { Double($0) }
    var b = (0..<rows).map { Double($0) * 0.5 }
    var c = (0..<rows).map { -Double($0) }
    let table = DataTable(
      columns: [.numeric("a", a), .categorical("g", (0..<rows).map { $0 % 2 == 0 ? "x" : "y" }), .numeric("b", b), .numeric("c", c)],
      sourceLines: nil, sourceName: "t")
    let input = try table.clusteringInput()
    #expect(input.numericNames == ["a", "b", "c"])
    #expect((0..<rows).allSatisfy { r in input.numeric[r, 0] == a[r] && input.numeric[r, 1] == b[r] && input.numeric[r, 2] == c[r] })
    c[700] = .nan
    b[1_200] = .infinity
    let broken = DataTable(columns: [.numeric("a", a), .numeric("b", b), .numeric("c", c)], sourceLines: nil, sourceName: "t")
    #expect(throws: FitError.degenerate("the column 'b' has an infinite value at row 1201")) { try broken.clusteringInput() }
  }
}
