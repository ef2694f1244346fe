import Testing
@testable import WorkbenchKit

@Suite("derive")
struct DeriveTests {
  private let table = DataTable(
    columns: [
      .numeric("wines", [10, 20, .nan, 5]),
      .numeric("meat", [1, 0, 3, -4]),
      .numeric("year birth", [1980, 1990, 2000, 1970]),
      .categorical("region", ["n", "s", "e", "w"]),
    ],
    sourceName: "c.csv")

  private func derived(_ columns: [String: JSONValue]) throws -> (DataTable, JSONValue?) {
    let fitted = try makePlugin(Derive.self, ["columns": .object(columns)]).fit(table, context: FitContext(seed: 0))
    return (try fitted.transform(table), fitted.summary)
  }

  @Test("arithmetic follows precedence, unary minus and functions; new columns are appended in name order")
  func evaluation() throws {
    let (out, _) = try derived([
      "total": "wines + meat * 2", "age": "2026 - `year birth`", "m": "max(wines, meat, 7) - min(abs(meat), 2)", "e": "-exp(0) + sqrt(16) / (1 + 1)",
    ])
    #expect(out.columnNames == ["wines", "meat", "year birth", "region", "age", "e", "m", "total"])
    #expect(out.column(named: "total")?.numbers?.map { $0.isNaN ? -1 : $0 } == [12, 20, -1, -3])
    #expect(out.column(named: "age")?.numbers == [46, 36, 26, 56])
    #expect(out.column(named: "m")?.numbers?.map { $0.isNaN ? -1 : $0 } == [9, 20, -1, 5])
    #expect(out.column(named: "e")?.numbers == [1, 1, 1, 1])
  }

  @Test("missing inputs give missing outputs; log ≤ 0, sqrt < 0 and division by zero give missing outputs counted in the summary")
  func invalid() throws {
    let (out, summary) = try derived(["ratio": "wines / meat", "l": "log(meat)", "s": "sqrt(meat)"])
    #expect(out.column(named: "ratio")?.numbers?.map { $0.isNaN } == [false, true, true, false])
    #expect(out.column(named: "l")?.numbers?.map { $0.isNaN } == [false, true, false, true])
    #expect(summary?.object?["invalid_cells"] == ["ratio": 1, "l": 2, "s": 1])
  }

  @Test("an existing name is replaced in place")
  func replace() throws {
    let (out, _) = try derived(["meat": "meat * 10"])
    #expect(out.columnNames == table.columnNames)
    #expect(out.column(named: "meat")?.numbers == [10, 0, 30, -40])
  }

  @Test("a syntax error is a parameter error on 'columns' pointing at the character")
  func syntaxErrors() {
    let cases: [(String, String)] = [
      ("wines + meat)", "derive 'total': unexpected ')' at character 13 of \"wines + meat)\"."),
      ("wines +", "derive 'total': unexpected end of expression at character 8 of \"wines +\"."),
      ("lg(wines)", "derive 'total': unknown function 'lg' (did you mean 'log'?) at character 1 of \"lg(wines)\"."),
      ("min(wines)", "derive 'total': min takes two or more arguments, got 1 at character 1 of \"min(wines)\"."),
      ("`year birth", "derive 'total': unclosed '`' at character 1 of \"`year birth\"."),
    ]
    for (text, message) in cases {
      do {
        _ = try makePlugin(Derive.self, ["columns": ["total": .string(text)]])
        Issue.record("expected an error for \(text)")
      } catch let error as ParameterError {
        #expect(error.parameter == "columns")
        #expect(error.message == message)
      } catch {
        Issue.record("unexpected \(error)")
      }
    }
  }

  @Test("nesting deeper than 64 levels and more than 1,000 terms are syntax errors, so no expression can overflow the stack")
  func bounds() throws {
    func message(_ text: String) -> String? {
      do {
        _ = try makePlugin(Derive.self, ["columns": ["total": .string(text)]])
        return nil
      } catch {
        return (error as? ParameterError)?.message ?? "\(error)"
      }
    }
    let nested = { (levels: Int) in String(repeating: "(", count: levels) + "wines" + String(repeating: ")", count: levels) }
    #expect(message(nested(63)) == nil)
    #expect(message(nested(64))?.hasPrefix("derive 'total': parentheses, functions and signs nest more than 64 levels deep at character 65") == true)
    #expect(message(String(repeating: "(", count: 16_000))?.contains("nest more than 64 levels deep") == true)
    #expect(message(String(repeating: "-", count: 100) + "wines")?.contains("nest more than 64 levels deep") == true)
    #expect(message(String(repeating: "abs(", count: 70) + "wines" + String(repeating: ")", count: 70))?.contains("nest more than 64 levels deep") == true)
    let sum = { (terms: Int) in Array(repeating: "wines", count: terms).joined(separator: " + ") }
    #expect(message(sum(1_000)) == nil)
    #expect(message(sum(1_001))?.contains("more than 1000 numbers, columns and calls") == true)
    let (out, _) = try derived(["total": .string(sum(1_000))])
    #expect(out.column(named: "total")?.numbers?.first == 1_000 * (table.column(named: "wines")?.numbers?.first ?? .nan))
  }

  @Test("an unknown column is a data error at fit time naming it, with the nearest names")
  func unknownColumn() throws {
    let plugin = try makePlugin(Derive.self, ["columns": ["total": "winez + meat"]])
    do {
      _ = try plugin.fit(table, context: FitContext(seed: 0))
      Issue.record("expected an error")
    } catch let error as DataError {
      #expect(error.problem.location.columnName == "winez")
      #expect(error.problem.message.hasSuffix("but there is no such column. Did you mean 'wines'?"))
    }
    let categorical = try makePlugin(Derive.self, ["columns": ["x": "region * 2"]])
    #expect(throws: DataError.self) { try categorical.fit(table, context: FitContext(seed: 0)) }
  }

  @Test("the textMap kind accepts objects of strings only, with phrase, fix and schema")
  func textMapKind() {
    let kind = ParameterKind.textMap
    #expect(kind.normalize(["a": "x + 1"]) == ["a": "x + 1"])
    #expect(kind.normalize(["a": 1]) == nil)
    #expect(kind.normalize(["a", "b"]) == nil)
    #expect(kind.phrase == "an object of names to strings")
    #expect(kind.fix.contains("{"))
    #expect(kind.schema == ["type": "object", "additionalProperties": ["type": "string"]])
  }
}
