import Foundation
import Testing
@testable import WorkbenchKit
import WorkbenchTestSupport

/// Discount sensitivity, campaign response, channel shares and aha moments.
@Suite("Behaviour sections")
struct BehaviourSectionsTests {
  typealias F = FixtureLoader

  static let fixture = InsightFixtures.tests

  @Test("Wilson intervals match scipy's binomtest(...).proportion_ci(method='wilson') to 1e-12")
  func wilson() throws {
    let fixture = try #require(Self.fixture)
    let cases = try #require(F.field(fixture, "wilson").array)
    for c in cases {
      let x = try #require(try F.field(c, "successes").integer), n = try #require(try F.field(c, "trials").integer)
      let interval = try #require(WilsonInterval.estimate(successes: x, trials: n).interval)
      expectClose(interval.low, try #require(try F.field(c, "low").number), relative: 1e-12, floor: 1e-12, "\(x)/\(n) low")
      expectClose(interval.high, try #require(try F.field(c, "high").number), relative: 1e-12, floor: 1e-12, "\(x)/\(n) high")
    }
  }

  @Test("Spearman's rho of discount share and frequency on the shipped customers matches scipy.stats.spearmanr")
  func spearman() throws {
    let fixture = try #require(Self.fixture)
    let expected = try #require(try F.field(F.field(fixture, "spearman"), "rho").number)
    let table = try ShippedData.table("customers.csv")
    let x = try #require(table.column(named: "discount_share")?.numbers), y = try #require(table.column(named: "frequency")?.numbers)
    expectClose(try #require(RankCorrelation.spearman(x, y, rows: Array(x.indices)).value), expected, relative: 1e-12)
    #expect(RankCorrelation.spearman([1, 2], [3, 4], rows: [0, 1]) == .undefined("needs at least three customers with both values"))
    #expect(RankCorrelation.spearman([1, 1, 1], [3, 4, 5], rows: [0, 1, 2]) == .undefined("one of the two columns is constant"))
  }

  @Test("an aha moment finds the planted threshold: customers with a frequency of 16 or more are the high spenders")
  func ahaThreshold() throws {
    let x = (0..<1_000).map { Double($0 % 20) }
    let spend = x.map { $0 >= 16 ? 500 : 100 + $0 }
    let table = DataTable(columns: [.numeric("frequency", x), .numeric("monetary", spend), .numeric("recency_days", x.map { 20 - $0 })])
    let aha = try AhaMoments.compute(
      table: table, rows: SegmentRows(labels: x.map { _ in 0 }), roles: InsightRoles(monetary: "monetary", recency: "recency_days", frequency: "frequency")
    ).get()
    // numpy's 80th percentile interpolates between 115 and 500 (index 799.2 of 1 000): 192.
    expectClose(aha.highValueThreshold, 192, relative: 1e-12)
    let frequency = try #require(aha.moments.first { $0.column == "frequency" })
    #expect(frequency.atLeast && frequency.customers == 200)
    expectClose(frequency.threshold, 15.2, relative: 1e-12)
    expectClose(try #require(frequency.lift.value), 5, relative: 1e-12)
    let interval = try #require(frequency.lift.interval)
    #expect(interval.low > 4.5 && interval.high == 5)
    let recency = try #require(aha.moments.first { $0.column == "recency_days" })
    #expect(!recency.atLeast && recency.customers == 200)
    expectClose(recency.threshold, 4.8, relative: 1e-12)
    #expect(frequency.text == "frequency ≥ 15.2: 5× as likely to be high value (100 % of 200 customers)")
    #expect(recency.text == "recency_days ≤ 4.8: 5× as likely to be high value (100 % of 200 customers)")
    #expect(aha.top.count == 2)
  }

  @Test("on the shipped customers the README's example holds: catalog purchases of 5 or more make high value 4.8× as likely")
  func ahaOnShippedCustomers() throws {
    let table = try ShippedData.table("customers.csv")
    let aha = try AhaMoments.compute(
      table: table, rows: SegmentRows(labels: table.columns[0].labels!.map { _ in 0 }), roles: try InsightRoles().resolved(for: table).roles
    ).get()
    let catalog = try #require(aha.moments.first { $0.column == "catalog_purchases" })
    #expect(catalog.text == "catalog_purchases ≥ 5: 4.8× as likely to be high value (97 % of 308 customers)")
    #expect(aha.top.count == 5 && aha.top.map { $0.lift.value ?? 0 } == aha.top.map { $0.lift.value ?? 0 }.sorted(by: >))
    #expect(aha.moments.allSatisfy { $0.support >= 0.05 })
  }

  @Test("campaign response rates from counts and yes/no flags, with Wilson intervals; yes/no parsing")
  func campaigns() throws {
    let table = DataTable(columns: [.numeric("campaign_responses", [0, 2, 1, .nan, 0, 0]), .categorical("accepted", ["yes", "no", "Y", "n", nil, "TRUE"])])
    let rows = SegmentRows(labels: [0, 0, 0, 1, 1, 1])
    let section = try CampaignResponse.compute(table: table, rows: rows, roles: InsightRoles(campaign: ["campaign_responses", "accepted"])).get()
    let counts = section.campaigns[0], flags = section.campaigns[1]
    #expect(counts.segments.map(\.customers) == [3, 2] && counts.segments.map(\.responders) == [2, 0])
    #expect(counts.population.rate.value == 0.4)
    #expect(flags.segments.map(\.customers) == [3, 2] && flags.segments.map(\.responders) == [2, 1])
    #expect(CampaignResponse.flags(["maybe"]) == nil)
  }

  @Test("channel shares from counts sum to 1 per segment and name the top channel")
  func channels() throws {
    let table = DataTable(columns: [.numeric("web_purchases", [8, 6, 1, 0]), .numeric("store_purchases", [2, 4, 3, 5])])
    let rows = SegmentRows(labels: [0, 0, 1, 1])
    let profiles = InsightProfiles(
      numeric: table.columns.map { NumericColumnProfile(column: $0.name, values: GroupedValues(column: $0.numbers!, rows: rows)) }, categorical: [], skipped: [])
    let shares = try PreferenceShares.compute(columns: ["web_purchases", "store_purchases"], role: "channels", rows: rows, profiles: profiles).get()
    #expect(try shares.segments[0].get() == [0.7, 0.3] && shares.top == ["web_purchases", "store_purchases"])
    #expect(try shares.population.get() == [15.0 / 29, 14.0 / 29])
  }

  @Test("discount sensitivity on the simulated customers: discount seekers have the highest discount z-score and a heatmap row each")
  func discount() throws {
    let table = CustomerSimulator(rows: 2_000, seed: 6).table()
    let order = CustomerSegment.allCases.map(\.rawValue)
    let rows = SegmentRows(labels: table.column(named: "segment")!.labels!.map { order.firstIndex(of: $0!) })
    let numeric = table.columns.filter(\.isNumeric).map { NumericColumnProfile(column: $0.name, values: GroupedValues(column: $0.numbers!, rows: rows)) }
    let roles = try InsightRoles().resolved(for: table).roles
    let section = try DiscountSensitivity.compute(
      table: table, rows: rows, roles: roles, profiles: InsightProfiles(numeric: numeric, categorical: [], skipped: [])
    ).get()
    #expect(section.measures == ["discount_share", "frequency", "monetary"])
    let discountZ = section.zScores.map { $0[0].value ?? -9 }
    #expect(discountZ.indices.max { discountZ[$0] < discountZ[$1] } == order.firstIndex(of: "discount-seeker"))
    #expect(section.zScores.count == 5 && section.segmentCorrelations.allSatisfy { $0.count == 2 })
  }
}
