/// Completeness: how far all rows of a true class fall in one cluster.
///
/// c = MI / H(labels), 1 when there is one cluster. Matches
/// `sklearn.metrics.completeness_score(truth, labels)`.
///
/// Edge cases: undefined without a truth column; rows with missing truth are
/// left out and noise (−1) counts as one more cluster (see ``ContingencyTable``).
/// - Complexity: O(rows · log rows).
/// - SeeAlso: Rosenberg & Hirschberg, "V-Measure", EMNLP-CoNLL 2007.
public struct Completeness: ExternalMetric {
  public static let name = "completeness"
  public static let summary = "Completeness against the truth column (each class one cluster), in [0, 1]; higher is better."
  public static let bounds: ClosedRange<Double>? = 0...1

  public init(validated parameters: Parameters) throws {}

  public func value(of table: ContingencyTable) -> Double { table.completeness }
}
