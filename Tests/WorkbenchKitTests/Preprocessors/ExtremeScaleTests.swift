import Foundation
import Testing
import WorkbenchNumerics
import WorkbenchTestSupport
@testable import WorkbenchKit

/// Issue 17, "numerics that stay right at extreme scales": Iris multiplied by 1e300, 1e-300 and shifted to ±1e308,
/// through the scalers, the imputer, outlier fences, derive and the algorithms.
@Suite("extreme scales")
struct ExtremeScaleTests {
  static let iris = try! ReferenceDataset.load("iris-raw").x
  static let names = ["sepal_length", "sepal_width", "petal_length", "petal_width"]

  /// Iris with every value multiplied by `factor` (and `shift` added), as a table; values differ from Iris's by the
  /// rounding of that product, so scaled outputs agree to about 1e-11, not to the bit.
  static func table(_ factor: Double, shift: Double = 0) -> DataTable {
    DataTable(columns: names.indices.map { c in .numeric(names[c], (0..<iris.rows).map { iris[$0, c] * factor + shift }) })
  }

  static func column(_ table: DataTable, _ c: Int) -> [Double] { table.column(named: names[c])!.numbers! }

  @Test("standard-scaler gives Iris's scaled values for Iris × 1e300, × 1e-300 and near ±1.8e308", arguments: [1e300, 1e-300, 2e307])
  func standardScalerAtAnyScale(_ factor: Double) throws {
    let reference = try StandardScaler().fitScaler(Self.table(1)).transform(Self.table(1))
    let data = Self.table(factor, shift: factor == 2e307 ? -8e307 : 0)
    let scaled = try StandardScaler().fitScaler(data).transform(data)
    for c in 0..<4 {
      expectClose(Self.column(scaled, c), Self.column(reference, c), relative: 1e-10, floor: 1e-12, "column \(c)")
    }
  }

  @Test("inside the band the moments are the two-pass formulas bit for bit (scikit-learn's _incremental_mean_and_var)")
  func momentsInsideTheBand() throws {
    let x = Self.column(Self.table(1), 2)
    let mean = x.reduce(0, +) / Double(x.count)
    var correction = 0.0, squares = 0.0
    for v in x {
      correction += v - mean
      squares += (v - mean) * (v - mean)
    }
    let variance = (squares - correction * correction / Double(x.count)) / Double(x.count)
    let moments = try #require(ColumnMoments(x))
    #expect(moments.mean == mean)
    #expect(moments.variance == variance)
    #expect(moments.standardDeviation == variance.squareRoot())
  }

  @Test("a variance beyond the doubles is left out of the summary; every recorded number is finite")
  func overflowingVarianceIsNotRecorded() throws {
    let fitted = try StandardScaler().fitScaler(Self.table(1e300))
    #expect(fitted.statistics["var"] == nil)
    #expect(fitted.state.firstNonFinitePath() == nil)
    #expect(fitted.summary?.firstNonFinitePath() == nil)
    #expect(try StandardScaler().fitScaler(Self.table(1)).statistics["var"] != nil)
  }

  @Test("minmax, maxabs and robust scalers give Iris's values at 1e-300 and across ±1.7e308", arguments: ["minmax-scaler", "maxabs-scaler", "robust-scaler"])
  func otherScalers(_ name: String) throws {
    let type = try #require(PluginRegistry.builtIn.preprocessor(named: name))
    let step = try type.instance()
    let reference = try step.fit(Self.table(1), context: FitContext(seed: 0)).transform(Self.table(1))
    let tiny = try step.fit(Self.table(1e-300), context: FitContext(seed: 0)).transform(Self.table(1e-300))
    for c in 0..<4 { expectClose(Self.column(tiny, c), Self.column(reference, c), relative: 1e-12, floor: 1e-12, "\(name) × 1e-300, column \(c)") }
    let wide = DataTable(columns: [.numeric("w", [-1.7e308, 0, 1.7e308, 0.85e308])])
    let fitted = try step.fit(wide, context: FitContext(seed: 0))
    let out = try #require(try fitted.transform(wide).column(named: "w")?.numbers)
    let finite = out.allSatisfy(\.isFinite)
    #expect(finite, "\(name): \(out)")
    #expect(fitted.state.firstNonFinitePath() == nil)
  }

  @Test("robust-scaler on a column split between ±1.7e308 centres on the median 0 and scales to ±0.5")
  func robustScalerAcrossTheDoubles() throws {
    let values = (0..<12).map { $0 % 2 == 0 ? 1.7e308 : -1.7e308 }
    let table = DataTable(columns: [.numeric("a", values), .numeric("b", (0..<12).map { Double($0 % 3) })])
    let fitted = try makePlugin(RobustScaler.self).fit(table, context: FitContext(seed: 0))
    #expect(fitted.state.firstNonFinitePath() == nil && fitted.summary?.firstNonFinitePath() == nil)
    #expect(try fitted.transform(table).column(named: "a")?.numbers == values.map { $0 > 0 ? 0.5 : -0.5 })
  }

  @Test("mean and median imputation of values near ±1.8e308 stay finite")
  func imputeNearTheLargestDouble() throws {
    let table = DataTable(columns: [.numeric("a", [1.7e308, 1.7e308, .nan]), .numeric("b", [-1.7e308, 1.7e308, .nan])])
    let mean = try Impute(strategy: .mean).fitImputer(table).transform(table)
    #expect(mean.column(named: "a")?.numbers == [1.7e308, 1.7e308, 1.7e308])
    #expect(mean.column(named: "b")?.numbers == [-1.7e308, 1.7e308, 0])
    let median = try Impute(strategy: .median).fitImputer(table).transform(table)
    #expect(median.column(named: "a")?.numbers == [1.7e308, 1.7e308, 1.7e308])
  }

  @Test("outlier fences beyond the doubles are clamped, so the saved state is finite and keeps the same rows", arguments: ["iqr", "zscore"])
  func fencesStayFinite(_ method: String) throws {
    let table = DataTable(columns: [.numeric("a", [-1.7e308, -1e308, 0, 1e308, 1.7e308])])
    let step = try makePlugin(RemoveOutliers.self, ["method": .string(method)])
    let fitted = try step.fit(table, context: FitContext(seed: 0))
    #expect(fitted.state.firstNonFinitePath() == nil)
    #expect(try fitted.transform(table).rowCount == 5)
  }

  @Test("derive: an overflow is a missing cell counted as invalid, never ∞")
  func deriveOverflow() throws {
    let table = DataTable(columns: [.numeric("a", [1e308, 1, 1000])])
    let step = try makePlugin(Derive.self, ["columns": ["p": "a * 10", "e": "exp(a)"]])
    let fitted = try #require(try step.fit(table, context: FitContext(seed: 0)) as? FittedDerive)
    let out = try fitted.transform(table)
    #expect(out.column(named: "p")?.numbers?.map(\.isNaN) == [true, false, false])
    #expect(out.column(named: "e")?.numbers?.map(\.isNaN) == [true, false, true])
    #expect(fitted.invalidCells == [2, 1])
  }

  @Test("pca and power-transform refuse columns of 1e300 with the column and the fix", arguments: ["pca", "power-transform"])
  func stepsThatSquareRefuseExtremeColumns(_ name: String) throws {
    let type = try #require(PluginRegistry.builtIn.preprocessor(named: name))
    let step = try type.instance()
    #expect {
      _ = try step.fit(Self.table(1e300), context: FitContext(seed: 0))
    } throws: { error in
      "\(error)".contains("\(name) cannot work on this column: the column 'sepal_length' holds values up to 7.900000000000001e+300")
        && "\(error)".contains("put a \"standard-scaler\" step before \(name)")
    }
  }

  @Test("a step whose output overflows is a data error naming the step and the column")
  func checkedTransform() throws {
    let fitted = FittedColumnScaling(
      step: "standard-scaler", columnNames: ["a"], centers: [0], scales: [1e-300], multipliers: [1], offsets: [0], statistics: [:])
    let table = DataTable(columns: [.numeric("a", [1, 1e10])], sourceLines: [2, 3], sourceName: "d.csv")
    #expect(throws: DataError(
      Location(file: "d.csv", line: 3, columnName: "a"), "standard-scaler produced an infinite value (an overflow) in column 'a'.",
      fix: "put a \"standard-scaler\" step before standard-scaler, or rescale the input columns.")) {
      _ = try fitted.checkedTransform(table, step: "standard-scaler")
    }
  }

  @Test("a step that learns a non-finite value is a data error naming where (pca of a constant column)")
  func checkedFit() throws {
    let table = DataTable(columns: [.numeric("a", [1, 1, 1]), .numeric("b", [2, 2, 2])], sourceName: "d.csv")
    #expect {
      _ = try PCA(validated: Parameters.resolve([:], for: PCA.self, at: Location()).get()).checkedFit(table, context: FitContext(seed: 0))
    } throws: { error in
      "\(error)".hasPrefix("d.csv: pca learned a value that is not a finite number (summary.")
    }
  }
}

/// Issue 17: whole trials on Iris at extreme scales (raw pipelines refused with the column and fix, scaled ones right).
@Suite("extreme scales through a trial")
struct ExtremeScaleTrialTests {
  /// Iris multiplied by `factor` as a CSV file, and a function removing it.
  static func csv(_ factor: Double) throws -> String {
    let x = ExtremeScaleTests.iris
    var text = "id,sepal_length,sepal_width,petal_length,petal_width\n"
    for r in 0..<x.rows { text += "\(r + 1)," + (0..<4).map { "\(x[r, $0] * factor)" }.joined(separator: ",") + "\n" }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("iris-\(factor)-\(UUID().uuidString).csv").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static func labels(_ factor: Double, scaling: SingleTrial.Scaling) throws -> SingleTrial.Outcome {
    let path = try csv(factor)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try SingleTrial(dataPath: path, algorithm: "kmeans", settings: ["k": 3], idColumn: "id", scaling: scaling, seed: 1)
      .run(registry: .builtIn)
  }

  @Test("standard-scaled Iris × 1e300, × 1e-300 and × 2e307 cluster exactly as standard-scaled Iris", arguments: [1e300, 1e-300, 2e307])
  func scaledTrialsAreRight(_ factor: Double) throws {
    let reference = try Self.labels(1, scaling: .standard)
    let extreme = try Self.labels(factor, scaling: .standard)
    #expect(extreme.record.status == .ok, "\(extreme.record.error ?? "")")
    #expect(extreme.labels?.labels == reference.labels?.labels)
    #expect(extreme.record.sizes == reference.record.sizes)
    expectClose(extreme.record.metrics["silhouette"]?.value ?? .nan, reference.record.metrics["silhouette"]?.value ?? 0, relative: 1e-9)
  }

  @Test("raw Iris × 1e300 and × 1e-300 fail the trial naming the column and the fix, instead of a [149, 1] or one-cluster answer", arguments: [1e300, 1e-300])
  func rawTrialsFailWithTheFix(_ factor: Double) throws {
    let outcome = try Self.labels(factor, scaling: .none)
    #expect(outcome.record.status == .failed)
    #expect(outcome.record.error?.contains("the column 'sepal_length' holds values") == true, "\(outcome.record.error ?? "")")
    #expect(outcome.record.error?.contains("add a \"standard-scaler\" step to the pipeline") == true)
  }

  @Test("two groups at ±1e300 are refused by kmeans and kprototypes, not returned as one cluster or sizes [100, 0]", arguments: ["kmeans", "kprototypes"])
  func separatedGroupsAtExtremes(_ name: String) throws {
    let x = Matrix((0..<100).map { [($0 < 50 ? -1e300 : 1e300) + Double($0 % 7) * 1e297] })
    let type = try #require(PluginRegistry.builtIn.algorithm(named: name))
    let algorithm = try type.instance(["k": 2])
    let categorical = name == "kprototypes" ? [CategoricalFeature(name: "g", levels: ["a"], codes: Array(repeating: 0, count: 100))] : []
    #expect {
      _ = try algorithm.fit(ClusteringInput(numeric: x, numericNames: ["v"], categorical: categorical), context: FitContext(seed: 0))
    } throws: { error in
      "\(error)".contains("the column 'v' holds values up to 1.006") && "\(error)".contains("beyond ±1e+100")
    }
  }
}

/// Issue 17: "some metrics are null with no entry in undefined_metrics".
@Suite("checked metric scores")
struct CheckedScoreTests {
  /// A metric whose value is whatever it is told, to stand for one that divides by zero.
  private struct FixedMetric: ClusterMetric {
    static let name = "fixed"
    static let summary = "Returns a fixed value."
    static let parameters: [ParameterSpec] = []
    static let direction = MetricDirection.higherIsBetter
    static let bounds: ClosedRange<Double>? = nil
    let score: Score
    init(validated: Parameters) { score = .value(0) }
    init(_ score: Score) { self.score = score }
    func score(_ input: MetricInput, context: FitContext) throws -> Score { score }
  }

  private let input = MetricInput(features: Matrix([[0, 1], [1, 0], [5, 5], [6, 5]]), clustering: Clustering(labels: [0, 0, 1, 1], clusterCount: 2))

  @Test("an infinite or NaN value becomes undefined with its reason", arguments: [Double.infinity, -.infinity, .nan])
  func nonFiniteValue(_ value: Double) throws {
    let score = try FixedMetric(.value(value)).checkedScore(input, context: FitContext(seed: 0))
    guard case .undefined(let reason) = score else {
      Issue.record("expected undefined, got \(score)")
      return
    }
    #expect(reason.hasPrefix("fixed is not a finite number for this clustering"))
  }

  @Test("an estimate with an infinite interval keeps its point value; finite values pass unchanged")
  func estimates() throws {
    #expect(try FixedMetric(.estimate(value: 0.5, low: -.infinity, high: 1)).checkedScore(input, context: FitContext(seed: 0)) == .value(0.5))
    #expect(try FixedMetric(.value(0.25)).checkedScore(input, context: FitContext(seed: 0)) == .value(0.25))
  }

  @Test("features outside the band make feature metrics undefined naming the column; external metrics still score")
  func extremeFeatures() throws {
    var big = input
    big.features = Matrix([[0, 1e300], [1, 0], [5, 5], [6, 5]])
    big.featureNames = ["age", "income"]
    big.truth = ["a", "a", "b", "b"]
    guard case .undefined(let reason) = try Silhouette(validated: Parameters.resolve([:], for: Silhouette.self, at: Location()).get())
      .checkedScore(big, context: FitContext(seed: 0))
    else {
      Issue.record("expected undefined")
      return
    }
    #expect(reason.hasPrefix("the column 'income' holds values up to 1e+300 in magnitude"))
    #expect(try AdjustedRandIndex(validated: Parameters.resolve([:], for: AdjustedRandIndex.self, at: Location()).get())
      .checkedScore(big, context: FitContext(seed: 0)) == .value(1))
  }

  @Test("a clustering carrying a non-finite number is a fit error naming where it is")
  func nonFiniteClustering() {
    let clustering = Clustering(labels: [0, 1], clusterCount: 2, diagnostics: Diagnostics(inertia: .infinity))
    #expect(throws: FitError.degenerate(
      "kmeans produced a value that is not a finite number (diagnostics.inertia), an overflow or a division by zero; "
        + "scale the features (a \"standard-scaler\" step) or change the parameters")) {
      _ = try clustering.requiringFinite(algorithm: "kmeans")
    }
  }
}
