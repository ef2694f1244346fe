/// A fitted ``LoyaltyScore``: the settings and the fit data's longest tenure.
public struct FittedLoyaltyScore: FittedPreprocessor, Equatable {
  /// Tenure column.
  public let tenureColumn: String
  /// Inter-purchase CV column.
  public let cvColumn: String
  /// Weight of the tenure part.
  public let tenureWeight: Double
  /// The longest tenure in the fit data, the tenure scale.
  public let longestTenure: Double

  /// The score of one customer.
  public func score(tenure: Double, cv: Double) -> Double {
    let tenurePart = longestTenure > 0 ? min(1, max(0, tenure / longestTenure)) : 0
    let regularity = cv.isNaN ? 0 : 1 - min(1, max(0, cv))
    return tenure.isNaN ? .nan : tenureWeight * tenurePart + (1 - tenureWeight) * regularity
  }

  /// Adds `loyalty_score`.
  public func transform(_ table: DataTable) throws -> DataTable {
    let tenure = try ScoreColumns.numbers(tenureColumn, in: table, for: LoyaltyScore.name)
    let cv = try ScoreColumns.numbers(cvColumn, in: table, for: LoyaltyScore.name)
    return ScoreColumns.adding([.numeric("loyalty_score", tenure.indices.map { score(tenure: tenure[$0], cv: cv[$0]) })], to: table)
  }

  /// `{"longest_tenure"}`.
  public var summary: JSONValue? { ["longest_tenure": .double(longestTenure)] }

  /// Settings and longest tenure, read back by ``LoyaltyScore/restore(state:)``.
  public var state: JSONValue {
    [
      "tenure_column": .string(tenureColumn), "cv_column": .string(cvColumn), "tenure_weight": .double(tenureWeight),
      "longest_tenure": .double(longestTenure),
    ]
  }
}
