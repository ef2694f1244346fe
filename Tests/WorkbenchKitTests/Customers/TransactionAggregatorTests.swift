import Foundation
import Testing
import WorkbenchKit
import WorkbenchTestSupport

@Suite("Transaction aggregator")
struct TransactionAggregatorTests {
  static let csv = """
    customer_id,date,amount,discount,channel,category,campaign
    C2,2026-01-10,20,no,web,books,0
    C1,2026-01-01,10,yes,store,music,1
    C1,2026-01-01T15:30:00Z,5,no,web,music,0
    C1,2026-01-11,30,true,web,books,
    C1,2026-01-31,45,0,store,music,yes
    C3,2026-02-01,100,FALSE,,books,no

    """

  static let full = TransactionAggregator(
    discountColumn: "discount", channelColumn: "channel", categoryColumn: "category", campaignColumn: "campaign")

  private func aggregate(_ text: String, _ aggregator: TransactionAggregator = full) throws -> DataTable {
    let table = try CSVReader(textColumns: Set(["customer_id", "date", "discount", "channel", "category", "campaign"]))
      .read(bytes: Array(text.utf8), sourceName: "tx.csv")
    return try aggregator.aggregate(table)
  }

  private func numbers(_ table: DataTable, _ name: String) throws -> [Double] {
    try #require(table.column(named: name)?.numbers, "column \(name)")
  }

  /// Hand-computed: C1 buys on Jan 1 (two lines, 15), Jan 11 (30), Jan 31 (45); as-of = Feb 2 (last day + 1).
  @Test("one row per customer, sorted by id, with hand-computed recency, frequency, money, tenure and gaps")
  func summary() throws {
    let t = try aggregate(Self.csv)
    #expect(t.column(named: "customer_id")?.labels == ["C1", "C2", "C3"])
    #expect(try numbers(t, "recency_days") == [2, 23, 1])
    #expect(try numbers(t, "frequency") == [3, 1, 1])
    #expect(try numbers(t, "repeat_purchases") == [2, 0, 0])
    #expect(try numbers(t, "monetary_total") == [90, 20, 100])
    #expect(try numbers(t, "monetary_mean") == [30, 20, 100])
    #expect(try numbers(t, "tenure_days") == [32, 23, 1])
    #expect(try numbers(t, "t_days") == [30, 0, 0])
    let repeatMean = try numbers(t, "repeat_monetary_mean"), gap = try numbers(t, "mean_interpurchase_days")
    #expect(repeatMean[0] == 37.5 && repeatMean[1].isNaN && repeatMean[2].isNaN)
    #expect(gap[0] == 15 && gap[1].isNaN)
    expectClose(try numbers(t, "interpurchase_cv")[0], 1.0 / 3.0, relative: 1e-15)
    #expect(try numbers(t, "interpurchase_cv")[1].isNaN)
  }

  @Test("discount share, campaign responses and channel/category mixes are per transaction row, columns sorted")
  func mixes() throws {
    let t = try aggregate(Self.csv)
    #expect(try numbers(t, "discount_share") == [0.5, 0, 0])
    #expect(try numbers(t, "campaign_responses") == [2, 0, 0])
    #expect(try numbers(t, "channel=store") == [0.5, 0, 0])
    #expect(try numbers(t, "channel=web") == [0.5, 1, 0])
    #expect(try numbers(t, "category=books") == [0.25, 1, 1])
    #expect(try numbers(t, "category=music") == [0.75, 0, 0])
    #expect(
      Array(t.columnNames.suffix(11)) == [
        "discount_share", "campaign_responses", "channel=store", "channel=web", "category=books", "category=music", "r_score",
        "f_score", "m_score", "rfm_score", "rfm_segment",
      ])
  }

  /// n = 3: rank 1 → 1, rank 2 → 3, rank 3 → 5; frequency ties (C2, C3) broken by row order.
  @Test("RFM scores, score strings and segments")
  func rfm() throws {
    let t = try aggregate(Self.csv)
    #expect(try numbers(t, "r_score") == [3, 1, 5])
    #expect(try numbers(t, "f_score") == [5, 1, 3])
    #expect(try numbers(t, "m_score") == [3, 1, 5])
    #expect(t.column(named: "rfm_score")?.labels == ["353", "111", "535"])
    #expect(t.column(named: "rfm_segment")?.labels == ["Loyal", "Lost", "Potential Loyalist"])
  }

  @Test("an explicit as-of date moves recency and tenure; a purchase after it is an error")
  func asOf() throws {
    var aggregator = Self.full
    aggregator.asOf = TransactionDate("2026-03-01")
    let t = try aggregate(Self.csv, aggregator)
    #expect(try numbers(t, "recency_days") == [29, 50, 28])
    #expect(try numbers(t, "tenure_days") == [59, 50, 28])
    aggregator.asOf = TransactionDate("2026-01-20")
    #expect(throws: DataError.self) { try aggregate(Self.csv, aggregator) }
  }

  @Test("only the required columns are needed; optional outputs are absent")
  func minimal() throws {
    let t = try aggregate("customer_id,date,amount\n7,2026-01-01,3\n7,2026-01-05,4\n", TransactionAggregator())
    #expect(t.columnNames == [
      "customer_id", "recency_days", "frequency", "repeat_purchases", "monetary_total", "monetary_mean", "repeat_monetary_mean",
      "tenure_days", "t_days", "mean_interpurchase_days", "interpurchase_cv", "r_score", "f_score", "m_score", "rfm_score", "rfm_segment",
    ])
    #expect(t.column(named: "customer_id")?.labels == ["7"])
  }

  @Test("an unparseable date names file, line and column and shows the accepted forms")
  func badDate() throws {
    let text = "customer_id,date,amount\nA,2026-01-01,3\nA,01/05/2026,4\n"
    do {
      _ = try aggregate(text, TransactionAggregator())
      Issue.record("no error")
    } catch let error as DataError {
      #expect(error.problem.location == Location(file: "tx.csv", line: 3, column: 2, columnName: "date"))
      #expect(error.description.contains("'01/05/2026' is not a date"))
      #expect(error.description.contains("YYYY-MM-DD"))
    }
  }

  @Test("an unknown flag word, a missing amount and a missing column are located data errors")
  func otherErrors() throws {
    #expect(throws: DataError.self) { try aggregate(Self.csv.replacingOccurrences(of: "FALSE", with: "maybe")) }
    #expect(throws: DataError.self) { try aggregate("customer_id,date,amount\nA,2026-01-01,\nA,2026-01-02,4\n", TransactionAggregator()) }
    #expect(throws: DataError.self) { try aggregate("customer_id,day,amount\nA,2026-01-01,3\n", TransactionAggregator()) }
  }

  @Test("reads a transactions file from disk")
  func fromPath() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("tx-\(UUID().uuidString).csv").path
    try Self.csv.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let t = try Self.full.aggregate(path: path)
    #expect(t.rowCount == 3)
    #expect(t.sourceName == nil)
  }
}

@Suite("Transaction dates")
struct TransactionDateTests {
  @Test("dates and timestamps parse to days since 1970; the time of day is dropped")
  func parse() {
    #expect(TransactionDate("1970-01-01")?.day == 0)
    #expect(TransactionDate("2000-03-01")?.day == 11_017)
    #expect(TransactionDate("2026-06-30T23:59:59Z")?.day == TransactionDate("2026-06-30")?.day)
    #expect(TransactionDate("2026-06-30 08:00:00")?.description == "2026-06-30")
    #expect(TransactionDate("1969-12-31")?.day == -1)
    #expect(TransactionDate("2024-02-29") != nil)
  }

  @Test("impossible or malformed dates are rejected")
  func reject() {
    for text in ["2025-02-29", "2026-13-01", "2026-04-31", "2026-1-01", "2026/01/01", "2026-01-01T25:00:00", "2026-01-01T10:00", "", "x"] {
      #expect(TransactionDate(text) == nil, "\(text)")
    }
  }

  @Test("formatting is the inverse of parsing over four centuries of days")
  func roundTrip() {
    for day in stride(from: -200_000, through: 200_000, by: 97) {
      let date = TransactionDate(day: day)
      #expect(TransactionDate(date.description) == date)
    }
  }
}

@Suite("RFM scores")
struct RFMScoresTests {
  @Test("quintile scores equal pandas qcut(rank(method='first'), 5)")
  func matchesPandas() throws {
    let url = try #require(Bundle.module.url(forResource: "customers-rfm", withExtension: "json", subdirectory: "Fixtures"))
    let cases = try #require(FixtureLoader.field(FixtureLoader.load(url), "cases").array)
    #expect(cases.count == 4)
    for c in cases {
      let values = try FixtureLoader.doubles(FixtureLoader.field(c, "values"), "values")
      #expect(RFMScores.quintiles(values) == (try FixtureLoader.ints(FixtureLoader.field(c, "scores"), "scores")))
      #expect(RFMScores.reversedQuintiles(values) == (try FixtureLoader.ints(FixtureLoader.field(c, "reversed"), "reversed")))
    }
  }

  @Test("every (R, F) pair maps to exactly one listed segment, and each segment is used")
  func totalGrid() {
    var used = Set<String>()
    for r in 1...5 {
      for f in 1...5 {
        let name = RFMScores.segment(recency: r, frequency: f)
        #expect(RFMScores.segmentNames.contains(name))
        used.insert(name)
      }
    }
    #expect(used == Set(RFMScores.segmentNames))
    #expect(RFMScores.segment(recency: 5, frequency: 4) == "Champions")
    #expect(RFMScores.segment(recency: 2, frequency: 5) == "Cannot Lose Them")
    #expect(RFMScores.segment(recency: 4, frequency: 1) == "New")
    #expect(RFMScores.segment(recency: 1, frequency: 2) == "Lost")
    #expect(RFMScores.segment(recency: 3, frequency: 3) == "Hibernating")
  }

  @Test("a single customer scores 1; no customers give no scores")
  func tiny() {
    #expect(RFMScores.quintiles([3]) == [1])
    #expect(RFMScores.quintiles([]) == [])
  }
}
