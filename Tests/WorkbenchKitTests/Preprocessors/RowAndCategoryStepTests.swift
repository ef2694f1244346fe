import Testing
import WorkbenchTestSupport
@testable import WorkbenchKit

@Suite("row-removing and categorical steps")
struct RowAndCategoryStepTests {
  private let table = StepContractTests.table

  private func fit(_ type: any Preprocessor.Type, _ params: [String: JSONValue]) throws -> any FittedPreprocessor {
    try type.init(validated: Parameters.resolve(params, for: type, at: Location()).get()).fit(table, context: FitContext(seed: 0))
  }

  @Test("drop-missing removes incomplete rows, keeps sourceRows and source lines, and counts them")
  func dropMissing() throws {
    let fitted = try fit(DropMissing.self, [:])
    let out = try fitted.transform(table)
    #expect(out.sourceRows == [0, 1, 4, 5, 7, 8, 9])
    #expect(out.sourceLines == [2, 3, 6, 7, 9, 10, 11])
    #expect(fitted.summary?.object?["dropped_rows"] == 3)
    let only = try fit(DropMissing.self, ["columns": ["frequency"]]).transform(table)
    #expect(only.sourceRows == [0, 1, 2, 3, 4, 5, 7, 8, 9])
    let later = try fitted.transform(table.selecting(rows: [9, 6, 0]))
    #expect(later.sourceRows == [9, 0])
  }

  /// The fences are "tukey_fences" in Fixtures/preprocessing.json: numpy 2.4.6 `np.nanquantile` quartiles of the
  /// present cells ± 1.5 IQR (generate_preprocessing_fixtures.py), on this table's income and frequency.
  @Test("remove-outliers learns numpy-quartile fences, removes rows by the any/all rule and keeps sourceRows")
  func removeOutliers() throws {
    let fences = try PreprocessingFixture.shared.get().tukeyFences
    let columns = (try FixtureLoader.field(fences, "columns").array ?? []).compactMap(\.string)
    for (name, values) in zip(columns, try FixtureLoader.field(fences, "values").array ?? []) {
      #expect(largestError([try #require(table.column(named: name)?.numbers)], [PreprocessingFixture.values(values)]) == 0, "the fixture's \(name)")
    }
    let fitted = try #require(try fit(RemoveOutliers.self, ["columns": .array(columns.map { .string($0) })]) as? FittedRemoveOutliers)
    #expect(columns == ["income", "frequency"])
    #expect(fitted.lowerBounds == PreprocessingFixture.values(try FixtureLoader.field(fences, "lower")))
    #expect(fitted.upperBounds == PreprocessingFixture.values(try FixtureLoader.field(fences, "upper")))
    let out = try fitted.transform(table)
    #expect(out.sourceRows == [0, 1, 2, 5, 6, 7, 8, 9])
    #expect(fitted.removedRows == 2 && fitted.outlierCells == [1, 2])
    let all = try fit(RemoveOutliers.self, ["columns": ["income", "frequency"], "rule": "all"]).transform(table)
    #expect(all.sourceRows == [0, 1, 2, 3, 5, 6, 7, 8, 9])
  }

  @Test("one-hot names columns region=value in sorted order, in place; unseen and missing labels give all zeros")
  func oneHot() throws {
    let fitted = try fit(OneHot.self, ["columns": ["region"]])
    let out = try fitted.transform(table)
    #expect(out.columnNames == ["income", "region=east", "region=north", "region=south", "region=west", "frequency", "recency", "size"])
    #expect(out.column(named: "region=north")?.numbers == [1, 0, 0, 0, 1, 0, 0, 0, 1, 0])
    let fresh = DataTable(columns: [.numeric("income", [1]), .categorical("region", ["central"]), .numeric("frequency", [1]), .numeric("recency", [1]), .categorical("size", ["s"])])
    let encoded = try fitted.transform(fresh)
    #expect(encoded.columns.compactMap(\.numbers).dropFirst().prefix(4).allSatisfy { $0 == [0] })
  }

  @Test("ordinal codes follow the given order; an unseen label is a data error naming row, column and the known categories")
  func ordinal() throws {
    let fitted = try fit(Ordinal.self, ["columns": ["size"], "order": ["s", "m", "l"]])
    #expect(try fitted.transform(table).column(named: "size")?.numbers == [0, 1, 2, 1, 2, 0, 1, 1, 2, 0])
    let sorted = try fit(Ordinal.self, ["columns": ["region"]]).transform(table).column(named: "region")?.numbers
    #expect(sorted?.map { $0.isNaN ? -1 : $0 } == [1, 2, 0, -1, 1, 3, 0, 2, 1, 0])
    let fresh = DataTable(columns: [.categorical("size", ["m", "xl"])], sourceLines: [2, 3], sourceName: "new.csv")
    do {
      _ = try fitted.transform(fresh)
      Issue.record("expected an error")
    } catch let error as DataError {
      #expect(error.problem.location == Location(file: "new.csv", line: 3, columnName: "size"))
      #expect(error.problem.message.contains("s, m, l"))
    }
    #expect(throws: ParameterError.self) { try makePlugin(Ordinal.self, ["order": ["a"]]) }
  }

  @Test("log1p and box-cox reject values they cannot take, naming row and column")
  func domainErrors() throws {
    let bad = DataTable(columns: [.numeric("balance", [3, -1.5, 2])], sourceLines: [2, 3, 4], sourceName: "b.csv")
    for (type, params) in [(Log1p.self, [:]), (PowerTransform.self, ["method": "box-cox"])] as [(any Preprocessor.Type, [String: JSONValue])] {
      let plugin = try type.init(validated: Parameters.resolve(params, for: type, at: Location()).get())
      do {
        _ = try plugin.fit(bad, context: FitContext(seed: 0))
        Issue.record("expected an error from \(type.name)")
      } catch let error as DataError {
        #expect(error.problem.location == Location(file: "b.csv", line: 3, columnName: "balance"))
      }
    }
  }

  @Test("pca takes at most one of n_components and variance (neither keeps all), and rejects more components than columns")
  func pcaParameters() throws {
    #expect(try makePlugin(PCA.self).fit(StepContractTests.complete, context: FitContext(seed: 0)).transform(StepContractTests.complete).columnNames == ["pc1", "pc2", "pc3", "region"])
    #expect(throws: ParameterError.self) { try makePlugin(PCA.self, ["n_components": 2, "variance": 0.9]) }
    let pca = try makePlugin(PCA.self, ["n_components": 4])
    #expect(throws: DataError.self) { try pca.fit(StepContractTests.complete, context: FitContext(seed: 0)) }
    let out = try makePlugin(PCA.self, ["variance": 1.0]).fit(StepContractTests.complete, context: FitContext(seed: 0)).transform(StepContractTests.complete)
    #expect(out.columnNames == ["pc1", "pc2", "pc3", "region"])
  }

  @Test("select and drop keep the named columns and suggest near names for unknown ones")
  func selectDrop() throws {
    #expect(try fit(SelectColumns.self, ["columns": ["size", "income"]]).transform(table).columnNames == ["size", "income"])
    #expect(try fit(DropColumns.self, ["columns": ["size", "income"]]).transform(table).columnNames == ["region", "frequency", "recency"])
    do {
      _ = try fit(SelectColumns.self, ["columns": ["incme"]])
      Issue.record("expected an error")
    } catch let error as DataError {
      #expect(error.problem.message.contains("did you mean 'income'"))
    }
  }
}
