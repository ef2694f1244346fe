import WorkbenchNumerics

extension CustomerSimulator {
  /// Product categories of simulated transactions, drawn uniformly.
  public static let transactionCategories = ["books", "electronics", "fashion", "grocery", "home"]
  /// The columns of ``transactions(asOf:)``, in order.
  public static let transactionColumnNames = ["customer_id", "date", "amount", "discount", "channel", "category", "campaign_response"]
  /// The default end of observation of simulated transactions.
  public static let defaultAsOf = TransactionDate(day: 20_634)

  /// One row per purchase, consistent with ``table()``: aggregating it gives back each customer's behaviour.
  ///
  /// For every customer of ``table()`` (same `rows`, `seed`): `frequency`
  /// purchases on distinct days; the last on `asOf − recency_days`, the first
  /// on `asOf − tenure_days` (customers with one purchase buy only on the
  /// last day; when `tenure_days − recency_days` leaves fewer distinct days
  /// than purchases, the first purchase moves earlier just enough), the
  /// others on distinct days drawn uniformly in between. Amounts split
  /// `monetary` into whole cents with random weights in [0.5, 1.5) and add up
  /// to it exactly. `round(discount_share · frequency)` purchases are
  /// discounted; the channels are exactly `web_purchases`, `store_purchases`,
  /// `catalog_purchases` in random order; `min(campaign_responses, frequency)`
  /// purchases are campaign responses; categories are uniform over
  /// ``transactionCategories``.
  ///
  /// So ``TransactionAggregator`` (with `asOf` given) reproduces `frequency`,
  /// `recency_days`, `monetary` (as `monetary_total`), the channel counts (as
  /// shares), `discount_share` to within 1/(2·frequency), and `tenure_days`
  /// for customers with two or more purchases and room for them.
  ///
  /// Determinism: depends only on `rows`, `seed`, `missingRate` and `asOf`; the
  /// draws come from a generator of their own (seeded from `seed`), so
  /// ``table()`` is unchanged by this function.
  /// Columns: ``transactionColumnNames``; dates `YYYY-MM-DD`, flags `true`/`false`;
  /// rows sorted by customer id, then date.
  /// - Complexity: O(total purchases · log).
  public func transactions(asOf: TransactionDate = CustomerSimulator.defaultAsOf) -> DataTable {
    let customers = table()
    var rng = SeededGenerator(seed: seed ^ 0x7472_616E_7361_6374)
    func numbers(_ name: String) -> [Double] { customers.column(named: name)!.numbers! }
    let ids = customers.column(named: "customer_id")!.labels!
    let recency = numbers("recency_days"), frequency = numbers("frequency"), monetary = numbers("monetary")
    let tenure = numbers("tenure_days"), discount = numbers("discount_share"), campaigns = numbers("campaign_responses")
    let channelCounts = [numbers("web_purchases"), numbers("store_purchases"), numbers("catalog_purchases")]
    let channelNames = ["web", "store", "catalog"]
    var out: [[String?]] = Array(repeating: [], count: Self.transactionColumnNames.count)
    for row in 0..<customers.rowCount {
      let count = Int(frequency[row])
      let last = asOf.day - Int(recency[row])
      let first = min(asOf.day - Int(tenure[row]), last - (count - 1))
      var days = count == 1 ? [last] : [first, last]
      if count > 2 {
        var middle = Set<Int>()
        let span = last - first - 1
        while middle.count < count - 2 { middle.insert(first + 1 + rng.nextIndex(below: span)) }
        days += middle.sorted()
      }
      days.sort()
      let amounts = Self.split(cents: Int((monetary[row] * 100).rounded()), into: count, &rng)
      let discounted = Self.marks(Int((discount[row] * Double(count)).rounded()), of: count, &rng)
      let responded = Self.marks(min(Int(campaigns[row]), count), of: count, &rng)
      var channels = zip(channelNames, channelCounts).flatMap { Array(repeating: $0.0, count: Int($0.1[row])) }
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
