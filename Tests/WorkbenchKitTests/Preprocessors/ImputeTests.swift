import Testing
@testable import WorkbenchKit

/// Reference statistics from scikit-learn 1.9.1 `SimpleImputer(strategy=…).fit(X).statistics_`
/// at development time, X = [[1, 10, 5], [2, nan, 5], [4, 30, 5], [7.5, 25, 5], [nan, 12.5, 5]]:
/// mean [3.625, 19.375, 5], median [3, 18.75, 5], most_frequent [1, 10, 5];
/// most_frequent of [3, 1, 3, 1, nan, 2] is 1; of ["b", "a", nan, "b", "a"] is "a";
/// constant on text gives "missing_value".
@Suite("impute")
struct ImputeTests {
  private let table = DataTable.gapsSample

  private func fills(_ strategy: Impute.Strategy, _ t: DataTable? = nil) throws -> [FittedImpute.Fill] {
    try Impute(strategy: strategy).fitImputer(t ?? table).fills
  }

  @Test("mean, median and most_frequent match sklearn's statistics")
  func statistics() throws {
    #expect(try fills(.mean) == [.number(3.625), .number(19.375), .number(5)])
    #expect(try fills(.median) == [.number(3), .number(18.75), .number(5)])
    #expect(try fills(.mostFrequent) == [.number(1), .number(10), .number(5)])
  }

  @Test("most_frequent ties go to the smallest value, numeric and categorical")
  func ties() throws {
    let t = DataTable(columns: [.numeric("n", [3, 1, 3, 1, .nan, 2]), .categorical("s", ["b", "a", nil, "b", "a", "c"])])
    #expect(try fills(.mostFrequent, t) == [.number(1), .label("a")])
  }

  @Test("categorical columns use most_frequent under mean and median, missing_value under constant")
  func categoricalStrategies() throws {
    let t = DataTable(columns: [.categorical("s", ["x", nil, "y", "x"])])
    #expect(try fills(.mean, t) == [.label("x")])
    #expect(try fills(.median, t) == [.label("x")])
    #expect(try Impute(strategy: .constant, fillValue: 9).fitImputer(t).fills == [.label("missing_value")])
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
    #expect(s == ["filled_cells": 2, "values": ["a": 3.625, "b": 19.375, "c": 5.0]])
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
