import WorkbenchNumerics

/// "Aha moments": behaviour thresholds beyond which customers are much more likely to be high-value.
///
/// High value means the top quintile of the monetary role: monetary at or
/// above its 80th percentile (numpy's linear quantile over the included
/// rows with a value; ties at the cut make the group slightly larger than
/// 20 %). For each behaviour column (every numeric column of the recency,
/// frequency, discount, tenure, campaign, channel and category roles), over
/// the rows where both it and monetary are present, the threshold t is
/// scanned over the column's 5th, 10th, …, 95th percentiles, in both
/// directions (x ≥ t and x ≤ t, since a low recency is the good sign), and
/// only where the condition holds for at least 5 % of those customers. The
/// chosen t maximises the lift P(high value | condition) / P(high value)
/// (ties: larger support, then "≥", then the smaller t). Its interval is the
/// 95 % Wilson interval of P(high value | condition) divided by
/// P(high value); it does not account for the scan over thresholds, so
/// read it as optimistic. The best threshold of every column is kept;
/// ``top`` lists the five with the highest lift.
public struct AhaMoments: Sendable, Equatable {
  /// One behaviour threshold.
  public struct Moment: Sendable, Equatable {
    /// The behaviour column.
    public var column: String
    /// True for x ≥ threshold, false for x ≤ threshold.
    public var atLeast: Bool
    /// The threshold, in the column's units.
    public var threshold: Double
    /// Customers meeting the condition.
    public var customers: Int
    /// Their share of the customers with both values.
    public var support: Double
    /// P(high value | condition) with its 95 % Wilson interval.
    public var rate: Score
    /// The lift and its interval (the rate's interval over the base rate).
    public var lift: Score

    /// "catalog_purchases ≥ 5: 4.8× as likely to be high value (97 % of 308 customers)": lift to one decimal, rate in whole percent.
    public var text: String {
      let liftText = ReadableNumber.format(((lift.value ?? 0) * 10).rounded() / 10)
      let rateText = ReadableNumber.format(((rate.value ?? 0) * 100).rounded())
      return "\(column) \(atLeast ? "≥" : "≤") \(ReadableNumber.format(threshold)): \(liftText)× as likely to be high value "
        + "(\(rateText) % of \(ReadableNumber.format(Double(customers))) customers)"
    }
  }

  /// The monetary column that defines high value.
  public var monetary: String
  /// Its 80th percentile: high value means at least this.
  public var highValueThreshold: Double
  /// The best threshold of each behaviour column that has one, in role order.
  public var moments: [Moment]
  /// Columns without a threshold meeting the 5 % support, with the reason.
  public var skipped: [SkippedColumn]

  /// The five moments with the highest lift (ties by column name).
  public var top: [Moment] {
    Array(moments.sorted { a, b in
      let la = a.lift.value ?? 0, lb = b.lift.value ?? 0
      return la != lb ? la > lb : a.column < b.column
    }.prefix(5))
  }

  /// Smallest share of customers a condition must cover.
  static let minimumSupport = 0.05
  /// The percentiles scanned as thresholds.
  static let scannedQuantiles = (1...19).map { Double($0) / 20 }

  /// The behaviour columns of `roles`: numeric role columns other than monetary, each once, in role order.
  static func behaviourColumns(_ roles: InsightRoles, table: DataTable) -> [String] {
    let named = [roles.recency, roles.frequency, roles.discount, roles.tenure].compactMap { $0 } + roles.campaign + roles.channels + roles.categories
    var seen = Set<String>()
    return named.filter { name in
      name != roles.monetary && table.column(named: name)?.isNumeric == true && seen.insert(name).inserted
    }
  }

  /// The section for `roles` over the included rows, or why there is none (no monetary column).
  static func compute(table: DataTable, rows: SegmentRows, roles: InsightRoles) -> Result<AhaMoments, StatisticUndefined> {
    guard let monetary = roles.monetary, let value = table.column(named: monetary)?.numbers else {
      return .failure(StatisticUndefined("no monetary column to define high value: name one in insight.roles.monetary"))
    }
    let included = rows.includedRowIndices.filter { !value[$0].isNaN }
    guard let cut = Quantile.linear(included.map { value[$0] }, 0.8) else {
      return .failure(StatisticUndefined("no monetary values in the included rows"))
    }
    var moments: [Moment] = [], skipped: [SkippedColumn] = []
    for column in behaviourColumns(roles, table: table) {
      let x = table.column(named: column)!.numbers!
      let present = included.filter { !x[$0].isNaN }
      switch best(x: present.map { x[$0] }, high: present.map { value[$0] >= cut }, column: column) {
      case .success(let moment): moments.append(moment)
      case .failure(let why): skipped.append(SkippedColumn(column: column, reason: why.reason))
      }
    }
    return .success(AhaMoments(monetary: monetary, highValueThreshold: cut, moments: moments, skipped: skipped))
  }

  /// The best threshold of one column, from its values and the high-value flags of the same rows.
  static func best(x: [Double], high: [Bool], column: String) -> Result<Moment, StatisticUndefined> {
    let n = x.count
    let highCount = high.count { $0 }
    guard n > 0, highCount > 0 else { return .failure(StatisticUndefined("no high-value customers with a value")) }
    let order = x.indices.sorted { (x[$0], $0) < (x[$1], $1) }
    let sorted = order.map { x[$0] }
    var highBelow = [0]
    highBelow.reserveCapacity(n + 1)
    for i in order { highBelow.append(highBelow.last! + (high[i] ? 1 : 0)) }
    let base = Double(highCount) / Double(n)
    var best: (lift: Double, customers: Int, atLeast: Bool, threshold: Double, highs: Int)?
    var thresholds = scannedQuantiles.map { Quantile.linear(sorted: sorted, $0) }
    thresholds = thresholds.enumerated().filter { $0.offset == 0 || $0.element != thresholds[$0.offset - 1] }.map(\.element)
    for t in thresholds {
      let firstAtLeast = lowerBound(sorted, t), pastAtMost = upperBound(sorted, t)
      for (atLeast, customers, highs) in [
        (true, n - firstAtLeast, highCount - highBelow[firstAtLeast]), (false, pastAtMost, highBelow[pastAtMost]),
      ] {
        guard customers > 0, Double(customers) >= minimumSupport * Double(n) else { continue }
        let lift = Double(highs) / Double(customers) / base
        if let b = best {
          let better = lift != b.lift ? lift > b.lift : customers != b.customers ? customers > b.customers : atLeast && !b.atLeast
          if !better { continue }
        }
        best = (lift, customers, atLeast, t, highs)
      }
    }
    guard let best else { return .failure(StatisticUndefined("no threshold covers at least 5 % of customers")) }
    let rate = WilsonInterval.estimate(successes: best.highs, trials: best.customers)
    let interval = rate.interval!
    return .success(
      Moment(
        column: column, atLeast: best.atLeast, threshold: best.threshold, customers: best.customers,
        support: Double(best.customers) / Double(n), rate: rate,
        lift: .estimate(value: best.lift, low: interval.low / base, high: interval.high / base)))
  }

  /// The first index whose value is ≥ t.
  private static func lowerBound(_ sorted: [Double], _ t: Double) -> Int {
    var lo = 0, hi = sorted.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if sorted[mid] < t { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// The first index whose value is > t.
  private static func upperBound(_ sorted: [Double], _ t: Double) -> Int {
    var lo = 0, hi = sorted.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if sorted[mid] <= t { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }
}
