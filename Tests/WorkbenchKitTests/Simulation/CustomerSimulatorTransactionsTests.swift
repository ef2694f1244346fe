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
    #expect(t.rowCount == Int(simulator.table().column(named: "frequency")!.numbers!.reduce(0, +)))
  }

  @Test("aggregating the transactions gives back frequency, recency, monetary, channel counts, discount share and tenure")
  func consistent() throws {
    let customers = simulator.table()
    let aggregator = TransactionAggregator(
      discountColumn: "discount", channelColumn: "channel", categoryColumn: "category", campaignColumn: "campaign_response",
      asOf: CustomerSimulator.defaultAsOf)
    let summary = try aggregator.aggregate(simulator.transactions())
    func column(_ table: DataTable, _ name: String) throws -> [Double] { try #require(table.column(named: name)?.numbers, "\(name)") }
    #expect(summary.column(named: "customer_id")?.labels == customers.column(named: "customer_id")?.labels)
    let frequency = try column(customers, "frequency")
    #expect(try column(summary, "frequency") == frequency)
    #expect(try column(summary, "recency_days") == column(customers, "recency_days"))
    expectClose(try column(summary, "monetary_total"), try column(customers, "monetary"), relative: 1e-12)
    for (channel, counts) in [("web", "web_purchases"), ("store", "store_purchases"), ("catalog", "catalog_purchases")] {
      let shares = try column(summary, "channel=\(channel)")
      let expected = zip(try column(customers, counts), frequency).map { $0 / $1 }
      expectClose(shares, expected, relative: 1e-12, "\(channel)")
    }
    let share = try column(summary, "discount_share"), wanted = try column(customers, "discount_share")
    try #require(share.count == frequency.count && wanted.count == frequency.count)
    #expect(frequency.indices.allSatisfy { abs(share[$0] - wanted[$0]) <= 0.5 / frequency[$0] + 1e-12 })
    let tenure = try column(summary, "tenure_days"), simulated = try column(customers, "tenure_days")
    let recency = try column(customers, "recency_days")
    try #require([tenure.count, simulated.count, recency.count] == [frequency.count, frequency.count, frequency.count])
    for i in frequency.indices where frequency[i] >= 2 && simulated[i] - recency[i] >= frequency[i] - 1 {
      #expect(tenure[i] == simulated[i], "customer \(i)")
    }
    let campaigns = try column(summary, "campaign_responses"), responses = try column(customers, "campaign_responses")
    try #require(campaigns.count == frequency.count && responses.count == frequency.count)
    #expect(frequency.indices.allSatisfy { campaigns[$0] == min(responses[$0], frequency[$0]) })
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
}
