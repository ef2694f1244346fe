/// Column handling shared by the behavioural score steps (churn-risk, clv, loyalty/value/engagement scores).
enum ScoreColumns {
  /// `table` with `scores` added after its columns; a column of the same name is replaced in place.
  static func adding(_ scores: [Column], to table: DataTable) -> DataTable {
    var columns = table.columns
    for score in scores {
      if let index = columns.firstIndex(where: { $0.name == score.name }) { columns[index] = score } else { columns.append(score) }
    }
    return table.replacingColumns(columns)
  }

  /// The shape after a score step that reads `inputs` (parameter, column) and adds the numeric `outputs`.
  static func shape(
    _ input: FeatureShape, reading inputs: [(parameter: String, column: String)], adding outputs: [String], for step: String
  ) throws(FeatureShape.Problem) -> FeatureShape {
    for (parameter, column) in inputs {
      if let problem = input.numericColumnProblem(column, parameter: parameter, step: step) { throw problem }
    }
    return input.adding(outputs.map { FeatureShape.ShapeColumn(name: $0, isNumeric: true) })
  }

  /// The numbers of the column `name`, or a located error saying `step` needs it.
  static func numbers(_ name: String, in table: DataTable, for step: String) throws(DataError) -> [Double] {
    let column = try FeatureColumns.columns([name], of: table)[0]
    return try FeatureColumns.numbers(of: column, in: table, for: step)
  }

  /// `(value − minimum) / (maximum − minimum)` clipped to 0…1; 0 when the range is empty; NaN stays NaN.
  static func normalized(_ value: Double, minimum: Double, maximum: Double) -> Double {
    guard !value.isNaN else { return .nan }
    guard maximum > minimum else { return 0 }
    return min(1, max(0, (value - minimum) / (maximum - minimum)))
  }

  /// The smallest and largest non-NaN value, or a located error when there is none.
  static func range(_ values: [Double], column: String, in table: DataTable, for step: String) throws(DataError) -> (Double, Double) {
    let present = values.filter { !$0.isNaN }
    guard let lo = present.min(), let hi = present.max() else {
      throw FeatureColumns.allMissing(column, in: table, for: step, fix: "compute it first (aggregate transactions) or impute it.")
    }
    return (lo, hi)
  }
}
