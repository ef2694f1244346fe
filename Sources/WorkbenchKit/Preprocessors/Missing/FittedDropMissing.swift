/// The columns a ``DropMissing`` step checks.
public struct FittedDropMissing: FittedPreprocessor, Equatable {
  /// The checked columns.
  public let columnNames: [String]
  /// Rows of the fit table that were removed.
  public let droppedRows: Int

  /// Indices of the rows of `table` with no missing cell in the checked columns.
  func completeRows(_ table: DataTable) throws(DataError) -> [Int] {
    let columns = try FeatureColumns.columns(columnNames, of: table)
    return (0..<table.rowCount).filter { r in
      columns.allSatisfy { column in
        switch column.values {
        case .numeric(let x): !x[r].isNaN
        case .categorical(let x): x[r] != nil
        }
      }
    }
  }

  /// The rows of `table` with no missing cell in the checked columns (``DataTable/selecting(rows:)`` keeps their provenance).
  public func transform(_ table: DataTable) throws -> DataTable {
    table.selecting(rows: try completeRows(table))
  }

  /// `{"columns": […], "dropped_rows": N}`.
  public var state: JSONValue { ["columns": SavedState.encode(columnNames), "dropped_rows": .int(droppedRows)] }

  /// The same as ``state``.
  public var summary: JSONValue? { state }
}
