import Testing
@testable import WorkbenchKit

/// Reference values from scikit-learn 1.9.1 / numpy 2.4.6 at development time:
/// `StandardScaler().fit(X)` with X = [[1, 10, 5], [2, nan, 5], [4, 30, 5], [7.5, 25, 5], [nan, 12.5, 5]].
@Suite("standard-scaler")
struct StandardScalerTests {
  private let table = DataTable.gapsSample

  private func close(_ a: Double, _ b: Double, _ tol: Double = 1e-12) -> Bool {
    a.isNaN ? b.isNaN : abs(a - b) <= tol * max(1, abs(b))
  }

  @Test("mean, variance and scale match sklearn, ignoring NaN; a constant column gets scale 1")
  func statistics() throws {
    let fitted = try StandardScaler().fitScaler(table)
    #expect(fitted.statistics["mean"] == [3.625, 19.375, 5.0])
    #expect(zip(fitted.statistics["var"]!, [6.171875, 69.921875, 0.0]).allSatisfy { close($0, $1) })
    #expect(zip(fitted.scales, [2.484325864293974, 8.361930100162283, 1.0]).allSatisfy { close($0, $1) })
  }

  @Test("transform matches sklearn and keeps NaN and source lines")
  func transform() throws {
    let out = try StandardScaler().fitScaler(table).transform(table)
    let a = try #require(out.column(named: "a")?.numbers)
    let b = try #require(out.column(named: "b")?.numbers)
    let expectedA = [-1.056624671395918, -0.6541009870546158, 0.1509463816279883, 1.5597792768225456, Double.nan]
    let expectedB = [-1.1211526391279036, Double.nan, 1.2706396576782908, 0.6726915834767423, -0.8221786020271294]
    #expect(zip(a, expectedA).allSatisfy { close($0, $1) })
    #expect(zip(b, expectedB).allSatisfy { close($0, $1) })
    #expect(out.column(named: "c")?.numbers == [0, 0, 0, 0, 0])
    #expect(out.sourceLines == table.sourceLines)
  }

  @Test("with_mean false only divides by the scale")
  func withoutMean() throws {
    let out = try StandardScaler(withMean: false).fitScaler(table).transform(table)
    let a = try #require(out.column(named: "a")?.numbers)
    let expected = [0.4025236843413021, 0.8050473686826042, 1.6100947373652084, 3.0189276325597656, Double.nan]
    #expect(zip(a, expected).allSatisfy { close($0, $1) })
  }

  @Test("with_std false only centers")
  func withoutStd() throws {
    let out = try StandardScaler(withStd: false).fitScaler(table).transform(table)
    #expect(out.column(named: "c")?.numbers == [0, 0, 0, 0, 0])
    #expect(out.column(named: "a")?.numbers?.prefix(4) == [-2.625, -1.625, 0.375, 3.875])
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
    #expect(s.object?["mean"]?.object?["a"] == .double(3.625))
    #expect(s.object?["scale"]?.object?["c"] == .double(1))
  }
}
