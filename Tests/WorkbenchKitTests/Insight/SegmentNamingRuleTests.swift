import Testing
@testable import WorkbenchKit

/// The naming rule's parts: feature names without roles, qualifiers and uniqueness, column words, readable numbers.
@Suite("Segment naming rule")
struct SegmentNamingRuleTests {
  /// Names of `table` labelled by `labels`, features = every numeric column but identifiers.
  private func names(_ table: DataTable, _ labels: [Int?], roles: InsightRoles = InsightRoles()) throws -> [String] {
    let rows = SegmentRows(labels: labels)
    let resolved = try roles.resolved(for: table).roles
    let numeric = table.columns.filter { $0.isNumeric && !resolved.identifiers.contains($0.name) }
      .map { NumericColumnProfile(column: $0.name, values: GroupedValues(column: $0.numbers!, rows: rows)) }
    let profiles = InsightProfiles(numeric: numeric, categorical: [], skipped: [])
    return SegmentNaming.names(rows: rows, profiles: profiles, roles: resolved, features: numeric.map(\.column)).map(\.name)
  }

  @Test("without customer roles, Iris species are named by their two most distinctive measurements")
  func iris() throws {
    let table = try ShippedData.table("iris.csv")
    let (labels, groups) = ShippedData.labels(table, truth: "species")
    #expect(groups == ["setosa", "versicolor", "virginica"])
    let found = try names(table, labels)
    #expect(found[0] == "Low petal length · low petal width")
    #expect(found[2] == "High petal width · high petal length")
    #expect(Set(found).count == 3)
  }

  @Test("two segments earning the same label: the stronger keeps it, the other is qualified by its most distinctive feature")
  func qualified() throws {
    let recency: [Double] = [300, 310, 320, 200, 210, 220, 10, 12, 11, 9, 10, 12]
    let income: [Double] = [50, 52, 51, 90, 95, 92, 50, 51, 52, 50, 51, 52].map { $0 * 1_000 }
    let table = DataTable(columns: [.numeric("recency_days", recency), .numeric("income", income)])
    let found = try names(table, [0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2, 2])
    #expect(found[0] == "At risk")
    #expect(found[1] == "At risk · high income")
  }

  @Test("a segment is not named by a label far weaker than its own: it keeps its strongest label, qualified")
  func notByWeakerLabel() throws {
    // Segments 0 and 1 are both long silent (z of recency 0.99 and 0.92) and buy a little less often (z −0.32);
    // segment 1 is richer. "Infrequent shoppers" (0.32) is less than half of segment 1's "At risk" (0.92).
    let recency: [Double] = [300, 310, 320, 290, 300, 310, 10, 12, 11, 9, 10, 12]
    let frequency: [Double] = [6, 7, 6, 6, 6, 7, 4, 14, 2, 16, 6, 12]
    let income: [Double] = [50, 52, 51, 90, 95, 92, 50, 51, 52, 50, 51, 52].map { $0 * 1_000 }
    let table = DataTable(columns: [.numeric("recency_days", recency), .numeric("frequency", frequency), .numeric("income", income)])
    let found = try names(table, [0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2, 2])
    #expect(found == ["At risk", "At risk · high income", "Loyal customers"])
  }

  @Test("names stay unique: a repeated name takes the next distinctive feature, else the segment id")
  func unique() throws {
    let table = DataTable(columns: [.numeric("x", [1, 1, 1, 1, 9, 9])])
    let found = try names(table, [0, 0, 1, 1, 2, 2])
    #expect(found == ["Low x", "Low x (segment 1)", "High x"])
  }

  @Test("column words drop unit suffixes and separators; names start with a capital")
  func columnWords() {
    #expect(ColumnPhrase.words("recency_days") == "recency")
    #expect(ColumnPhrase.words("sepal_length_cm") == "sepal length")
    #expect(ColumnPhrase.words("channel=web") == "channel web")
    #expect(ColumnPhrase.words("Income") == "Income" && ColumnPhrase.words("days") == "days")
    #expect(ColumnPhrase.capitalised(ColumnPhrase.phrase("income", z: 1.2)) == "High income")
  }

  @Test("readable numbers: four significant digits, thousands grouped, no locale")
  func readableNumbers() {
    #expect(ReadableNumber.format(82_000) == "82,000" && ReadableNumber.format(81_999.5) == "82,000")
    #expect(ReadableNumber.format(0.6574) == "0.6574" && ReadableNumber.format(18) == "18")
    #expect(ReadableNumber.format(1_234.5678) == "1,235" && ReadableNumber.format(-3.25) == "-3.25")
    #expect(ReadableNumber.format(0.000123456) == "0.0001235" && ReadableNumber.format(0) == "0")
    #expect(ReadableNumber.format(1_234_567) == "1,234,567" && ReadableNumber.format(.nan) == "–")
  }
}
