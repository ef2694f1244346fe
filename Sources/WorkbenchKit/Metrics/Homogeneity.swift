/// Homogeneity: how far each cluster holds rows of a single true class.
///
/// h = MI / H(truth), 1 when the truth has one class. Matches
/// `sklearn.metrics.homogeneity_score(truth, labels)`.
///
/// Edge cases: undefined without a truth column; rows with missing truth are
/// left out and noise (−1) counts as one more cluster (see ``ContingencyTable``).
/// - Complexity: O(rows · log rows).
/// - SeeAlso: Rosenberg & Hirschberg, "V-Measure", EMNLP-CoNLL 2007.
public struct Homogeneity: ExternalMetric {
  public static let name = "homogeneity"
  public static let summary = "Homogeneity against the truth column (each cluster one class), in [0, 1]; higher is better."
  public static let bounds: ClosedRange<Double>? = 0...1

  public init(validated parameters: Parameters) throws {}

  public func value(of table: ContingencyTable) -> Double { table.homogeneity }
}

extension ContingencyTable {
  /// MI / H(truth), or 1 when H(truth) = 0 (scikit-learn's `homogeneity_completeness_v_measure`).
  var homogeneity: Double {
    let h = classEntropy
    return h != 0 ? mutualInformation / h : 1
  }

  /// MI / H(labels), or 1 when H(labels) = 0.
  var completeness: Double {
    let h = clusterEntropy
    return h != 0 ? mutualInformation / h : 1
  }
}
