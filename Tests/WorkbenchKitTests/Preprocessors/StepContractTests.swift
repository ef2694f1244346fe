import Testing
@testable import WorkbenchKit

/// Every new step on a mixed table: subset invariance, bit-identical transform after restore, row provenance.
@Suite("preprocessing step contract")
struct StepContractTests {
  static let table = DataTable(
    columns: [
      .numeric("income", [52, 61, .nan, 48, 250, 57, 49, 66, 60, 55]),
      .categorical("region", ["north", "south", "east", nil, "north", "west", "east", "south", "north", "east"]),
      .numeric("frequency", [3, 5, 4, 2, 30, 4, .nan, 6, 5, 4]),
      .numeric("recency", [10, 3, 7, 20, 1, 14, 9, 5, 6, 8]),
      .categorical("size", ["s", "m", "l", "m", "l", "s", "m", "m", "l", "s"]),
    ],
    sourceLines: Array(2...11), sourceName: "customers.csv")

  static let complete = DataTable(
    columns: [
      .numeric("income", [52, 61, 70, 48, 250, 57, 49, 66, 60, 55]),
      .categorical("region", ["north", "south", "east", "west", "north", "west", "east", "south", "north", "east"]),
      .numeric("frequency", [3, 5, 4, 2, 30, 4, 7, 6, 5, 4]),
      .numeric("recency", [10, 3, 7, 20, 1, 14, 9, 5, 6, 8]),
    ],
    sourceLines: Array(2...11), sourceName: "customers.csv")

  static let subset = [7, 0, 4, 3, 9]

  static let steps: [(String, any Preprocessor.Type, [String: JSONValue], DataTable)] = [
    ("select", SelectColumns.self, ["columns": ["recency", "region"]], table),
    ("drop", DropColumns.self, ["columns": ["size"]], table),
    ("derive", Derive.self, ["columns": ["spend": "income * frequency", "log_income": "log(income - 50)", "income": "income / 1000"]], table),
    ("knn-impute", KNNImpute.self, ["n_neighbors": 2, "weights": "distance"], table),
    ("drop-missing", DropMissing.self, [:], table),
    ("remove-outliers iqr", RemoveOutliers.self, [:], table),
    ("remove-outliers zscore all", RemoveOutliers.self, ["method": "zscore", "threshold": 2, "rule": "all"], table),
    ("clip", Clip.self, ["lower": 0.1, "upper": 0.9], table),
    ("minmax-scaler", MinMaxScaler.self, ["min": -1, "max": 1], table),
    ("robust-scaler", RobustScaler.self, [:], table),
    ("maxabs-scaler", MaxAbsScaler.self, [:], table),
    ("log1p", Log1p.self, [:], table),
    ("power-transform", PowerTransform.self, [:], table),
    ("power-transform box-cox", PowerTransform.self, ["method": "box-cox", "columns": ["income", "recency"]], table),
    ("one-hot", OneHot.self, ["drop_first": true], table),
    ("ordinal", Ordinal.self, ["columns": ["size"], "order": ["s", "m", "l"]], table),
    ("pca", PCA.self, ["n_components": 2, "whiten": true], complete),
  ]

  @Test("transforming a subset of rows equals that subset of the full transform, and restore(state:) reproduces it bit for bit")
  func contract() throws {
    for (label, type, params, table) in Self.steps {
      let plugin = try type.init(validated: Parameters.resolve(params, for: type, at: Location()).get())
      do {
        _ = try checkStepContract(plugin, on: table, subset: Self.subset)
      } catch {
        Issue.record("step \(label): \(error)")
      }
    }
  }

  @Test("every new step is registered and has a summary recording what it changed")
  func summaries() throws {
    for (label, type, params, table) in Self.steps {
      #expect(PluginRegistry.builtIn.names(of: .preprocessor).contains(type.name), "\(label)")
      let plugin = try type.init(validated: Parameters.resolve(params, for: type, at: Location()).get())
      let summary = try #require(try plugin.fit(table, context: FitContext(seed: 0)).summary, "\(label)")
      let keys = Set(summary.object?.keys.map { $0 } ?? [])
      let counts: Set<String> = ["changed_cells", "filled_cells", "dropped_rows", "removed_rows", "encoded_cells", "invalid_cells", "dropped", "n_components"]
      #expect(!keys.isDisjoint(with: counts), "\(label) summary \(keys.sorted())")
    }
  }

  @Test("numeric steps pass categorical columns through unchanged and in place")
  func categoricalPassThrough() throws {
    for type in [MinMaxScaler.self, RobustScaler.self, MaxAbsScaler.self, Clip.self, Log1p.self, PowerTransform.self, KNNImpute.self] as [any Preprocessor.Type] {
      let plugin = try type.init(validated: Parameters.resolve([:], for: type, at: Location()).get())
      let out = try plugin.fit(Self.table, context: FitContext(seed: 0)).transform(Self.table)
      #expect(out.columnNames == Self.table.columnNames, "\(type.name)")
      #expect(out.columns[1] == Self.table.columns[1] && out.columns[4] == Self.table.columns[4], "\(type.name)")
    }
  }

  @Test("a numeric step explicitly given a categorical column is a data error naming it, with the fix")
  func explicitCategorical() throws {
    let plugin = try makePlugin(RobustScaler.self, ["columns": ["income", "region"]])
    do {
      _ = try plugin.fit(Self.table, context: FitContext(seed: 0))
      Issue.record("expected an error")
    } catch let error as DataError {
      #expect(error.problem.location.columnName == "region")
      #expect(error.problem.fix?.contains("one-hot") == true)
    }
  }
}
