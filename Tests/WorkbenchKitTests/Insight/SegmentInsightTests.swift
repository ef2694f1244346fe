import Testing
@testable import WorkbenchKit

/// The whole insight step: byte-stable JSON, a pure function of the data, and reasons instead of NaN in degenerate cases.
@Suite("Segment insight")
struct SegmentInsightTests {
  static let options = InsightOptions(trees: 4, permutationRepeats: 2)

  /// 400 simulated customers and a labelling by the true segment, with a few rows excluded and a few as noise.
  static func customers() -> (table: DataTable, labels: [Int?]) {
    let table = CustomerSimulator(rows: 400, seed: 8).table()
    let order = CustomerSegment.allCases.map(\.rawValue)
    let labels: [Int?] = table.column(named: "segment")!.labels!.enumerated().map { row, truth in
      row % 50 == 0 ? nil : (row % 37 == 0 ? -1 : order.firstIndex(of: truth!))
    }
    return (table, labels)
  }

  @Test("the JSON is byte-identical when computed twice and has every section")
  func byteStable() throws {
    let (table, labels) = Self.customers()
    let first = try SegmentInsight.compute(table: table, labels: labels, features: SegmentNamingTests.features, roles: InsightRoles(), seed: 3, options: Self.options)
    let second = try SegmentInsight.compute(table: table, labels: labels, features: SegmentNamingTests.features, roles: InsightRoles(), seed: 3, options: Self.options)
    #expect(first == second)
    let text = first.json.prettyText
    #expect(text == second.json.prettyText)
    for key in ["rows", "segments", "roles", "profiles", "tests", "importance", "behaviour"] { #expect(first.json.object?[key] != nil, "\(key)") }
    #expect(!text.contains("nan") && !text.contains("inf"))
    #expect(first.excludedRows == 8 && first.noiseRows == 10 && first.segments.first?.name.name == "Noise")
    #expect(first.segments.map(\.size).reduce(0, +) == first.includedRows)
  }

  @Test("profiles, tests and names do not depend on the order of the rows")
  func rowOrderFree() throws {
    let (table, labels) = Self.customers()
    let reversed = table.selecting(rows: Array((0..<table.rowCount).reversed()))
    let a = try SegmentInsight.compute(table: table, labels: labels, features: SegmentNamingTests.features, roles: InsightRoles(), seed: 3, options: Self.options)
    let b = try SegmentInsight.compute(
      table: reversed, labels: labels.reversed(), features: SegmentNamingTests.features, roles: InsightRoles(), seed: 3, options: Self.options)
    #expect(a.segments.map(\.name) == b.segments.map(\.name))
    #expect(a.profiles == b.profiles)
    #expect(a.numericTests == b.numericTests)
  }

  @Test("noise only: profiles exist, tests, importance and names say why, nothing is NaN")
  func noiseOnly() throws {
    let (table, labels) = Self.customers()
    let insight = try SegmentInsight.compute(table: table, labels: labels.map { $0 == nil ? nil : -1 }, features: ["income"], roles: InsightRoles(), seed: 1, options: Self.options)
    #expect(insight.segments.map(\.name.name) == ["Noise"])
    #expect(insight.numericTests.allSatisfy { $0.anova == .failure(StatisticUndefined("needs values in at least two segments")) })
    #expect(insight.importance == .failure(StatisticUndefined("needs at least two segments")))
    #expect(!insight.json.prettyText.contains("nan"))
  }

  @Test("every row excluded: no segments, every section says why, nothing crashes or is NaN")
  func allExcluded() throws {
    let (table, labels) = Self.customers()
    let insight = try SegmentInsight.compute(table: table, labels: labels.map { _ in nil }, features: ["income"], roles: InsightRoles(), seed: 1, options: Self.options)
    #expect(insight.segments.isEmpty && insight.includedRows == 0 && insight.excludedRows == 400)
    #expect(insight.profiles.numeric.allSatisfy { $0.population.mean == .undefined("no rows") })
    #expect(insight.ahaMoments == .failure(StatisticUndefined("no monetary values in the included rows")))
    #expect(insight.importance == .failure(StatisticUndefined("needs at least two segments")))
    let text = insight.json.prettyText
    #expect(!text.contains("nan") && !text.contains("inf"))
  }

  @Test("a single-row segment and a constant column give reasons in the JSON")
  func singleRowAndConstant() throws {
    let table = DataTable(columns: [
      .numeric("spend", [10, 12, 11, 50, 52, 51, 90]), .numeric("flat", [1, 1, 1, 1, 1, 1, 1]),
      .numeric("recency_days", [5, 6, 7, 50, 60, 55, 300]),
    ])
    let insight = try SegmentInsight.compute(
      table: table, labels: [0, 0, 0, 1, 1, 1, 2], features: ["spend", "flat", "recency_days"], roles: InsightRoles(), seed: 1, options: Self.options)
    let text = insight.json.prettyText
    #expect(text.contains("a single value has no standard deviation"))
    #expect(text.contains("constant column: every value is 1"))
    #expect(!text.contains("nan") && !text.contains("inf"))
    let flat = try #require(insight.numericTests.first { $0.column == "flat" })
    #expect(flat.anova == .failure(StatisticUndefined("constant column: all values are equal")))
    #expect(flat.kruskalWallis == .failure(StatisticUndefined("all values are equal")))
    #expect(Set(insight.segments.map(\.name.name)).count == 3)
  }

  @Test("a declared role naming a missing column is a located spec error with a suggestion")
  func badRole() {
    let (table, labels) = Self.customers()
    #expect {
      try SegmentInsight.compute(table: table, labels: labels, features: [], roles: InsightRoles(monetary: "monetery"), seed: 1)
    } throws: { error in
      let text = "\(error)"
      return text.contains("insight.roles.monetary") && text.contains("'monetery'") && text.contains("did you mean monetary")
    }
  }
}
