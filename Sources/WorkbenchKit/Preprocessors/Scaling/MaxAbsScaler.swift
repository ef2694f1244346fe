/// Divides numeric columns by their largest absolute value, so the fit data lies in [−1, 1].
///
/// Matches `sklearn.preprocessing.MaxAbsScaler`: `y = x / max|x|` over
/// non-missing cells; a column of zeros gets scale 1. Keeps zeros at zero
/// and does not center.
///
/// Edge cases: a column with no values is a ``DataError``. Columns follow the
/// ``FeatureColumns`` rule. Missing cells stay missing.
/// - Complexity: O(rows · columns).
public struct MaxAbsScaler: Preprocessor {
  public static let name = "maxabs-scaler"
  public static let summary = "Divide numeric columns by their maximum absolute value (sklearn MaxAbsScaler)."
  public static let parameters: [ParameterSpec] = [FeatureColumns.parameter("scale")]

  /// Columns to scale; empty means all numeric ones.
  public var columns: [String]

  public init(validated: Parameters) {
    columns = validated.textList("columns")
  }

  public static func restore(state: JSONValue) throws -> any FittedPreprocessor {
    try FittedColumnScaling.restore(state, step: name)
  }

  /// Learns each column's maximum absolute value.
  public func fit(_ table: DataTable, context: FitContext) throws -> any FittedPreprocessor {
    let names = try FeatureColumns.numericTargets(columns, in: table, for: Self.name)
    var maxAbs: [Double] = []
    for (name, x) in zip(names, try FeatureColumns.numericValues(names, of: table, for: Self.name)) {
      guard let m = x.filter({ !$0.isNaN }).map(abs).max() else {
        throw FeatureColumns.allMissing(name, in: table, for: Self.name, fix: "impute it first or leave it out of 'columns'.")
      }
      maxAbs.append(m)
    }
    let zeros = [Double](repeating: 0, count: names.count), ones = [Double](repeating: 1, count: names.count)
    return try FittedColumnScaling(
      step: Self.name, columnNames: names, centers: zeros, scales: maxAbs.map { ColumnMoments.isNegligible(spread: $0, magnitude: $0) ? 1 : $0 },
      multipliers: ones, offsets: zeros, statistics: ["max_abs": maxAbs]
    ).counting(on: table)
  }
}
