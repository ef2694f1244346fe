/// A fitted ``ValueScore``: the fit data's smallest and largest frequency × average value.
public struct FittedValueScore: FittedPreprocessor, Equatable {
  /// Number-of-purchases column.
  public let frequencyColumn: String
  /// Average purchase value column.
  public let monetaryColumn: String
  /// Smallest raw value in the fit data.
  public let minimum: Double
  /// Largest raw value in the fit data.
  public let maximum: Double

  /// frequency × average value per row.
  func raw(_ table: DataTable) throws(DataError) -> [Double] {
    let f = try ScoreColumns.numbers(frequencyColumn, in: table, for: ValueScore.name)
    let m = try ScoreColumns.numbers(monetaryColumn, in: table, for: ValueScore.name)
    return zip(f, m).map { $0 * $1 }
  }

  /// Adds `value_score`.
  public func transform(_ table: DataTable) throws -> DataTable {
    let scores = try raw(table).map { ScoreColumns.normalized($0, minimum: minimum, maximum: maximum) }
    return ScoreColumns.adding([.numeric("value_score", scores)], to: table)
  }

  /// `{"min", "max"}`.
  public var summary: JSONValue? { ["min": .double(minimum), "max": .double(maximum)] }

  /// Columns and range, read back by ``ValueScore/restore(state:)``.
  public var state: JSONValue {
    ["frequency_column": .string(frequencyColumn), "monetary_column": .string(monetaryColumn), "min": .double(minimum), "max": .double(maximum)]
  }
}
