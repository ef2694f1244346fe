extension FeatureColumns {
  /// What a step that bounds values (clip, remove-outliers) learns: its columns, their numbers, and a range per column.
  struct Bounds {
    /// The numeric columns the step works on (see ``FeatureColumns/numericTargets(_:in:for:)``).
    var names: [String]
    /// The numbers of each column, missing cells as NaN, for counting what the bounds change.
    var values: [[Double]]
    /// The lower bound of each column.
    var lows: [Double]
    /// The upper bound of each column.
    var highs: [Double]
  }

  /// The bounds `bound` gives each target column's sorted non-missing values, with the columns and their numbers.
  ///
  /// Edge cases: the located errors of ``numericTargets(_:in:for:)`` and
  /// ``sortedObservedValues(_:of:in:for:)`` (a column with no value).
  /// - Complexity: O(rows · log rows) per column, plus `bound`.
  static func bounds(
    _ requested: [String], in table: DataTable, for step: String, _ bound: ([Double]) -> (low: Double, high: Double)
  ) throws(DataError) -> Bounds {
    let names = try numericTargets(requested, in: table, for: step)
    let values = try numericValues(names, of: table, for: step)
    var lows: [Double] = [], highs: [Double] = []
    for sorted in try sortedObservedValues(names, of: values, in: table, for: step) {
      let (low, high) = bound(sorted)
      lows.append(low)
      highs.append(high)
    }
    return Bounds(names: names, values: values, lows: lows, highs: highs)
  }
}
