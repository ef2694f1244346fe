/// The bounds a ``RemoveOutliers`` step learned, per column.
public struct FittedRemoveOutliers: FittedPreprocessor, Equatable {
  /// The checked columns, in order.
  public let columnNames: [String]
  /// Values strictly below are outliers.
  public let lowerBounds: [Double]
  /// Values strictly above are outliers.
  public let upperBounds: [Double]
  /// How column verdicts combine.
  public let rule: RemoveOutliers.Rule
  /// Rows of the fit table removed.
  public let removedRows: Int
  /// Outlying cells per column in the fit table.
  public let outlierCells: [Int]

  /// Per column, per row: whether the cell is outside the bounds (missing cells are not).
  func outlierFlags(_ columns: [[Double]]) -> [[Bool]] {
    columns.enumerated().map { c, x in x.map { $0 < lowerBounds[c] || $0 > upperBounds[c] } }
  }

  /// The rows kept under ``rule``.
  func keptRows(_ flags: [[Bool]], rows: Int) -> [Int] {
    (0..<rows).filter { r in
      switch rule {
      case .any: !flags.contains { $0[r] }
      case .all: flags.isEmpty || !flags.allSatisfy { $0[r] }
      }
    }
  }

  /// The rows of `table` that are not outliers under the learned bounds.
  public func transform(_ table: DataTable) throws -> DataTable {
    let x = try FeatureColumns.numericValues(columnNames, of: table, for: RemoveOutliers.name)
    return table.selecting(rows: keptRows(outlierFlags(x), rows: table.rowCount))
  }

  /// The bounds and counts, read back by ``RemoveOutliers/restore(state:)``.
  public var state: JSONValue {
    [
      "columns": SavedState.encode(columnNames), "lower": SavedState.encode(lowerBounds), "upper": SavedState.encode(upperBounds),
      "rule": .string(rule.rawValue), "removed_rows": .int(removedRows), "outlier_cells": .array(outlierCells.map(JSONValue.int)),
    ]
  }

  /// `{"removed_rows": N, "lower": {column: b}, "upper": {column: b}, "outlier_cells": {column: n}}`.
  public var summary: JSONValue? {
    [
      "removed_rows": .int(removedRows), "lower": FeatureColumns.byColumn(columnNames, lowerBounds),
      "upper": FeatureColumns.byColumn(columnNames, upperBounds),
      "outlier_cells": .object(Dictionary(uniqueKeysWithValues: zip(columnNames, outlierCells.map(JSONValue.int)))),
    ]
  }
}
