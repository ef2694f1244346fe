/// A fitted ``ChurnRisk`` step: BG/NBD parameters and where to read the histories.
public struct FittedChurnRisk: FittedPreprocessor, Equatable {
  /// The fitted model.
  public let model: BGNBDModel
  /// Where the histories are.
  public let columns: HistoryColumns
  /// Days ahead for `expected_purchases`.
  public let horizonDays: Double

  /// Adds `p_alive`, `churn_risk` and `expected_purchases`.
  public func transform(_ table: DataTable) throws -> DataTable {
    let h = try columns.history(in: table)
    let alive = h.x.indices.map { model.probabilityAlive(x: h.x[$0], tx: h.tx[$0], age: h.age[$0]) }
    let expected = h.x.indices.map { model.expectedPurchases(horizon: horizonDays, x: h.x[$0], tx: h.tx[$0], age: h.age[$0]) }
    return ScoreColumns.adding(
      [.numeric("p_alive", alive), .numeric("churn_risk", alive.map { 1 - $0 }), .numeric("expected_purchases", expected)], to: table)
  }

  /// `{"r", "alpha", "a", "b"}`.
  public var summary: JSONValue? {
    ["r": .double(model.r), "alpha": .double(model.alpha), "a": .double(model.a), "b": .double(model.b)]
  }

  /// Parameters, column names and horizon, read back by ``ChurnRisk/restore(state:)``.
  public var state: JSONValue {
    var fields = columns.state
    fields["r"] = .double(model.r)
    fields["alpha"] = .double(model.alpha)
    fields["a"] = .double(model.a)
    fields["b"] = .double(model.b)
    fields["horizon_days"] = .double(horizonDays)
    return .object(fields)
  }
}
