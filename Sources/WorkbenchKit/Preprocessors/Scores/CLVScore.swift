/// Adds the discounted customer lifetime value `clv` and the Gamma–Gamma `expected_spend` per purchase.
///
/// Fits BG/NBD (``BGNBDModel``) on every row's purchase history and
/// Gamma–Gamma (``GammaGammaModel``, Fader, Hardie & Lee 2005 "RFM and CLV")
/// on the rows with repeat purchases and a positive mean spend, then scores
/// every row with ``CustomerLifetimeValue``: the horizon `horizon_days` is cut
/// into periods of `period_days`, each period's expected purchases × expected
/// spend is discounted by (1 + `discount_rate`)^(period end / period_days).
/// With the defaults (365 days, 30-day periods, 1 % a period) this is
/// `lifetimes`' `customer_lifetime_value(time=12, discount_rate=0.01, freq="D")`
/// plus a final 5-day partial period.
///
/// Spend: `monetary_column` is the mean value of the repeat purchases (the
/// aggregator's `repeat_monetary_mean`, as `lifetimes` computes it). Rows
/// with no repeat purchase or a missing mean get the population mean spend.
///
/// Worked example: expected purchases 0.5 in the first 30 days and 0.4 in
/// the next 30, expected spend 30, 1 % a period, a 60-day horizon:
/// CLV = 0.5·30/1.01 + 0.4·30/1.01² = 26.61.
///
/// The fitted r, α, a, b, p, q, v are in the trial record and the saved state.
/// Edge cases: as ``ChurnRisk`` for the histories; no row with a repeat
/// purchase and a positive spend, or a Gamma–Gamma fit with q ≤ 1, is a ``FitError``.
/// - Complexity: fit O(evaluations · rows); transform O(rows · periods · ₂F₁ terms).
public struct CLVScore: Preprocessor {
  public static let name = "clv"
  public static let summary = "Add discounted customer lifetime value (BG/NBD purchases × Gamma-Gamma spend) per customer."
  public static let parameters: [ParameterSpec] = ChurnRisk.parameters.filter { $0.name != "horizon_days" } + [
    ParameterSpec("monetary_column", .text, default: "repeat_monetary_mean", "Mean value of the repeat purchases (Gamma-Gamma's m)."),
    ParameterSpec("horizon_days", .real(minimum: 0, maximum: 36_500, openMinimum: true), default: 365, "Days ahead the value is summed over."),
    ParameterSpec("period_days", .real(minimum: 0, maximum: 36_500, openMinimum: true), default: 30, "Length of one discounting period in days."),
    ParameterSpec("discount_rate", .real(minimum: 0, maximum: 10), default: 0.01, "Discount rate per period (0.01 = 1 %)."),
  ]

  /// Where the purchase histories are.
  public var columns: HistoryColumns
  /// Mean repeat-purchase value column.
  public var monetaryColumn: String
  /// Days ahead.
  public var horizonDays: Double
  /// Discounting period in days.
  public var periodDays: Double
  /// Discount rate per period.
  public var discountRate: Double

  /// A step with these settings.
  public init(
    columns: HistoryColumns = HistoryColumns(), monetaryColumn: String = "repeat_monetary_mean", horizonDays: Double = 365,
    periodDays: Double = 30, discountRate: Double = 0.01
  ) {
    self.columns = columns
    self.monetaryColumn = monetaryColumn
    self.horizonDays = horizonDays
    self.periodDays = periodDays
    self.discountRate = discountRate
  }

  public init(validated: Parameters) {
    self.init(
      columns: HistoryColumns(validated), monetaryColumn: validated.text("monetary_column"),
      horizonDays: validated.real("horizon_days"), periodDays: validated.real("period_days"),
      discountRate: validated.real("discount_rate"))
  }

  /// Adds `expected_spend` and `clv`; the history and monetary columns must reach the step.
  public func shape(after input: FeatureShape) throws(FeatureShape.Problem) -> FeatureShape {
    try ScoreColumns.shape(
      input,
      reading: [
        ("frequency_column", columns.frequency), ("recency_column", columns.recency), ("tenure_column", columns.tenure),
        ("monetary_column", monetaryColumn),
      ],
      adding: ["expected_spend", "clv"], for: Self.name)
  }

  public func fit(_ table: DataTable, context: FitContext) throws -> any FittedPreprocessor {
    let history = try columns.history(in: table)
    let spend = try ScoreColumns.numbers(monetaryColumn, in: table, for: Self.name)
    let purchases = try BGNBDModel.fit(history)
    let returning = history.x.indices.filter { history.x[$0] > 0 && spend[$0].isFinite && spend[$0] > 0 }
    let spendModel = try GammaGammaModel.fit(frequency: returning.map { history.x[$0] }, meanSpend: returning.map { spend[$0] })
    return FittedCLVScore(
      value: CustomerLifetimeValue(
        purchases: purchases, spend: spendModel, horizon: horizonDays, period: periodDays, discountRate: discountRate),
      columns: columns, monetaryColumn: monetaryColumn)
  }

  public static func restore(state: JSONValue) throws -> any FittedPreprocessor {
    let saved = try SavedState(state, owner: "clv step")
    let purchases = BGNBDModel(r: try saved.real("r"), alpha: try saved.real("alpha"), a: try saved.real("a"), b: try saved.real("b"))
    let spend = GammaGammaModel(p: try saved.real("p"), q: try saved.real("q"), v: try saved.real("v"))
    let horizon = try saved.real("horizon_days"), period = try saved.real("period_days"), rate = try saved.real("discount_rate")
    guard horizon > 0, period > 0, rate >= 0 else { throw SavedStateError(owner: "clv step", detail: "the horizon, period or rate is out of range") }
    return FittedCLVScore(
      value: CustomerLifetimeValue(purchases: purchases, spend: spend, horizon: horizon, period: period, discountRate: rate),
      columns: try HistoryColumns(saved), monetaryColumn: try saved.text("monetary_column"))
  }
}
