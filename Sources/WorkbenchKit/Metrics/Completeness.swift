/// Completeness: how far all rows of a true class fall in one cluster.
///
/// c = MI / H(labels), 1 when there is one cluster. Matches
/// `sklearn.metrics.completeness_score(truth, labels)`.
///
/// Edge cases: undefined without a truth column; rows with missing truth are
/// left out and noise (−1) counts as one more cluster (see ``ContingencyTable``).
/// - Complexity: O(rows · log rows).
/// - SeeAlso: Rosenberg & Hirschberg, "V-Measure", EMNLP-CoNLL 2007.
public struct Completeness: ClusterMetric {
  public static let name = "completeness"
  public static let summary = "Completeness against the truth column (each class one cluster), in [0, 1]; higher is better."
  public static let parameters: [ParameterSpec] = []
  public static let direction = MetricDirection.higherIsBetter
  public static let bounds: ClosedRange<Double>? = 0...1
  public static let needs: MetricNeeds = .truth

  public init(validated parameters: Parameters) throws {}

  public func score(_ input: MetricInput, context: FitContext) throws -> Score {
    ContingencyTable.score(input, metric: Self.name) { table in table.completeness }
  }
}
