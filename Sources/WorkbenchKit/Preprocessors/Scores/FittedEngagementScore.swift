/// A fitted ``EngagementScore``: the weights and each input's fit range.
public struct FittedEngagementScore: FittedPreprocessor, Equatable {
  /// Loyalty, campaign and activity columns.
  public let inputColumns: [String]
  /// Their weights.
  public let weights: [Double]
  /// Smallest fit value per input.
  public let minima: [Double]
  /// Largest fit value per input.
  public let maxima: [Double]

  /// Adds `engagement_score`.
  public func transform(_ table: DataTable) throws -> DataTable {
    var inputs: [[Double]] = []
    for name in inputColumns { inputs.append(try ScoreColumns.numbers(name, in: table, for: EngagementScore.name)) }
    let totalWeight = weights.reduce(0, +)
    let scores = (0..<table.rowCount).map { row in
      inputs.indices.reduce(0.0) { sum, k in
        sum + weights[k] * ScoreColumns.normalized(inputs[k][row], minimum: minima[k], maximum: maxima[k])
      } / totalWeight
    }
    return ScoreColumns.adding([.numeric("engagement_score", scores)], to: table)
  }

  /// `{"min": {column: value}, "max": {column: value}}`.
  public var summary: JSONValue? {
    func byColumn(_ values: [Double]) -> JSONValue {
      .object(Dictionary(uniqueKeysWithValues: zip(inputColumns, values.map(JSONValue.double))))
    }
    return ["min": byColumn(minima), "max": byColumn(maxima)]
  }

  /// Columns, weights and ranges, read back by ``EngagementScore/restore(state:)``.
  public var state: JSONValue {
    ["columns": SavedState.encode(inputColumns), "weights": SavedState.encode(weights), "min": SavedState.encode(minima), "max": SavedState.encode(maxima)]
  }
}
