import Foundation
import Testing
import WorkbenchTestSupport
@testable import WorkbenchKit

/// `Fixtures/preprocessing.json`, written by `generate_preprocessing_fixtures.py`: inputs and scikit-learn's answers.
struct PreprocessingFixture {
  /// One step fitted on one dataset with scikit-learn (or numpy).
  struct Case {
    var step: String
    var data: String
    var params: [String: JSONValue]
    var output: [[Double]]
    var learned: [String: JSONValue]
  }

  var data: [String: [[Double]]]
  var cases: [Case]
  var oneHot: JSONValue
  /// SimpleImputer on tied modes and on text.
  var imputeText: JSONValue
  /// numpy's quartile fences on two columns of `StepContractTests.table`.
  var tukeyFences: JSONValue

  static let shared: Result<PreprocessingFixture, Error> = Result { try load() }

  static func load() throws -> PreprocessingFixture {
    guard let url = Bundle.module.url(forResource: "preprocessing", withExtension: "json", subdirectory: "Fixtures") else {
      throw FixtureError("no fixture preprocessing.json in the test bundle")
    }
    let json = try FixtureLoader.load(url)
    var data: [String: [[Double]]] = [:]
    for (name, rows) in try FixtureLoader.field(json, "data").object ?? [:] { data[name] = try rowsWithMissing(rows) }
    let cases = try (FixtureLoader.field(json, "cases").array ?? []).map { c in
      Case(
        step: try FixtureLoader.field(c, "step").string ?? "", data: try FixtureLoader.field(c, "data").string ?? "",
        params: try FixtureLoader.field(c, "params").object ?? [:], output: try rowsWithMissing(FixtureLoader.field(c, "output")),
        learned: try FixtureLoader.field(c, "learned").object ?? [:])
    }
    return PreprocessingFixture(
      data: data, cases: cases, oneHot: try FixtureLoader.field(json, "one_hot"), imputeText: try FixtureLoader.field(json, "impute_text"),
      tukeyFences: try FixtureLoader.field(json, "tukey_fences"))
  }

  /// Rows of numbers with null as NaN.
  static func rowsWithMissing(_ value: JSONValue) throws -> [[Double]] {
    try (value.array ?? []).map { row in
      try (row.array ?? []).map { cell in
        if cell == .null { return Double.nan }
        guard let d = cell.number else { throw FixtureError("a cell is not a number") }
        return d
      }
    }
  }

  /// Numbers with null as NaN.
  static func values(_ value: JSONValue?) -> [Double] {
    (value?.array ?? []).map { $0.number ?? .nan }
  }

  /// A dataset as a table with columns `x0`, `x1`, ….
  func table(_ name: String) -> DataTable {
    let rows = data[name] ?? []
    let width = rows.first?.count ?? 0
    return DataTable(columns: (0..<width).map { c in .numeric("x\(c)", rows.map { $0[c] }) }, sourceName: "\(name).csv")
  }

  func cases(_ step: String) -> [Case] { cases.filter { $0.step == step } }

  /// The one case of `step` on `data` with exactly `params`.
  func only(_ step: String, on data: String, _ params: [String: JSONValue] = [:]) throws -> Case {
    let matching = cases.filter { $0.step == step && $0.data == data && $0.params == params }
    guard matching.count == 1 else { throw FixtureError("\(matching.count) cases of \(step) on \(data) with \(params)") }
    return matching[0]
  }
}

/// The numeric columns of `table` as rows.
func numericRows(_ table: DataTable) -> [[Double]] {
  let columns = table.columns.compactMap(\.numbers)
  return (0..<table.rowCount).map { r in columns.map { $0[r] } }
}

/// Whether two tables have the same column names, kinds, row provenance and bit-identical cells (NaN equals NaN).
func identical(_ a: DataTable, _ b: DataTable) -> Bool {
  guard a.columnNames == b.columnNames, a.sourceRows == b.sourceRows, a.sourceLines == b.sourceLines, a.rowCount == b.rowCount else { return false }
  return zip(a.columns, b.columns).allSatisfy { x, y in
    switch (x.values, y.values) {
    case (.numeric(let u), .numeric(let v)): u.count == v.count && zip(u, v).allSatisfy { $0.bitPattern == $1.bitPattern }
    case (.categorical(let u), .categorical(let v)): u == v
    default: false
    }
  }
}

/// The largest relative error (floor 1) between two equally shaped row sets; NaN must match NaN.
func largestError(_ observed: [[Double]], _ expected: [[Double]]) -> Double {
  guard observed.count == expected.count else { return .infinity }
  var worst = 0.0
  for (o, e) in zip(observed, expected) {
    guard o.count == e.count else { return .infinity }
    for (u, v) in zip(o, e) {
      if u.isNaN || v.isNaN {
        if u.isNaN != v.isNaN { return .infinity }
        continue
      }
      worst = max(worst, Tolerance.relativeError(u, v))
    }
  }
  return worst
}

/// A fitted step saved to JSON text and read back, as the result store does.
func roundTrip(_ fitted: any FittedPreprocessor, of step: any Preprocessor.Type) throws -> any FittedPreprocessor {
  try step.restore(state: JSONParser.parse(fitted.state.canonicalText))
}

/// Fits `plugin` on `table`, and checks subset invariance and the restore round trip; returns the full transform.
@discardableResult
func checkStepContract(
  _ plugin: any Preprocessor, on table: DataTable, subset: [Int], sourceLocation: SourceLocation = #_sourceLocation
) throws -> DataTable {
  let fitted = try plugin.fit(table, context: FitContext(seed: 1))
  let full = try fitted.transform(table)
  let part = try fitted.transform(table.selecting(rows: subset))
  let expectedPart: DataTable
  if let kept = full.sourceRows {
    let rows = subset.enumerated().compactMap { position, row in kept.firstIndex(of: row).map { (position, $0) } }
    var selected = full.selecting(rows: rows.map(\.1))
    selected.sourceRows = rows.map { subset[$0.0] }
    expectedPart = selected
  } else {
    expectedPart = full.selecting(rows: subset)
  }
  #expect(identical(part, expectedPart), "subset of rows transforms like the same rows of the full transform", sourceLocation: sourceLocation)
  let restored = try roundTrip(fitted, of: type(of: plugin))
  #expect(identical(try restored.transform(table), full), "restored step transforms bit for bit like the fitted one", sourceLocation: sourceLocation)
  #expect(restored.state.canonicalText == fitted.state.canonicalText, "restored state is the saved state", sourceLocation: sourceLocation)
  return full
}
