import Foundation
import Testing
@testable import WorkbenchKit
import WorkbenchTestSupport

@Suite("Customer simulator transactions")
struct CustomerSimulatorTransactionsTests {
  private let simulator = CustomerSimulator(rows: 400, seed: 11)

  @Test("the same seed gives identical transactions, byte for byte; another seed differs")
  func deterministic() {
    let csv = CSVWriter()
    #expect(csv.text(of: simulator.transactions()) == csv.text(of: CustomerSimulator(rows: 400, seed: 11).transactions()))
    #expect(csv.text(of: simulator.transactions()) != csv.text(of: CustomerSimulator(rows: 400, seed: 12).transactions()))
  }

  @Test("the default as-of date is 2026-06-30 and the columns are as documented")
  func shape() {
    #expect(CustomerSimulator.defaultAsOf.description == "2026-06-30")
    let t = simulator.transactions()
    #expect(t.columnNames == CustomerSimulator.transactionColumnNames)
    #expect(t.rowCount > simulator.rows)
  }

  @Test("aggregating the transactions gives back each customer's tenure, mean basket, discount share, channel mix and campaign share")
  func consistent() throws {
    let customers = simulator.table()
    let aggregator = TransactionAggregator(
      discountColumn: "discount", channelColumn: "channel", categoryColumn: "category", campaignColumn: "campaign_response",
      asOf: CustomerSimulator.defaultAsOf)
    let summary = try aggregator.aggregate(simulator.transactions())
    func column(_ table: DataTable, _ name: String) throws -> [Double] { try #require(table.column(named: name)?.numbers, "\(name)") }
    #expect(summary.column(named: "customer_id")?.labels == customers.column(named: "customer_id")?.labels)
    let purchases = try column(summary, "frequency")
    try #require(purchases.count == simulator.rows)
    #expect(try column(summary, "tenure_days") == column(customers, "tenure_days"))
    expectClose(try column(summary, "monetary_mean"), try column(customers, "avg_basket"), relative: 1e-12)
    let share = try column(summary, "discount_share"), wanted = try column(customers, "discount_share")
    try #require(share.count == purchases.count && wanted.count == purchases.count)
    #expect(purchases.indices.allSatisfy { abs(share[$0] - wanted[$0]) <= 0.5 / purchases[$0] + 1e-12 })
    let frequency = try column(customers, "frequency")
    for (channel, counts) in [("web", "web_purchases"), ("store", "store_purchases"), ("catalog", "catalog_purchases")] {
      let shares = try column(summary, "channel=\(channel)"), mix = try column(customers, counts)
      try #require(shares.count == purchases.count && mix.count == purchases.count)
      #expect(purchases.indices.allSatisfy { abs(shares[$0] - mix[$0] / frequency[$0]) < 1 / purchases[$0] + 1e-12 }, "\(channel)")
    }
    let responses = try column(summary, "campaign_responses"), rate = try column(customers, "campaign_responses")
    try #require(responses.count == purchases.count && rate.count == purchases.count)
    #expect(purchases.indices.allSatisfy { responses[$0] == (min(1, rate[$0] / frequency[$0]) * purchases[$0]).rounded() })
  }

  @Test("customers lapse as BG/NBD assumes: at-risk customers fall silent, loyal ones keep buying")
  func lapse() throws {
    let customers = simulator.table()
    let summary = try TransactionAggregator(asOf: CustomerSimulator.defaultAsOf).aggregate(simulator.transactions())
    let segment = try #require(customers.column(named: "segment")?.labels)
    let recency = try #require(summary.column(named: "recency_days")?.numbers), tenure = try #require(summary.column(named: "tenure_days")?.numbers)
    try #require(recency.count == segment.count && tenure.count == segment.count)
    func meanSilence(_ name: String) -> Double {
      let rows = segment.indices.filter { segment[$0] == name }
      return rows.reduce(0) { $0 + recency[$1] / tenure[$1] } / Double(rows.count)
    }
    #expect(meanSilence("at-risk") > 0.6)
    #expect(meanSilence("loyal-high-spender") < 0.15)
  }

  @Test("the customer table is unchanged by drawing transactions")
  func tableUnchanged() {
    let before = CSVWriter().text(of: simulator.table())
    _ = simulator.transactions()
    #expect(CSVWriter().text(of: simulator.table()) == before)
  }
}

@Suite("Score steps on simulated transactions")
struct SimulatedScoreTests {
  @Test("churn-risk, clv and the simple scores run on aggregated simulated transactions with values in range")
  func endToEnd() throws {
    let simulator = CustomerSimulator(rows: 600, seed: 3)
    var table = try TransactionAggregator(discountColumn: "discount", channelColumn: "channel", campaignColumn: "campaign_response")
      .aggregate(simulator.transactions())
    let context = FitContext(seed: 0)
    for step in [ChurnRisk(), CLVScore()] as [any Preprocessor] + [LoyaltyScore(), ValueScore(), try EngagementScore()] {
      table = try step.fit(table, context: context).transform(table)
    }
    for name in ["p_alive", "churn_risk", "loyalty_score", "value_score", "engagement_score"] {
      let values = try #require(table.column(named: name)?.numbers)
      #expect(values.allSatisfy { (0...1).contains($0) }, "\(name)")
    }
    let clv = try #require(table.column(named: "clv")?.numbers)
    #expect(clv.allSatisfy { $0.isFinite && $0 >= 0 })
    let expected = try #require(table.column(named: "expected_purchases")?.numbers)
    #expect(expected.allSatisfy { $0.isFinite && $0 >= 0 })
  }

  /// The shipped transactions (`workbench simulate --rows 2000 --seed 2027 --transactions …`), aggregated as of 2026-06-30.
  static func shipped() throws -> DataTable {
    try TransactionAggregator(asOf: CustomerSimulator.defaultAsOf).aggregate(try ShippedData.table("transactions.csv"))
  }

  @Test("the shipped transactions are the simulator's, and its BG/NBD fit agrees with lifetimes (1e-4) and is not degenerate")
  func shippedMatchesLifetimes() throws {
    let shipped = try ShippedData.table("transactions.csv")
    #expect(CSVWriter().text(of: shipped) == CSVWriter().text(of: CustomerSimulator(rows: 2_000, seed: 2027).transactions()))
    let reference = try FixtureLoader.field(try #require(InsightFixtures.tests), "transactions_bgnbd")
    let table = try Self.shipped()
    let fitted = try #require(try ChurnRisk().fit(table, context: FitContext(seed: 0)) as? FittedChurnRisk).model
    let expected = try ["r", "alpha", "a", "b"].map { try #require(try FixtureLoader.field(reference, $0).number) }
    expectClose(fitted.parameters, expected, relative: 1e-4, floor: 0)
    #expect(fitted.b < 100, "b = \(fitted.b): a b in the thousands means no customer ever drops out")
    let alive = try #require(try FittedChurnRisk(model: fitted, columns: ChurnRisk().columns, horizonDays: 90).transform(table).column(named: "p_alive")?.numbers)
    expectClose(alive, try FixtureLoader.doubles(try FixtureLoader.field(reference, "p_alive"), "p_alive"), relative: 1e-3, floor: 1e-3)
  }

  @Test("churn risk separates the latent segments: mean churn risk of at-risk customers is more than 3 × that of loyal ones")
  func churnSeparatesSegments() throws {
    let table = try Self.shipped()
    let scored = try ChurnRisk().fit(table, context: FitContext(seed: 0)).transform(table)
    let churn = try #require(scored.column(named: "churn_risk")?.numbers)
    let segment = try #require(CustomerSimulator(rows: 2_000, seed: 2027).table().column(named: "segment")?.labels)
    #expect(scored.column(named: "customer_id")?.labels == CustomerSimulator(rows: 2_000, seed: 2027).table().column(named: "customer_id")?.labels)
    try #require(churn.count == segment.count)
    func mean(_ name: String) -> Double {
      let rows = segment.indices.filter { segment[$0] == name }
      return rows.reduce(0) { $0 + churn[$1] } / Double(rows.count)
    }
    #expect(mean("at-risk") > 3 * mean("loyal-high-spender"), "at-risk \(mean("at-risk")), loyal \(mean("loyal-high-spender"))")
    #expect(mean("at-risk") > 0.5)
  }
}
