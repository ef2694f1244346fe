import Foundation
import Testing
@testable import WorkbenchKit
import WorkbenchTestSupport

/// The CDNOW summaries as tables (weeks instead of days: the steps do not care about the unit).
private func cdnowTable() throws -> DataTable {
  let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
  return try CSVReader().read(path: folder.appendingPathComponent("cdnow/cdnow_customers_summary_with_transactions.csv").path)
}

private func plugin<P: Preprocessor>(_ type: P.Type, _ given: [String: JSONValue]) throws -> P {
  try P(validated: try Parameters.resolve(given, for: type, at: Location()).get())
}

private func column(_ table: DataTable, _ name: String) throws -> [Double] {
  try #require(table.column(named: name)?.numbers, "column \(name)")
}

private let cdnowColumns: [String: JSONValue] = ["frequency_column": "x", "recency_column": "t_x", "tenure_column": "T"]

@Suite("churn-risk and clv steps")
struct LifetimeScoreStepTests {
  @Test("churn-risk fits lifetimes' BG/NBD and adds p_alive, churn_risk, expected_purchases to 1e-6")
  func churnRisk() throws {
    let cdnow = try CDNOWReference.shared.get()
    var given = cdnowColumns
    given["horizon_days"] = 39
    let fitted = try plugin(ChurnRisk.self, given).fit(try cdnowTable(), context: FitContext(seed: 0))
    let summary = try #require(fitted.summary?.object)
    let parameters = ["r", "alpha", "a", "b"].map { summary[$0]?.number ?? .nan }
    expectClose(parameters, cdnow.bgnbd.parameters, relative: 1e-4, floor: 0)
    let out = try fitted.transform(try cdnowTable())
    expectClose(try column(out, "p_alive"), cdnow.pAlive, relative: 1e-6)
    expectClose(try column(out, "churn_risk"), cdnow.pAlive.map { 1 - $0 }, relative: 1e-6)
    expectClose(try column(out, "expected_purchases"), cdnow.expected39, relative: 1e-6)
    #expect(out.columnNames.suffix(3) == ["p_alive", "churn_risk", "expected_purchases"])
  }

  @Test("the doc comment's worked example (x = 2, t_x = 30.43, T = 38.86 weeks) scores 0.727, 0.273 and 1.23")
  func workedExample() throws {
    var given = cdnowColumns
    given["horizon_days"] = 39
    let fitted = try plugin(ChurnRisk.self, given).fit(try cdnowTable(), context: FitContext(seed: 0))
    let summary = try #require(fitted.summary?.object)
    // The doc rounds to three decimals (three digits for 1.23): each value within half a unit of its last digit.
    let fittedParameters = ["r", "alpha", "a", "b"].map { summary[$0]?.number ?? .nan }
    #expect(zip(fittedParameters, [0.243, 4.414, 0.793, 2.426]).allSatisfy { abs($0 - $1) <= 0.0005 }, "\(fittedParameters)")
    let customer = DataTable(columns: [.numeric("x", [2]), .numeric("t_x", [30.43]), .numeric("T", [38.86])])
    let out = try fitted.transform(customer)
    #expect(abs(try column(out, "p_alive")[0] - 0.727) <= 0.0005)
    #expect(abs(try column(out, "churn_risk")[0] - 0.273) <= 0.0005)
    #expect(abs(try column(out, "expected_purchases")[0] - 1.23) <= 0.005)
    let first = try cdnowTable().selecting(rows: [0])
    #expect([try column(first, "x")[0], try column(first, "t_x")[0], try column(first, "T")[0]] == [2, 30.43, 38.86], "CDNOW's first customer")
  }

  @Test("a restored churn-risk step scores new customers with the fitted parameters, identically")
  func churnRestore() throws {
    let table = try cdnowTable()
    let fitted = try plugin(ChurnRisk.self, cdnowColumns).fit(table, context: FitContext(seed: 0))
    let restored = try ChurnRisk.restore(state: JSONParser.parse(Array(fitted.state.canonicalText.utf8)))
    let newCustomers = table.selecting(rows: [5, 1, 100])
    #expect(try restored.transform(newCustomers) == (try fitted.transform(newCustomers)))
    #expect(try fitted.transform(newCustomers) == (try fitted.transform(table)).selecting(rows: [5, 1, 100]))
  }

  @Test("clv fits both models like lifetimes and adds its 12-month CLV to 1e-6")
  func clv() throws {
    let cdnow = try CDNOWReference.shared.get()
    var given = cdnowColumns
    given["monetary_column"] = "zbar"
    given["horizon_days"] = .double(12 * 4.345)
    given["period_days"] = 4.345
    let fitted = try plugin(CLVScore.self, given).fit(try cdnowTable(), context: FitContext(seed: 0))
    let summary = try #require(fitted.summary?.object)
    expectClose(["p", "q", "v"].map { summary[$0]?.number ?? .nan }, cdnow.gammaGamma.parameters, relative: 1e-4, floor: 0)
    let out = try fitted.transform(try cdnowTable())
    expectClose(try column(out, "clv"), cdnow.clv12Months, relative: 1e-6)
    expectClose(try column(out, "expected_spend"), cdnow.expectedSpend, relative: 1e-6)
    let restored = try CLVScore.restore(state: fitted.state)
    #expect(try restored.transform(try cdnowTable()) == out)
  }

  /// Twelve customers with two to six purchases in 2025 (a new user's first try): the likelihood's maximum runs off to
  /// r ≈ 3e9, a ≈ 1e-178, b ≈ 2e25, where P(alive) and the expected purchases are no longer finite numbers.
  @Test("a BG/NBD fit that cannot score its own customers fails the step, naming the parameters and the fix")
  func degenerateFit() throws {
    let purchases = [
      "C001,2025-10-18,30.43 C001,2025-10-16,127.02 C002,2025-10-01,182.22 C003,2025-05-18,50.69 C003,2025-12-16,110.49",
      "C003,2025-09-16,82.44 C003,2025-03-08,128.8 C004,2025-07-24,7.95 C004,2025-02-06,152.85 C004,2025-10-02,63.75",
      "C004,2025-01-27,173.78 C004,2025-08-20,145.17 C005,2025-12-26,184.61 C005,2025-07-24,161.18 C005,2025-08-05,176.38",
      "C005,2025-02-02,31.51 C006,2025-05-22,90.05 C006,2025-11-28,63.7 C007,2025-07-19,73.43 C007,2025-10-14,118.93",
      "C007,2025-06-22,183.57 C007,2025-01-28,59.54 C007,2025-10-22,140.64 C008,2025-06-18,181.42 C008,2025-10-04,144.19",
      "C008,2025-04-21,167.16 C008,2025-10-09,60.57 C008,2025-02-16,171.52 C008,2025-08-03,72.1 C009,2025-07-05,8.92",
      "C010,2025-07-28,28.19 C010,2025-10-20,153.52 C010,2025-07-23,119.34 C010,2025-09-09,103.56 C011,2025-05-01,20.01",
      "C012,2025-09-02,190.03 C012,2025-07-10,124.04 C012,2025-03-23,13.27 C012,2025-06-11,75.24 C012,2025-03-28,78.67",
    ].joined(separator: " ")
    let csv = "customer_id,date,amount\n" + purchases.split(separator: " ").joined(separator: "\n") + "\n"
    let transactions = try CSVReader(textColumns: ["customer_id", "date"]).read(bytes: Array(csv.utf8), sourceName: "tx.csv")
    let table = try TransactionAggregator().aggregate(transactions)
    #expect(table.rowCount == 12)
    #expect {
      _ = try ChurnRisk().fit(table, context: FitContext(seed: 0))
    } throws: { error in
      let text = "\(error)"
      return text.hasPrefix("the BG/NBD fit on these 12 customers is degenerate (r = ") && text.hasSuffix(
        "it scores some of them with no finite P(alive) or expected purchases, so the histories are too few or too alike to estimate it; "
          + "use more customers or a longer history, or leave churn-risk out")
    }
  }

  @Test("invalid histories are located data errors")
  func invalid() throws {
    let table = DataTable(
      columns: [.numeric("repeat_purchases", [1, 2]), .numeric("t_days", [5, 50]), .numeric("tenure_days", [10, 20])],
      sourceLines: [2, 3], sourceName: "c.csv")
    do {
      _ = try ChurnRisk().fit(table, context: FitContext(seed: 0))
      Issue.record("no error")
    } catch let error as DataError {
      #expect(error.problem.location == Location(file: "c.csv", line: 3, column: 2, columnName: "t_days"))
    }
  }
}

@Suite("loyalty, value and engagement scores")
struct SimpleScoreStepTests {
  private let table = DataTable(
    columns: [
      .numeric("tenure_days", [1_000, 500, 200]), .numeric("interpurchase_cv", [0.2, 0.408248290463863, .nan]),
      .numeric("frequency", [2, 3, 14]), .numeric("monetary_mean", [10, 30, 30]),
      .numeric("loyalty_score", [0.1, 0.5, 0.9]), .numeric("campaign_responses", [0, 3, 6]), .numeric("channel=web", [0, 0.8, 1]),
    ])

  @Test("loyalty-score follows its formula (worked example 0.546)")
  func loyalty() throws {
    let out = try LoyaltyScore().fit(table, context: FitContext(seed: 0)).transform(table)
    expectClose(try column(out, "loyalty_score"), [0.5 + 0.5 * 0.8, 0.5 * 0.5 + 0.5 * (1 - 0.408248290463863), 0.5 * 0.2], relative: 1e-15)
    expectClose(try column(out, "loyalty_score")[1], 0.546, relative: 1e-3)
  }

  @Test("value-score is min-max normalised total spend (worked example 0.175)")
  func value() throws {
    let fitted = try ValueScore().fit(table, context: FitContext(seed: 0))
    let out = try fitted.transform(table)
    expectClose(try column(out, "value_score"), [0, 70.0 / 400.0, 1], relative: 1e-15)
    let outside = table.replacingColumns(table.columns.map { $0.name == "frequency" ? .numeric("frequency", [100, 0, 3]) : $0 })
    #expect(try column(try fitted.transform(outside), "value_score") == [1, 0, 0.175])
  }

  @Test("engagement-score is the weighted mean of the normalised inputs (worked example 0.59)")
  func engagement() throws {
    let out = try EngagementScore().fit(table, context: FitContext(seed: 0)).transform(table)
    expectClose(try column(out, "engagement_score"), [0, 0.59, 1], relative: 1e-15)
  }

  @Test("all weights 0 is a parameter error")
  func zeroWeights() {
    #expect(throws: ParameterError.self) { try EngagementScore(weights: [0, 0, 0]) }
  }

  @Test("each score step restores from its state and scores a subset like the full table")
  func restoreAndSubset() throws {
    let steps: [any Preprocessor.Type] = [LoyaltyScore.self, ValueScore.self, EngagementScore.self]
    for step in steps {
      let instance = try step.init(validated: try Parameters.resolve([:], for: step, at: Location()).get())
      let fitted = try instance.fit(table, context: FitContext(seed: 0))
      let restored = try step.restore(state: fitted.state)
      // Compared as CSV text: the NaN cells make `==` on tables false.
      let csv = CSVWriter()
      #expect(csv.text(of: try restored.transform(table)) == csv.text(of: try fitted.transform(table)), "\(step.name)")
      #expect(
        csv.text(of: try fitted.transform(table.selecting(rows: [2, 0]))) == csv.text(of: try fitted.transform(table).selecting(rows: [2, 0])),
        "\(step.name)")
    }
  }
}
