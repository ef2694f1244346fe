/// Adds `engagement_score` in 0…1: a weighted average of normalised loyalty, campaign interaction and channel activity.
///
/// engagement = (w_l · n(loyalty) + w_c · n(campaign) + w_a · n(activity)) / (w_l + w_c + w_a),
/// where n(·) min–max normalises a column by the fit data's range (clipped to
/// 0…1 for new rows; 0 for a constant column). Defaults: loyalty =
/// `loyalty_score` (from the loyalty-score step), campaign =
/// `campaign_responses` (responses to campaigns or ads), activity =
/// `channel=web` (share of purchases made online, a proxy for digital/social
/// activity); weights 0.4, 0.3, 0.3. A weight of 0 drops that input, but its
/// column must still exist.
///
/// Worked example: fit ranges loyalty 0.1…0.9, campaign responses 0…6,
/// web share 0…1; a customer with loyalty 0.5, 3 responses and web share 0.8:
/// (0.4 · 0.5 + 0.3 · 0.5 + 0.3 · 0.8) / 1.0 = 0.59.
///
/// State: each input's fit range. Edge cases: the weights must not all be 0
/// (a ``ParameterError``); a missing input gives NaN.
/// - Complexity: O(rows).
public struct EngagementScore: Preprocessor {
  public static let name = "engagement-score"
  public static let summary = "Add engagement_score (0..1): weighted mean of normalised loyalty, campaign response and channel activity."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec("loyalty_column", .text, default: "loyalty_score", "Loyalty input (e.g. from loyalty-score)."),
    ParameterSpec("campaign_column", .text, default: "campaign_responses", "Campaign or ad interactions."),
    ParameterSpec("activity_column", .text, default: "channel=web", "Social or channel activity (e.g. the online share of purchases)."),
    ParameterSpec("loyalty_weight", .real(minimum: 0, maximum: 1_000), default: 0.4, "Weight of loyalty."),
    ParameterSpec("campaign_weight", .real(minimum: 0, maximum: 1_000), default: 0.3, "Weight of campaign interaction."),
    ParameterSpec("activity_weight", .real(minimum: 0, maximum: 1_000), default: 0.3, "Weight of channel activity."),
  ]

  /// The input columns: loyalty, campaign, activity.
  public var inputColumns: [String]
  /// Their weights, in the same order.
  public var weights: [Double]

  /// A step reading `inputColumns` (loyalty, campaign, activity) with `weights`; the weights must not all be 0.
  public init(
    inputColumns: [String] = ["loyalty_score", "campaign_responses", "channel=web"], weights: [Double] = [0.4, 0.3, 0.3]
  ) throws(ParameterError) {
    precondition(inputColumns.count == 3 && weights.count == 3, "three inputs and three weights")
    guard weights.reduce(0, +) > 0 else {
      throw ParameterError(parameter: "loyalty_weight", message: "the three weights of engagement-score are all 0.", fix: "give at least one weight a value above 0.")
    }
    self.inputColumns = inputColumns
    self.weights = weights
  }

  public init(validated: Parameters) throws {
    try self.init(
      inputColumns: [validated.text("loyalty_column"), validated.text("campaign_column"), validated.text("activity_column")],
      weights: [validated.real("loyalty_weight"), validated.real("campaign_weight"), validated.real("activity_weight")])
  }

  /// Adds `engagement_score`; the three input columns must reach the step.
  public func shape(after input: FeatureShape) throws(FeatureShape.Problem) -> FeatureShape {
    try ScoreColumns.shape(
      input, reading: Array(zip(["loyalty_column", "campaign_column", "activity_column"], inputColumns)), adding: ["engagement_score"],
      for: Self.name)
  }

  public func fit(_ table: DataTable, context: FitContext) throws -> any FittedPreprocessor {
    var minima: [Double] = [], maxima: [Double] = []
    for name in inputColumns {
      let (lo, hi) = try ScoreColumns.range(try ScoreColumns.numbers(name, in: table, for: Self.name), column: name, in: table, for: Self.name)
      minima.append(lo)
      maxima.append(hi)
    }
    return FittedEngagementScore(inputColumns: inputColumns, weights: weights, minima: minima, maxima: maxima)
  }

  public static func restore(state: JSONValue) throws -> any FittedPreprocessor {
    let saved = try SavedState(state, owner: "engagement-score step")
    let fitted = FittedEngagementScore(
      inputColumns: try saved.texts("columns"), weights: try saved.reals("weights"), minima: try saved.reals("min"),
      maxima: try saved.reals("max"))
    guard Set([fitted.weights.count, fitted.minima.count, fitted.maxima.count]) == [fitted.inputColumns.count], fitted.weights.reduce(0, +) > 0 else {
      throw SavedStateError(owner: "engagement-score step", detail: "the weights or ranges do not match the columns")
    }
    return fitted
  }
}
