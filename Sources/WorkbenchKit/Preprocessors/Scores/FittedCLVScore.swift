/// A fitted ``CLVScore`` step: both models, the discounting settings and the input columns.
public struct FittedCLVScore: FittedPreprocessor, Equatable {
  /// The CLV calculator with the fitted models.
  public let value: CustomerLifetimeValue
  /// Where the histories are.
  public let columns: HistoryColumns
  /// Mean repeat-purchase value column.
  public let monetaryColumn: String

  /// Adds `expected_spend` and `clv`.
  public func transform(_ table: DataTable) throws -> DataTable {
    let h = try columns.history(in: table)
    let spend = try ScoreColumns.numbers(monetaryColumn, in: table, for: CLVScore.name)
    let known = spend.map { $0.isFinite ? $0 : 0 }
    let x = h.x.indices.map { spend[$0].isFinite ? h.x[$0] : 0 }
    let expected = h.x.indices.map { value.spend.expectedAverageSpend(frequency: x[$0], meanSpend: known[$0]) }
    let clv = h.x.indices.map { value.value(x: h.x[$0], tx: h.tx[$0], age: h.age[$0], spendPerPurchase: expected[$0]) }
    return ScoreColumns.adding([.numeric("expected_spend", expected), .numeric("clv", clv)], to: table)
  }

  /// `{"r", "alpha", "a", "b", "p", "q", "v"}`.
  public var summary: JSONValue? {
    let m = value.purchases, g = value.spend
    return [
      "r": .double(m.r), "alpha": .double(m.alpha), "a": .double(m.a), "b": .double(m.b), "p": .double(g.p), "q": .double(g.q),
      "v": .double(g.v),
    ]
  }

  /// Parameters, settings and column names, read back by ``CLVScore/restore(state:)``.
  public var state: JSONValue {
    var fields = columns.state
    for (key, number) in summary?.object ?? [:] { fields[key] = number }
    fields["monetary_column"] = .string(monetaryColumn)
    fields["horizon_days"] = .double(value.horizon)
    fields["period_days"] = .double(value.period)
    fields["discount_rate"] = .double(value.discountRate)
    return .object(fields)
  }
}
