/// The checked cells of a transactions table, one entry per row (see ``TransactionAggregator``).
struct TransactionRows {
  var sourceName: String?
  var ids: [String]
  var days: [Int]
  var amounts: [Double]
  var discounts: [Bool]?
  var campaigns: [Bool]?
  var channels: [String?]?
  var categories: [String?]?

  init(_ table: DataTable, aggregator: TransactionAggregator) throws(DataError) {
    try table.requireColumns(aggregator.textColumns + [aggregator.amountColumn])
    try table.requireNumeric([aggregator.amountColumn])
    func location(_ row: Int, _ name: String) -> Location {
      Location(file: table.sourceName, line: table.line(ofRow: row), column: table.columnIndex(named: name).map { $0 + 1 }, columnName: name)
    }
    func labels(_ name: String) -> [String?] {
      let column = table.column(named: name)!
      return column.labels ?? (0..<column.count).map { column.numbers![$0].isNaN ? nil : column.text(at: $0) }
    }
    var ids: [String] = []
    for (row, id) in labels(aggregator.idColumn).enumerated() {
      guard let id, !id.isEmpty else {
        throw DataError(location(row, aggregator.idColumn), "the customer id is missing.", fix: "fill in the id or remove the row.")
      }
      ids.append(id)
    }
    var days: [Int] = []
    for (row, text) in labels(aggregator.dateColumn).enumerated() {
      guard let text, let date = TransactionDate(text) else {
        throw DataError(
          location(row, aggregator.dateColumn), "'\(text ?? "")' is not a date.",
          fix: "write dates as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS (optionally ending in Z), e.g. 2026-06-30.")
      }
      if let asOf = aggregator.asOf, date > asOf {
        throw DataError(
          location(row, aggregator.dateColumn), "the purchase on \(date) is after the as-of date \(asOf).",
          fix: "choose an as-of date on or after the last transaction, or leave it out (the day after the last one).")
      }
      days.append(date.day)
    }
    let amounts = table.column(named: aggregator.amountColumn)!.numbers!
    if let row = amounts.firstIndex(where: { !$0.isFinite }) {
      throw DataError(location(row, aggregator.amountColumn), "the amount is missing.", fix: "fill in the purchase amount or remove the row.")
    }
    func flags(_ name: String?) throws(DataError) -> [Bool]? {
      guard let name else { return nil }
      var out: [Bool] = []
      for (row, text) in labels(name).enumerated() {
        switch text?.lowercased() {
        case nil, "true", "1", "yes": out.append(text != nil)
        case "false", "0", "no": out.append(false)
        case let other?:
          throw DataError(location(row, name), "'\(other)' is not a yes/no flag.", fix: "use true/false, 1/0 or yes/no.")
        }
      }
      return out
    }
    self.sourceName = table.sourceName
    self.ids = ids
    self.days = days
    self.amounts = amounts
    self.discounts = try flags(aggregator.discountColumn)
    self.campaigns = try flags(aggregator.campaignColumn)
    self.channels = aggregator.channelColumn.map(labels)
    self.categories = aggregator.categoryColumn.map(labels)
  }
}
