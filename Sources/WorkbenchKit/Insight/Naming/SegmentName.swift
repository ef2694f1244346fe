/// A segment's name and the evidence the naming rule read.
public struct SegmentName: Sendable, Equatable {
  /// Which part of the rule gave the name.
  public enum Rule: String, Sendable, Equatable {
    /// A customer-vocabulary label ("At risk"), possibly with a qualifier.
    case vocabulary
    /// The two most distinctive features ("High income · low recency").
    case features
    /// The noise group.
    case noise
  }

  /// A column the name rests on and its z-score in this segment.
  public struct Evidence: Sendable, Equatable {
    /// The column's name.
    public var column: String
    /// The standardised difference of the segment mean from the population mean.
    public var z: Double
  }

  /// The segment id.
  public var id: Int
  /// The name, unique within the segmentation.
  public var name: String
  /// How it was derived.
  public var rule: Rule
  /// The vocabulary label, for ``Rule/vocabulary``.
  public var label: String?
  /// The columns it rests on, strongest first.
  public var evidence: [Evidence]
}
