import WorkbenchNumerics

/// The output of one fitted pipeline variant: the matrix algorithms see and what each step learned.
public struct PreparedFeatures: Sendable {
  /// Rows × transformed feature columns, all finite.
  public var matrix: Matrix
  /// Names of the matrix columns.
  public var columnNames: [String]
  /// Each step's learned state, in step order (`null` where a step records nothing).
  public var stepSummaries: [JSONValue]
}
