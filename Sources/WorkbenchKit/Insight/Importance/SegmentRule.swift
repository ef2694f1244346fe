/// One leaf of the surrogate tree read as a rule describing a segment ("income > 82,000 and recency_days ≤ 30").
public struct SegmentRule: Sendable, Equatable {
  /// The conditions, one per feature, as text.
  public var conditions: [String]
  /// Included rows reaching the leaf.
  public var rows: Int
  /// Share of those rows in the leaf's segment.
  public var precision: Double
  /// Share of the segment's rows reaching the leaf.
  public var coverage: Double

  /// The conditions joined with "and" ("all customers" for a tree without splits).
  public var text: String { conditions.isEmpty ? "all customers" : conditions.joined(separator: " and ") }
}
