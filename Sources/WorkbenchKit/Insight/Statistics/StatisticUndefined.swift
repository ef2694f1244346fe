/// Why a statistic or test has no value for this data (a constant column, one segment, no values).
///
/// Carried in a `Result` instead of NaN, and written to the insight JSON as
/// the reason, so a reader learns why a cell is empty.
public struct StatisticUndefined: Error, Sendable, Equatable, CustomStringConvertible {
  /// The reason, as a sentence fragment ("all values are equal").
  public var reason: String

  public init(_ reason: String) { self.reason = reason }

  public var description: String { reason }
}
