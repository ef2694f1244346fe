/// A column an insight section left out, and why (an identifier; no threshold with enough support).
public struct SkippedColumn: Sendable, Equatable {
  /// The column's name.
  public var column: String
  /// Why it was left out.
  public var reason: String

  public init(column: String, reason: String) {
    self.column = column
    self.reason = reason
  }
}
