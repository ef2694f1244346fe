/// Adds BG/NBD churn scores: `p_alive`, `churn_risk` = 1 − p_alive and `expected_purchases` within `horizon_days`.
///
/// Fits the BG/NBD model (``BGNBDModel``, Fader, Hardie & Lee 2005) by maximum
/// likelihood on the fit table's purchase histories, then scores every row:
/// P(alive | x, t_x, T) and the expected number of purchases in the next
/// `horizon_days`. Times are in days, as ``TransactionAggregator`` writes them
/// (`repeat_purchases`, `t_days`, `tenure_days` are the defaults). Matches
/// `lifetimes.BetaGeoFitter` (fit to 3e-7 relative on CDNOW).
///
/// Worked example: with r = 0.243, α = 4.414, a = 0.793, b = 2.426 (CDNOW, in
/// weeks), a customer with x = 2 repeat purchases, the last at t_x = 30.43 of
/// T = 38.86 weeks has P(alive) = 1/(1 + 0.793/3.426 · (43.27/34.84)^2.243) = 0.727,
/// churn risk 0.273, and 1.23 expected purchases in the next 39 weeks.
///
/// The fitted r, α, a, b are in the trial record and in the saved state, so
/// new customers are scored with the fitted parameters. Output columns
/// replace same-named columns.
/// Edge cases: invalid histories (x not a whole number ≥ 0, t_x outside
/// 0…T, T ≤ 0, t_x ≠ 0 with x = 0) are ``DataError``s naming line and column;
/// fit data without any repeat purchase, or a fit so degenerate that it
/// scores a fit customer with no finite P(alive) or expected purchases (a
/// handful of alike histories), is a ``FitError``.
/// - Complexity: fit O(evaluations · rows); transform O(rows · ₂F₁ terms).
public struct ChurnRisk: Preprocessor {
  public static let name = "churn-risk"
  public static let summary = "Add BG/NBD p_alive, churn_risk and expected_purchases per customer (Fader, Hardie & Lee 2005)."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec("frequency_column", .text, default: "repeat_purchases", "Repeat purchases x (lifetimes' frequency)."),
    ParameterSpec(
      "recency_column", .text, default: "t_days", "Days from first to last purchase t_x (lifetimes' recency; not days since the last purchase)."),
    ParameterSpec("tenure_column", .text, default: "tenure_days", "Days from the first purchase to the as-of date T."),
    ParameterSpec("horizon_days", .real(minimum: 0, maximum: 36_500, openMinimum: true), default: 90, "Days ahead for expected_purchases."),
  ]

  /// Where the purchase histories are.
  public var columns: HistoryColumns
  /// Days ahead for `expected_purchases`.
  public var horizonDays: Double

  /// A step reading `columns` and forecasting `horizonDays` ahead.
  public init(columns: HistoryColumns = HistoryColumns(), horizonDays: Double = 90) {
    self.columns = columns
    self.horizonDays = horizonDays
  }

  public init(validated: Parameters) {
    self.init(columns: HistoryColumns(validated), horizonDays: validated.real("horizon_days"))
  }

  /// Adds `p_alive`, `churn_risk` and `expected_purchases`; the three history columns must reach the step.
  public func shape(after input: FeatureShape) throws(FeatureShape.Problem) -> FeatureShape {
    try ScoreColumns.shape(
      input, reading: [("frequency_column", columns.frequency), ("recency_column", columns.recency), ("tenure_column", columns.tenure)],
      adding: ["p_alive", "churn_risk", "expected_purchases"], for: Self.name)
  }

  public func fit(_ table: DataTable, context: FitContext) throws -> any FittedPreprocessor {
    let history = try columns.history(in: table)
    let model = try BGNBDModel.fit(history)
    let scored = history.x.indices.allSatisfy { i in
      model.probabilityAlive(x: history.x[i], tx: history.tx[i], age: history.age[i]).isFinite
        && model.expectedPurchases(horizon: horizonDays, x: history.x[i], tx: history.tx[i], age: history.age[i]).isFinite
    }
    guard scored else {
      let p = [("r", model.r), ("α", model.alpha), ("a", model.a), ("b", model.b)].map { "\($0) = \($1)" }.joined(separator: ", ")
      throw FitError.degenerate(
        "the BG/NBD fit on these \(history.x.count) customers is degenerate (\(p)): it scores some of them with no finite P(alive) or "
          + "expected purchases, so the histories are too few or too alike to estimate it; use more customers or a longer history, "
          + "or leave churn-risk out")
    }
    return FittedChurnRisk(model: model, columns: columns, horizonDays: horizonDays)
  }

  public static func restore(state: JSONValue) throws -> any FittedPreprocessor {
    let saved = try SavedState(state, owner: "churn-risk step")
    return FittedChurnRisk(
      model: BGNBDModel(r: try saved.real("r"), alpha: try saved.real("alpha"), a: try saved.real("a"), b: try saved.real("b")),
      columns: try HistoryColumns(saved), horizonDays: try saved.real("horizon_days"))
  }
}

/// The names of the columns holding BG/NBD's x, t_x and T (in days).
public struct HistoryColumns: Sendable, Equatable {
  /// Repeat purchases x.
  public var frequency: String
  /// Days from first to last purchase t_x.
  public var recency: String
  /// Days from first purchase to the as-of date T.
  public var tenure: String

  /// The aggregator's names by default.
  public init(frequency: String = "repeat_purchases", recency: String = "t_days", tenure: String = "tenure_days") {
    self.frequency = frequency
    self.recency = recency
    self.tenure = tenure
  }

  init(_ p: Parameters) {
    self.init(frequency: p.text("frequency_column"), recency: p.text("recency_column"), tenure: p.text("tenure_column"))
  }

  init(_ saved: SavedState) throws(SavedStateError) {
    self.init(frequency: try saved.text("frequency_column"), recency: try saved.text("recency_column"), tenure: try saved.text("tenure_column"))
  }

  /// The checked histories in `table`.
  func history(in table: DataTable) throws(DataError) -> PurchaseHistory {
    try PurchaseHistory(table: table, x: frequency, tx: recency, age: tenure)
  }

  /// The names as saved-state fields.
  var state: [String: JSONValue] {
    ["frequency_column": .string(frequency), "recency_column": .string(recency), "tenure_column": .string(tenure)]
  }
}
