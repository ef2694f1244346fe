/// Normalized mutual information: mutual information with the true classes over the mean of the two entropies.
///
/// NMI = MI / mean(H(truth), H(labels)) (arithmetic mean). Matches
/// `sklearn.metrics.normalized_mutual_info_score(truth, labels)` with its
/// default `average_method="arithmetic"`, including 1 when both sides have a
/// single group and 0 when the mutual information is 0.
///
/// Edge cases: undefined without a truth column; rows with missing truth are
/// left out and noise (−1) counts as one more cluster (see ``ContingencyTable``).
/// - Complexity: O(rows · log rows).
/// - SeeAlso: Strehl & Ghosh, "Cluster ensembles", JMLR 3, 2002.
public struct NormalizedMutualInformation: ExternalMetric {
  public static let name = "nmi"
  public static let summary = "Normalized mutual information against the truth column, in [0, 1]; higher is better."
  public static let bounds: ClosedRange<Double>? = 0...1

  public init(validated parameters: Parameters) throws {}

  public func value(of table: ContingencyTable) -> Double {
    if table.classes.count == 1 && table.clusters.count == 1 { return 1 }
    let mi = table.mutualInformation
    if mi == 0 { return 0 }
    return mi / ((table.classEntropy + table.clusterEntropy) / 2)
  }
}
