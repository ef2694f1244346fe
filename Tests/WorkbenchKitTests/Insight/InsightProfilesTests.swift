import Testing
@testable import WorkbenchKit
import WorkbenchTestSupport

/// Profiles in original units: hand-computed values, missing values, and the reasons given instead of NaN.
@Suite("Insight profiles")
struct InsightProfilesTests {
  @Test("segment rows group by sorted id, noise first and excluded rows left out, for small ids and ids beyond the row count")
  func grouping() {
    let small = SegmentRows(labels: [2, -1, nil, 0, 2, 0])
    #expect(small.ids == [-1, 0, 2] && small.rows == [[1], [3, 5], [0, 4]] && small.groupOfRow == [2, 0, -1, 1, 2, 1])
    #expect(small.includedRows == 5 && small.excludedRows == 1 && small.includedRowIndices == [0, 1, 3, 4, 5])
    let large = SegmentRows(labels: [5_000_000, -1, nil, 3, 5_000_000])
    #expect(large.ids == [-1, 3, 5_000_000] && large.rows == [[1], [3], [0, 4]] && large.groupOfRow == [2, 0, -1, 1, 2])
    #expect(SegmentRows(labels: [nil, nil]).ids.isEmpty && SegmentRows(labels: []).count == 0)
  }

  @Test("numeric summaries, relative differences and z-scores match hand computation (numpy quartiles, n − 1 SD)")
  func numericValues() throws {
    let rows = SegmentRows(labels: [0, 0, 0, 1, 1, 1, nil])
    let profile = NumericColumnProfile(column: "x", values: GroupedValues(column: [1, 2, 3, 4, .nan, 10, 99], rows: rows))
    let a = profile.segments[0], b = profile.segments[1]
    #expect(a.count == 3 && a.missing == 0 && b.count == 2 && b.missing == 1)
    #expect(a.mean == .value(2) && a.median == .value(2) && a.lowerQuartile == .value(1.5) && a.upperQuartile == .value(2.5))
    #expect(a.standardDeviation == .value(1) && a.minimum == .value(1) && a.maximum == .value(3))
    expectClose(try #require(b.standardDeviation.value), 18.0.squareRoot(), relative: 1e-15)
    #expect(profile.population.count == 5 && profile.population.missing == 1)
    #expect(profile.population.mean == .value(4))
    #expect(profile.relativeDifferences[0] == .value(-0.5) && profile.relativeDifferences[1] == .value(0.75))
    expectClose(try #require(profile.zScores[0].value), -2 / 12.5.squareRoot(), relative: 1e-15)
  }

  @Test("constant columns, zero means, single values and all-missing segments give reasons, never NaN")
  func reasons() {
    let rows = SegmentRows(labels: [0, 0, 1, 2, 2])
    let constant = NumericColumnProfile(column: "c", values: GroupedValues(column: [3, 3, 3, 3, 3], rows: rows))
    #expect(constant.zScores.allSatisfy { $0 == .undefined("constant column: every value is 3") })
    #expect(constant.segments[0].standardDeviation == .value(0))
    let centred = NumericColumnProfile(column: "z", values: GroupedValues(column: [-1, 1, -2, 2, 0], rows: rows))
    #expect(centred.relativeDifferences[0] == .undefined("the population mean is 0, so a relative difference has no meaning"))
    #expect(centred.segments[1].standardDeviation == .undefined("a single value has no standard deviation"))
    let gaps = NumericColumnProfile(column: "g", values: GroupedValues(column: [1, 2, 5, .nan, .nan], rows: rows))
    #expect(gaps.segments[2].mean == .undefined("no values: all 2 are missing"))
    #expect(gaps.zScores[2] == .undefined("no values: all 2 are missing"))
  }

  @Test("categorical shares per segment, with missing cells counted and categories sorted")
  func categorical() throws {
    let rows = SegmentRows(labels: [-1, 0, 0, 0, 1, nil])
    let profile = CategoricalColumnProfile(column: "r", labels: ["n", "s", "n", nil, "s", "e"], rows: rows)
    #expect(rows.ids == [-1, 0, 1])
    #expect(profile.categories == ["n", "s"])
    #expect(profile.segments.map(\.counts) == [[1, 0], [1, 1], [0, 1]])
    #expect(profile.segments[1].missing == 1 && profile.segments[1].shares == [0.5, 0.5])
    #expect(profile.population.counts == [2, 2] && profile.population.missing == 1)
  }

  @Test("identifier columns and identifier-like categorical columns are skipped with the reason")
  func identifiers() throws {
    let n = 120
    let table = DataTable(columns: [
      .categorical("customer_id", (0..<n).map { "C\($0)" }), .numeric("x", (0..<n).map(Double.init)),
      .categorical("code", (0..<n).map { "k\($0)" }),
    ])
    let insight = try SegmentInsight.compute(
      table: table, labels: (0..<n).map { $0 % 2 }, features: ["x"], roles: InsightRoles(), seed: 1, options: InsightOptions(trees: 2, permutationRepeats: 1))
    #expect(insight.profiles.skipped == [
      SkippedColumn(column: "customer_id", reason: "identifier column"),
      SkippedColumn(column: "code", reason: "120 distinct values in 120 rows: looks like an identifier"),
    ])
    #expect(insight.profiles.numeric.map(\.column) == ["x"] && insight.profiles.categorical.isEmpty)
  }
}
