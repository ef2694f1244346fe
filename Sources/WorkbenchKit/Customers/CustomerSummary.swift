import Foundation

/// The per-customer table built from checked transaction rows (see ``TransactionAggregator`` for the columns).
struct CustomerSummary {
  let rows: TransactionRows
  let aggregator: TransactionAggregator

  init(rows: TransactionRows, aggregator: TransactionAggregator) {
    self.rows = rows
    self.aggregator = aggregator
  }

  func table() throws(DataError) -> DataTable {
    let n = rows.ids.count
    guard n > 0 else {
      throw DataError(Location(file: rows.sourceName), "the transactions table has no rows.", fix: "export at least one transaction.")
    }
    let order = (0..<n).sorted { (rows.ids[$0], rows.days[$0], $0) < (rows.ids[$1], rows.days[$1], $1) }
    let asOf = aggregator.asOf?.day ?? (rows.days.max()! + 1)
    var groups: [[Int]] = []
    for row in order {
      if let last = groups.last?.last, rows.ids[last] == rows.ids[row] { groups[groups.count - 1].append(row) } else { groups.append([row]) }
    }
    let channelLevels = Self.levels(rows.channels)
    let categoryLevels = Self.levels(rows.categories)
    var ids: [String?] = []
    var numeric = Array(repeating: [Double](), count: 10)
    var discount: [Double] = [], campaign: [Double] = []
    var channelShares = Array(repeating: [Double](), count: channelLevels.count)
    var categoryShares = Array(repeating: [Double](), count: categoryLevels.count)
    for group in groups {
      ids.append(rows.ids[group[0]])
      var purchaseDays: [Int] = [], purchaseTotals: [Double] = []
      for row in group {
        if purchaseDays.last == rows.days[row] { purchaseTotals[purchaseTotals.count - 1] += rows.amounts[row] } else {
          purchaseDays.append(rows.days[row])
          purchaseTotals.append(rows.amounts[row])
        }
      }
      let frequency = Double(purchaseDays.count)
      let total = purchaseTotals.reduce(0, +)
      let first = purchaseDays.first!, last = purchaseDays.last!
      let gaps = zip(purchaseDays.dropFirst(), purchaseDays).map { Double($0 - $1) }
      let values: [Double] = [
        Double(asOf - last), frequency, frequency - 1, total, total / frequency,
        gaps.isEmpty ? .nan : purchaseTotals.dropFirst().reduce(0, +) / Double(gaps.count),
        Double(asOf - first), Double(last - first),
        gaps.isEmpty ? .nan : Double(last - first) / Double(gaps.count),
        Self.coefficientOfVariation(gaps),
      ]
      for (k, v) in values.enumerated() { numeric[k].append(v) }
      let count = Double(group.count)
      if let flags = rows.discounts { discount.append(Double(group.count { flags[$0] }) / count) }
      if let flags = rows.campaigns { campaign.append(Double(group.count { flags[$0] })) }
      if let labels = rows.channels {
        for (k, level) in channelLevels.enumerated() { channelShares[k].append(Double(group.count { labels[$0] == level }) / count) }
      }
      if let labels = rows.categories {
        for (k, level) in categoryLevels.enumerated() { categoryShares[k].append(Double(group.count { labels[$0] == level }) / count) }
      }
    }
    let names = [
      "recency_days", "frequency", "repeat_purchases", "monetary_total", "monetary_mean", "repeat_monetary_mean",
      "tenure_days", "t_days", "mean_interpurchase_days", "interpurchase_cv",
    ]
    var columns: [Column] = [.categorical(aggregator.idColumn, ids)]
    columns += zip(names, numeric).map { Column.numeric($0.0, $0.1) }
    if rows.discounts != nil { columns.append(.numeric("discount_share", discount)) }
    if rows.campaigns != nil { columns.append(.numeric("campaign_responses", campaign)) }
    columns += zip(channelLevels, channelShares).map { Column.numeric("channel=" + $0.0, $0.1) }
    columns += zip(categoryLevels, categoryShares).map { Column.numeric("category=" + $0.0, $0.1) }
    let r = RFMScores.reversedQuintiles(numeric[0]), f = RFMScores.quintiles(numeric[1]), m = RFMScores.quintiles(numeric[3])
    columns += [.numeric("r_score", r.map(Double.init)), .numeric("f_score", f.map(Double.init)), .numeric("m_score", m.map(Double.init))]
    columns.append(.categorical("rfm_score", r.indices.map { "\(r[$0])\(f[$0])\(m[$0])" }))
    columns.append(.categorical("rfm_segment", r.indices.map { RFMScores.segment(recency: r[$0], frequency: f[$0]) }))
    return DataTable(columns: columns)
  }

  /// The distinct non-missing labels, sorted.
  private static func levels(_ labels: [String?]?) -> [String] {
    Array(Set((labels ?? []).compactMap { $0 })).sorted()
  }

  /// Population standard deviation / mean of `gaps`; NaN with fewer than two gaps or a zero mean.
  static func coefficientOfVariation(_ gaps: [Double]) -> Double {
    guard gaps.count >= 2 else { return .nan }
    let mean = gaps.reduce(0, +) / Double(gaps.count)
    guard mean > 0 else { return .nan }
    let variance = gaps.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(gaps.count)
    return variance.squareRoot() / mean
  }
}
