import Testing
import WorkbenchTestSupport
@testable import WorkbenchKit

/// Reference values: the "impute" cases on the "gaps" data (`DataTable.gapsSample`) and "impute_text" in
/// Fixtures/preprocessing.json, written by generate_preprocessing_fixtures.py (scikit-learn 1.9.1 `SimpleImputer`).
@Suite("impute")
struct ImputeTests {
  private let table = DataTable.gapsSample

  private func fills(_ strategy: Impute.Strategy, _ t: DataTable? = nil) throws -> [FittedImpute.Fill] {
    try Impute(strategy: strategy).fitImputer(t ?? table).fills
  }

  @Test("mean, median and most_frequent equal sklearn's statistics and transform", arguments: [Impute.Strategy.mean, .median, .mostFrequent])
  func statistics(_ strategy: Impute.Strategy) throws {
    let reference = try PreprocessingFixture.shared.get().only("impute", on: "gaps", ["strategy": .string(strategy.rawValue)])
    #expect(try fills(strategy) == PreprocessingFixture.values(reference.learned["statistics"]).map { .number($0) })
    #expect(largestError(numericRows(try Impute(strategy: strategy).fitImputer(table).transform(table)), reference.output) == 0)
  }

  @Test("most_frequent ties go to the smallest value, numeric and categorical, as in sklearn")
  func ties() throws {
    let text = try PreprocessingFixture.shared.get().imputeText
    let numeric = PreprocessingFixture.values(try FixtureLoader.field(text, "tied_numeric"))
    let labels = (try FixtureLoader.field(text, "tied_text").array ?? []).map(\.string)
    let t = DataTable(columns: [.numeric("n", numeric), .categorical("s", labels)])
    let expectedNumber = try #require(try FixtureLoader.field(text, "tied_numeric_most_frequent").number)
    let expectedLabel = try #require(try FixtureLoader.field(text, "tied_text_most_frequent").string)
    #expect(try fills(.mostFrequent, t) == [.number(expectedNumber), .label(expectedLabel)])
  }

  @Test("categorical columns use most_frequent under mean and median, sklearn's missing_value under constant")
  func categoricalStrategies() throws {
    let fill = try #require(try FixtureLoader.field(PreprocessingFixture.shared.get().imputeText, "text_constant_fill").string)
    let t = DataTable(columns: [.categorical("s", ["x", nil, "y", "x"])])
    #expect(try fills(.mean, t) == [.label("x")])
    #expect(try fills(.median, t) == [.label("x")])
    #expect(try Impute(strategy: .constant, fillValue: 9).fitImputer(t).fills == [.label(fill)])
  }

  @Test("transform fills every missing cell and keeps the rest")
  func transform() throws {
    let t = DataTable(columns: [.numeric("n", [1, .nan, 3]), .categorical("s", [nil, "a", "a"])], sourceLines: [2, 3, 4])
    let fitted = try Impute(strategy: .constant, fillValue: -1).fitImputer(t)
    let out = try fitted.transform(t)
    #expect(out.column(named: "n")?.numbers == [1, -1, 3])
    #expect(out.column(named: "s")?.labels == ["missing_value", "a", "a"])
    #expect(out.sourceLines == [2, 3, 4])
  }

  @Test("the summary records fill values and how many cells were filled")
  func summary() throws {
    let s = try Impute().fitImputer(table).summary
    let means = PreprocessingFixture.values(try PreprocessingFixture.shared.get().only("impute", on: "gaps", ["strategy": "mean"]).learned["statistics"])
    #expect(means.count == 3)
    #expect(s == ["filled_cells": 2, "values": .object(Dictionary(uniqueKeysWithValues: zip(["a", "b", "c"], means.map { JSONValue.double($0) })))])
  }

  @Test("an all-missing column is a data error naming it, unless the strategy is constant")
  func allMissing() throws {
    let t = DataTable(columns: [.numeric("a", [1, 2]), .numeric("income", [.nan, .nan])], sourceName: "x.csv")
    do {
      _ = try Impute(strategy: .median).fitImputer(t)
      Issue.record("expected an error")
    } catch {
      #expect(error.problem.location == Location(file: "x.csv", columnName: "income"))
    }
    #expect(try Impute(strategy: .constant).fitImputer(t).fills == [.number(0), .number(0)])
  }

  @Test("transform on a table missing a fitted column is a data error")
  func missingColumn() throws {
    let fitted = try Impute().fitImputer(table)
    #expect(throws: DataError.self) { try fitted.transform(table.selecting(columns: ["a", "b"])) }
  }

  @Test("parameters resolve with strategy mean and fill_value 0 by default")
  func parameters() throws {
    let p = try Parameters.resolve([:], for: Impute.self, at: Location()).get()
    let impute = Impute(validated: p)
    #expect(impute.strategy == .mean && impute.fillValue == 0)
    let q = try Parameters.resolve(["strategy": "most_frequent"], for: Impute.self, at: Location()).get()
    #expect(Impute(validated: q).strategy == .mostFrequent)
  }

  @Test("the built-in registry lists impute and standard-scaler as preprocessors")
  func registry() {
    #expect(PluginRegistry.builtIn.preprocessor(named: "impute")?.summary == Impute.summary)
    #expect(PluginRegistry.builtIn.preprocessor(named: "standard-scaler")?.parameters == StandardScaler.parameters)
  }
}
