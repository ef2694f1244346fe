import Testing
import WorkbenchTestSupport
@testable import WorkbenchKit

/// Reference values: the "standard-scaler" cases on the "gaps" data (`DataTable.gapsSample`) in
/// Fixtures/preprocessing.json, written by generate_preprocessing_fixtures.py (scikit-learn 1.9.1).
@Suite("standard-scaler")
struct StandardScalerTests {
  private let table = DataTable.gapsSample

  private func reference(_ params: [String: JSONValue] = [:]) throws -> PreprocessingFixture.Case {
    try PreprocessingFixture.shared.get().only("standard-scaler", on: "gaps", params)
  }

  @Test("the fixture's input is DataTable.gapsSample")
  func fixtureInput() throws {
    #expect(largestError(numericRows(table), try #require(PreprocessingFixture.shared.get().data["gaps"])) == 0)
  }

  @Test("mean, variance and scale match sklearn to 1e-12, ignoring NaN; a constant column gets scale 1")
  func statistics() throws {
    let fitted = try StandardScaler().fitScaler(table)
    let learned = try reference().learned
    for name in ["mean", "var"] {
      #expect(largestError([try #require(fitted.statistics[name])], [PreprocessingFixture.values(learned[name])]) <= 1e-12, "\(name)")
    }
    #expect(largestError([fitted.scales], [PreprocessingFixture.values(learned["scale"])]) <= 1e-12)
    #expect(fitted.scales.last == 1)
  }

  @Test("transform matches sklearn to 1e-12 and keeps NaN and source lines", arguments: [[:], ["with_mean": false], ["with_std": false]] as [[String: JSONValue]])
  func transform(_ params: [String: JSONValue]) throws {
    let scaler = StandardScaler(validated: try Parameters.resolve(params, for: StandardScaler.self, at: Location()).get())
    let out = try scaler.fitScaler(table).transform(table)
    #expect(largestError(numericRows(out), try reference(params).output) <= 1e-12)
    #expect(out.sourceLines == table.sourceLines)
  }

  @Test("transforming a subset of rows equals that subset of the full transform")
  func subsetInvariance() throws {
    let fitted = try StandardScaler().fitScaler(table)
    let full = try fitted.transform(table)
    #expect(try fitted.transform(table.selecting(rows: [3, 0])) == full.selecting(rows: [3, 0]))
  }

  @Test("categorical columns pass through unchanged; naming one explicitly is a data error")
  func categorical() throws {
    let mixed = DataTable(columns: [.numeric("a", [1, 3]), .categorical("gender", ["f", "m"])], sourceName: "x.csv")
    let out = try StandardScaler().fitScaler(mixed).transform(mixed)
    #expect(out.columns.map(\.name) == ["a", "gender"])
    #expect(out.column(named: "a")?.numbers == [-1, 1])
    #expect(out.column(named: "gender") == mixed.column(named: "gender"))
    #expect(throws: DataError.self) { try StandardScaler(columns: ["gender"]).fitScaler(mixed) }
  }

  @Test("an all-missing column is a data error naming it")
  func allMissing() {
    let empty = DataTable(columns: [.numeric("a", [.nan, .nan])])
    #expect(throws: DataError.self) { try StandardScaler().fitScaler(empty) }
  }

  @Test("parameters resolve from their declared defaults")
  func parameters() throws {
    let p = try Parameters.resolve(["with_std": false], for: StandardScaler.self, at: Location()).get()
    let scaler = StandardScaler(validated: p)
    #expect(scaler.withMean && !scaler.withStd)
  }

  @Test("the summary records mean, var and scale per column")
  func summary() throws {
    let s = try #require(try StandardScaler().fitScaler(table).summary)
    #expect(s.object?["mean"]?.object?["a"]?.number == PreprocessingFixture.values(try reference().learned["mean"]).first)
    #expect(s.object?["scale"]?.object?["c"] == .double(1))
  }
}
