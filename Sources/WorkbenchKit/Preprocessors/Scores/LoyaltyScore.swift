/// Adds `loyalty_score` in 0…1 from tenure and the regularity of repeat purchases.
///
/// loyalty = w · min(1, tenure / max tenure of the fit data)
///         + (1 − w) · (1 − min(1, CV)),
/// with w = `tenure_weight` (default 0.5) and CV the coefficient of variation
/// (population sd / mean) of the days between purchases (the aggregator's
/// `interpurchase_cv`). A CV of 0 means perfectly regular purchases; a CV of
/// 1 or more (as irregular as a Poisson process or worse) earns nothing.
/// Customers with fewer than three purchases have no CV (NaN) and get 0 for
/// regularity: they have not shown a rhythm yet.
///
/// Worked example: fit data's longest tenure 1 000 days; a customer with
/// tenure 500 and gaps 10, 20, 30 days (mean 20, sd 8.16, CV 0.408) scores
/// 0.5 · 0.5 + 0.5 · 0.592 = 0.546.
///
/// State: the fit data's longest tenure, so new customers are scored on the same scale.
/// Edge cases: a missing tenure gives NaN; a longest tenure ≤ 0 gives tenure part 0.
/// - Complexity: O(rows).
public struct LoyaltyScore: Preprocessor {
  public static let name = "loyalty-score"
  public static let summary = "Add loyalty_score (0..1): weighted normalised tenure and purchase regularity (1 - CV of gaps)."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec("tenure_column", .text, default: "tenure_days", "Days since the first purchase."),
    ParameterSpec("cv_column", .text, default: "interpurchase_cv", "Coefficient of variation of the days between purchases (NaN when undefined)."),
    ParameterSpec("tenure_weight", .real(minimum: 0, maximum: 1), default: 0.5, "Weight of tenure; regularity gets 1 - tenure_weight."),
  ]

  /// Tenure column.
  public var tenureColumn: String
  /// Inter-purchase CV column.
  public var cvColumn: String
  /// Weight of the tenure part.
  public var tenureWeight: Double

  /// A step with these settings.
  public init(tenureColumn: String = "tenure_days", cvColumn: String = "interpurchase_cv", tenureWeight: Double = 0.5) {
    self.tenureColumn = tenureColumn
    self.cvColumn = cvColumn
    self.tenureWeight = tenureWeight
  }

  public init(validated: Parameters) {
    self.init(tenureColumn: validated.text("tenure_column"), cvColumn: validated.text("cv_column"), tenureWeight: validated.real("tenure_weight"))
  }

  /// Adds `loyalty_score`; the tenure and CV columns must reach the step.
  public func shape(after input: FeatureShape) throws(FeatureShape.Problem) -> FeatureShape {
    try ScoreColumns.shape(
      input, reading: [("tenure_column", tenureColumn), ("cv_column", cvColumn)], adding: ["loyalty_score"], for: Self.name)
  }

  public func fit(_ table: DataTable, context: FitContext) throws -> any FittedPreprocessor {
    let tenure = try ScoreColumns.numbers(tenureColumn, in: table, for: Self.name)
    _ = try ScoreColumns.numbers(cvColumn, in: table, for: Self.name)
    let (_, longest) = try ScoreColumns.range(tenure, column: tenureColumn, in: table, for: Self.name)
    return FittedLoyaltyScore(tenureColumn: tenureColumn, cvColumn: cvColumn, tenureWeight: tenureWeight, longestTenure: longest)
  }

  public static func restore(state: JSONValue) throws -> any FittedPreprocessor {
    let saved = try SavedState(state, owner: "loyalty-score step")
    return FittedLoyaltyScore(
      tenureColumn: try saved.text("tenure_column"), cvColumn: try saved.text("cv_column"),
      tenureWeight: try saved.real("tenure_weight"), longestTenure: try saved.real("longest_tenure"))
  }
}
