/// Adds `value_score` in 0…1: frequency × average purchase value, min–max normalised on the fit data.
///
/// raw = frequency · monetary_mean (that is, total spend); value_score =
/// (raw − min) / (max − min) with min and max the raw values of the fit data,
/// clipped to 0…1 for new customers outside that range; 0 when all fit
/// customers have the same raw value (as sklearn's MinMaxScaler).
///
/// Worked example: fit data raw values 20, 90 and 420; a customer with
/// 3 purchases averaging 30 (raw 90) scores (90 − 20)/(420 − 20) = 0.175.
///
/// State: min and max raw value. Edge cases: a missing input gives NaN.
/// - Complexity: O(rows).
public struct ValueScore: Preprocessor {
  public static let name = "value-score"
  public static let summary = "Add value_score (0..1): frequency x average purchase value, min-max normalised on the fit data."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec("frequency_column", .text, default: "frequency", "Number of purchases."),
    ParameterSpec("monetary_column", .text, default: "monetary_mean", "Average purchase value."),
  ]

  /// Number-of-purchases column.
  public var frequencyColumn: String
  /// Average purchase value column.
  public var monetaryColumn: String

  /// A step reading these columns.
  public init(frequencyColumn: String = "frequency", monetaryColumn: String = "monetary_mean") {
    self.frequencyColumn = frequencyColumn
    self.monetaryColumn = monetaryColumn
  }

  public init(validated: Parameters) {
    self.init(frequencyColumn: validated.text("frequency_column"), monetaryColumn: validated.text("monetary_column"))
  }

  /// Adds `value_score`; the frequency and monetary columns must reach the step.
  public func shape(after input: FeatureShape) throws(FeatureShape.Problem) -> FeatureShape {
    try ScoreColumns.shape(
      input, reading: [("frequency_column", frequencyColumn), ("monetary_column", monetaryColumn)], adding: ["value_score"], for: Self.name)
  }

  public func fit(_ table: DataTable, context: FitContext) throws -> any FittedPreprocessor {
    let scorer = FittedValueScore(frequencyColumn: frequencyColumn, monetaryColumn: monetaryColumn, minimum: 0, maximum: 0)
    let raw = try scorer.raw(table)
    let (lo, hi) = try ScoreColumns.range(raw, column: monetaryColumn, in: table, for: Self.name)
    return FittedValueScore(frequencyColumn: frequencyColumn, monetaryColumn: monetaryColumn, minimum: lo, maximum: hi)
  }

  public static func restore(state: JSONValue) throws -> any FittedPreprocessor {
    let saved = try SavedState(state, owner: "value-score step")
    return FittedValueScore(
      frequencyColumn: try saved.text("frequency_column"), monetaryColumn: try saved.text("monetary_column"),
      minimum: try saved.real("min"), maximum: try saved.real("max"))
  }
}
