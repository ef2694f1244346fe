import Foundation
import WorkbenchNumerics

extension CustomerSimulator {
  /// Product categories of simulated transactions, drawn uniformly.
  public static let transactionCategories = ["books", "electronics", "fashion", "grocery", "home"]
  /// The columns of ``transactions(asOf:)``, in order.
  public static let transactionColumnNames = ["customer_id", "date", "amount", "discount", "channel", "category", "campaign_response"]
  /// The default end of observation of simulated transactions.
  public static let defaultAsOf = TransactionDate(day: 20_634)

  /// One row per purchase: each customer of ``table()`` buying, and lapsing, as BG/NBD assumes.
  ///
  /// For every customer of ``table()`` (same `rows`, `seed`), the purchase
  /// history is drawn from their segment's lapse process:
  ///
  /// | segment | median purchases per year while active | dropout after each purchase |
  /// |---|---|---|
  /// | loyal-high-spender | 5 | 0.003 |
  /// | discount-seeker | 7 | 0.02 |
  /// | at-risk | 6 | 0.25 |
  /// | new-customer | 6 | 0.05 |
  /// | occasional | 2 | 0.03 |
  ///
  /// The first purchase is on `asOf − tenure_days`. After each purchase the
  /// customer lapses for good with the segment's dropout probability;
  /// otherwise the next purchase follows an exponential gap at the
  /// customer's own rate (log-normal around the segment median, sigma 0.5),
  /// on a later day (a gap shorter than a day moves to the next day), until
  /// `asOf`. So at-risk customers buy briskly for a few months and then fall
  /// silent for years, while loyal ones keep buying: the recency and
  /// frequency of the transactions, not the table's, carry the lapse, and a
  /// BG/NBD fit on them separates the two (``ChurnRisk``).
  ///
  /// The customer's habits come from the table: amounts split
  /// `avg_basket × purchases` into whole cents with random weights in
  /// [0.5, 1.5), so the mean purchase is `avg_basket` to the cent;
  /// `round(discount_share · purchases)` purchases are discounted; the
  /// channels follow the table's web/store/catalog mix (largest-remainder
  /// rounding, random order); `round(min(1, campaign_responses / frequency) · purchases)`
  /// purchases are campaign responses; categories are uniform over
  /// ``transactionCategories``. So ``TransactionAggregator`` (with `asOf`)
  /// gives back `tenure_days`, `avg_basket` (as `monetary_mean`, to the
  /// cent), `discount_share` to within 1/(2·purchases) and the channel mix
  /// to within 1/purchases; frequency, recency and total spend are the
  /// lapse process's own, not the table's.
  ///
  /// Determinism: depends only on `rows`, `seed`, `missingRate` and `asOf`; the
  /// draws come from a generator of their own (seeded from `seed`), so
  /// ``table()`` is unchanged by this function.
  /// Columns: ``transactionColumnNames``; dates `YYYY-MM-DD`, flags `true`/`false`;
  /// rows sorted by customer id, then date.
  /// - Complexity: O(total purchases).
  public func transactions(asOf: TransactionDate = CustomerSimulator.defaultAsOf) -> DataTable {
    let customers = table()
    var rng = SeededGenerator(seed: seed ^ 0x7472_616E_7361_6374)
    func numbers(_ name: String) -> [Double] { customers.column(named: name)!.numbers! }
    let ids = customers.column(named: "customer_id")!.labels!
    let segments = customers.column(named: "segment")!.labels!.map { SegmentProfile.of(CustomerSegment(rawValue: $0!)!) }
    let frequency = numbers("frequency"), basket = numbers("avg_basket"), tenure = numbers("tenure_days")
    let discount = numbers("discount_share"), campaigns = numbers("campaign_responses")
    let channelCounts = [numbers("web_purchases"), numbers("store_purchases"), numbers("catalog_purchases")]
    let channelNames = ["web", "store", "catalog"]
    var out: [[String?]] = Array(repeating: [], count: Self.transactionColumnNames.count)
    for row in 0..<customers.rowCount {
      let days = Self.purchaseDays(from: asOf.day - Int(tenure[row]), until: asOf.day, profile: segments[row], &rng)
      let count = days.count
      let amounts = Self.split(cents: Int((basket[row] * Double(count) * 100).rounded()), into: count, &rng)
      let discounted = Self.marks(Int((discount[row] * Double(count)).rounded()), of: count, &rng)
      let responseRate = min(1, campaigns[row] / frequency[row])
      let responded = Self.marks(Int((responseRate * Double(count)).rounded()), of: count, &rng)
      let shares = channelCounts.map { $0[row] / frequency[row] }
      var channels = zip(channelNames, Self.apportion(count, shares: shares)).flatMap { Array(repeating: $0.0, count: $0.1) }
      Self.shuffle(&channels, &rng)
      for k in 0..<count {
        let cells: [String?] = [
          ids[row], TransactionDate(day: days[k]).description, Self.money(cents: amounts[k]), discounted[k] ? "true" : "false",
          channels[k], Self.transactionCategories[rng.nextIndex(below: Self.transactionCategories.count)],
          responded[k] ? "true" : "false",
        ]
        for (c, cell) in cells.enumerated() { out[c].append(cell) }
      }
    }
    return DataTable(columns: zip(Self.transactionColumnNames, out).map { name, cells in
      name == "amount" ? .numeric(name, cells.map { Double($0!)! }) : .categorical(name, cells)
    })
  }

  /// The days of one customer's purchases: the first on `first`, then exponential gaps until a dropout or `last`.
  private static func purchaseDays(from first: Int, until last: Int, profile: SegmentProfile, _ rng: inout SeededGenerator) -> [Int] {
    let perDay = rng.nextLogNormal(median: profile.purchasesPerYear, sigma: 0.5) / 365
    var days = [first]
    var time = Double(first)
    while rng.nextUnit() >= profile.dropout {
      var u = rng.nextUnit()
      while u == 0 { u = rng.nextUnit() }
      time += -log(u) / perDay
      let day = max(Int(time.rounded(.down)), days.last! + 1)
      guard day <= last else { break }
      days.append(day)
      time = max(time, Double(day))
    }
    return days
  }

  /// `count` split into whole parts proportional to `shares` (largest remainders first, ties to the earlier share).
  private static func apportion(_ count: Int, shares: [Double]) -> [Int] {
    let exact = shares.map { $0 * Double(count) }
    var parts = exact.map { Int($0.rounded(.down)) }
    let order = exact.indices.sorted { (exact[$0] - Double(parts[$0]), -$0) > (exact[$1] - Double(parts[$1]), -$1) }
    for i in order.prefix(count - parts.reduce(0, +)) { parts[i] += 1 }
    return parts
  }

  /// `cents` split into `count` non-negative whole-cent parts with weights in [0.5, 1.5), summing exactly.
  private static func split(cents: Int, into count: Int, _ rng: inout SeededGenerator) -> [Int] {
    let weights = (0..<count).map { _ in 0.5 + rng.nextUnit() }
    let total = weights.reduce(0, +)
    var parts = weights.map { Int((Double(cents) * $0 / total).rounded(.down)) }
    var rest = cents - parts.reduce(0, +)
    var k = 0
    while rest > 0 {
      parts[k % count] += 1
      rest -= 1
      k += 1
    }
    return parts
  }

  /// `count` flags of which `marked` are true, at random positions.
  private static func marks(_ marked: Int, of count: Int, _ rng: inout SeededGenerator) -> [Bool] {
    var flags = (0..<count).map { $0 < marked }
    shuffle(&flags, &rng)
    return flags
  }

  /// Fisher–Yates with the seeded generator.
  private static func shuffle<T>(_ items: inout [T], _ rng: inout SeededGenerator) {
    guard items.count > 1 else { return }
    for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, rng.nextIndex(below: i + 1)) }
  }

  /// "12.30" from 1 230 cents.
  private static func money(cents: Int) -> String {
    let c = String(cents % 100)
    return "\(cents / 100).\(c.count == 1 ? "0" + c : c)"
  }

  /// Writes ``transactions(asOf:)`` to `path` as CSV.
  public func writeTransactionsCSV(to path: String, asOf: TransactionDate = CustomerSimulator.defaultAsOf) throws {
    try CSVWriter().write(transactions(asOf: asOf), to: path)
  }
}
