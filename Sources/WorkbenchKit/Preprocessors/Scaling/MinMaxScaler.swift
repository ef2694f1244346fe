/// Scales numeric columns linearly so the fit data spans `[min, max]`.
///
/// Matches `sklearn.preprocessing.MinMaxScaler(feature_range=(min, max))`:
/// `scale = (max − min) / (data_max − data_min)`, `y = x · scale + (min − data_min · scale)`,
/// with the statistics over non-missing cells; a (near-)constant column gets
/// range 1, as sklearn's `_handle_zeros_in_scale` (range < 10 ε, relative to
/// the column's magnitude when that is below 1: see
/// ``ColumnMoments/isNegligible(spread:magnitude:)``). Data ranges beyond the
/// largest double are handled exactly.
/// New data outside the fit range maps outside `[min, max]` (no clipping).
///
/// Edge cases: `min ≥ max` is a parameter error; a column with no values is a ``DataError``.
/// Columns follow the ``FeatureColumns`` rule. Missing cells stay missing.
/// - Complexity: O(rows · columns).
public struct MinMaxScaler: Preprocessor {
  public static let name = "minmax-scaler"
  public static let summary = "Scale numeric columns to a range, by default [0, 1] (sklearn MinMaxScaler)."
  public static let parameters: [ParameterSpec] = [
    FeatureColumns.parameter("scale"),
    ParameterSpec("min", .real(minimum: -1e9, maximum: 1e9), default: 0.0, "Lower end of the output range (sklearn feature_range[0])."),
    ParameterSpec("max", .real(minimum: -1e9, maximum: 1e9), default: 1.0, "Upper end of the output range (sklearn feature_range[1])."),
  ]

  /// Columns to scale; empty means all numeric ones.
  public var columns: [String]
  /// The output range.
  public var range: ClosedRange<Double>

  public init(validated: Parameters) throws {
    columns = validated.textList("columns")
    let lo = validated.real("min"), hi = validated.real("max")
    guard lo < hi else {
      throw ParameterError(parameter: "max", message: "the output range needs min < max; got min \(JSONNumber.plain(lo)), max \(JSONNumber.plain(hi)).", fix: "choose a max above min.")
    }
    range = lo...hi
  }

  public static func restore(state: JSONValue) throws -> any FittedPreprocessor {
    try FittedColumnScaling.restore(state, step: name)
  }

  /// Learns each column's minimum and maximum over its non-missing cells.
  public func fit(_ table: DataTable, context: FitContext) throws -> any FittedPreprocessor {
    let names = try FeatureColumns.numericTargets(columns, in: table, for: Self.name)
    var mins: [Double] = [], maxs: [Double] = [], scales: [Double] = [], offsets: [Double] = []
    for (name, x) in zip(names, try FeatureColumns.numericValues(names, of: table, for: Self.name)) {
      let present = x.filter { !$0.isNaN }
      guard let lo = present.min(), let hi = present.max() else {
        throw FeatureColumns.allMissing(name, in: table, for: Self.name, fix: "impute it first or leave it out of 'columns'.")
      }
      let scale = Self.scale(from: lo...hi, to: range)
      mins.append(lo)
      maxs.append(hi)
      scales.append(scale)
      offsets.append(range.lowerBound - lo * scale)
    }
    let ones = [Double](repeating: 1, count: names.count)
    return try FittedColumnScaling(
      step: Self.name, columnNames: names, centers: [Double](repeating: 0, count: names.count), scales: ones,
      multipliers: scales, offsets: offsets, statistics: ["data_min": mins, "data_max": maxs]
    ).counting(on: table)
  }

  /// The factor mapping the data range onto the output range: (max − min) / (data max − data min), 1 / 1 for a constant column.
  ///
  /// A data range beyond the largest double (values near ±1e308) is taken
  /// in halves, exactly; "constant" follows ``ColumnMoments/isNegligible(spread:magnitude:)``.
  static func scale(from data: ClosedRange<Double>, to output: ClosedRange<Double>) -> Double {
    let magnitude = max(abs(data.lowerBound), abs(data.upperBound))
    let dataRange = data.upperBound - data.lowerBound
    if ColumnMoments.isNegligible(spread: dataRange, magnitude: magnitude) { return output.upperBound - output.lowerBound }
    guard dataRange.isFinite else {
      return (output.upperBound * 0.5 - output.lowerBound * 0.5) / (data.upperBound * 0.5 - data.lowerBound * 0.5)
    }
    return (output.upperBound - output.lowerBound) / dataRange
  }
}
