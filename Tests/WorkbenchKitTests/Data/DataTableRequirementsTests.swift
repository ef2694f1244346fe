import Testing
@testable import WorkbenchKit

@Suite("Column requirements")
struct DataTableRequirementsTests {
  private let table: DataTable = {
    let text = "id,income,age\nC1,100,30\nC2,,31\nC3,12k,\nC4,n.a.,40\n"
    do { return try CSVReader().read(bytes: Array(text.utf8), sourceName: "c.csv") } catch { preconditionFailure("\(error)") }
  }()

  @Test("numeric columns pass, missing cells included; a text column does not")
  func numericPasses() throws {
    let age = try #require(table.column(named: "age")?.numbers)
    #expect(age.count == 4 && age[2].isNaN && [age[0], age[1], age[3]] == [30, 31, 40], "age is read as numbers with one gap")
    #expect(throws: Never.self) { try table.requireNumeric(["age"]) }
    #expect(throws: Never.self) { try table.requireColumns(["id", "income", "age"]) }
    #expect(throws: DataError.self) { try table.requireNumeric(["age", "id"]) }
  }

  @Test("a categorical column reports its first non-numeric cell with line, column and header")
  func firstNonNumericCell() throws {
    do {
      try table.requireNumeric(["age", "income"])
      Issue.record("expected an error")
    } catch {
      #expect(error.problem.location == Location(file: "c.csv", line: 4, column: 2, columnName: "income"))
      #expect(error.problem.message.contains("'12k'"))
      #expect(error.problem.fix == "clean the value or declare the column under data.categorical.")
    }
  }

  @Test("an unknown column suggests the nearest header names")
  func unknownColumn() throws {
    do {
      try table.requireColumns(["incme"])
      Issue.record("expected an error")
    } catch {
      #expect(error.problem.location == Location(file: "c.csv", columnName: "incme"))
      #expect(error.problem.message == "no column named 'incme' (did you mean 'income'?).")
    }
  }

  @Test("every unknown column is reported at once")
  func allUnknownColumns() throws {
    #expect(throws: DataError.self) { try table.requireNumeric(["x", "age", "y"]) }
    do {
      try table.requireColumns(["xyzzy", "age", "qwerty"])
      Issue.record("expected an error")
    } catch {
      #expect(error.problem.message == "no column named 'xyzzy', 'qwerty'.")
      #expect(error.problem.location.columnName == nil)
    }
  }

  @Test("a categorical column whose labels all look like numbers is still rejected")
  func numericLookingLabels() {
    let t = DataTable(columns: [.categorical("zip", ["01234", nil])], sourceName: "z.csv")
    #expect(throws: DataError.self) { try t.requireNumeric(["zip"]) }
  }
}
