/// The columns a ``SelectColumns`` or ``DropColumns`` step keeps.
public struct FittedColumnSelection: FittedPreprocessor, Equatable {
  /// The output columns, in order.
  public let kept: [String]
  /// The fit table's other columns.
  public let dropped: [String]

  /// The kept columns of `table`; each must be present.
  public func transform(_ table: DataTable) throws -> DataTable {
    try table.requireColumns(kept)
    return table.selecting(columns: kept)
  }

  /// `{"kept": […], "dropped": […]}`.
  public var state: JSONValue { ["kept": SavedState.encode(kept), "dropped": SavedState.encode(dropped)] }

  /// The same as ``state``.
  public var summary: JSONValue? { state }
}
