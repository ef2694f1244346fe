/// The bounds a ``Clip`` step learned, one pair per column.
public struct FittedClip: FittedPreprocessor, Equatable {
  /// The fitted columns, in order.
  public let columnNames: [String]
  /// Values below these are raised to them.
  public let lowerBounds: [Double]
  /// Values above these are lowered to them.
  public let upperBounds: [Double]
  /// Cells of the fit table that were clipped.
  public let changedCells: Int

  func clipped(_ columns: [[Double]]) -> [[Double]] {
    columns.enumerated().map { c, x in
      let lo = lowerBounds[c], hi = upperBounds[c]
      return x.map { $0.isNaN ? $0 : min(max($0, lo), hi) }
    }
  }

  /// Clips the fitted columns of `table`; other columns pass through.
  public func transform(_ table: DataTable) throws -> DataTable {
    let x = try FeatureColumns.numericValues(columnNames, of: table, for: Clip.name)
    return FeatureColumns.replacing(columnNames, with: clipped(x), in: table)
  }

  /// The bounds, read back by ``Clip/restore(state:)``.
  public var state: JSONValue {
    [
      "columns": SavedState.encode(columnNames), "lower": SavedState.encode(lowerBounds), "upper": SavedState.encode(upperBounds),
      "changed_cells": .int(changedCells),
    ]
  }

  /// `{"changed_cells": N, "lower": {column: bound}, "upper": {column: bound}}`.
  public var summary: JSONValue? {
    [
      "changed_cells": .int(changedCells), "lower": FeatureColumns.byColumn(columnNames, lowerBounds),
      "upper": FeatureColumns.byColumn(columnNames, upperBounds),
    ]
  }
}
