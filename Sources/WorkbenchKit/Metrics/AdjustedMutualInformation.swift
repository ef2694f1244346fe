/// Adjusted mutual information: mutual information with the true classes, corrected for chance.
///
/// AMI = (MI − E[MI]) / (mean(H(truth), H(labels)) − E[MI]), with the exact
/// expected mutual information under random labellings of the same sizes and
/// the arithmetic mean as normaliser. Matches
/// `sklearn.metrics.adjusted_mutual_info_score(truth, labels)` (its default
/// `average_method="arithmetic"`), including 1 when both sides have a single
/// group, 0 when only one does, and its clamping of numerator and
/// denominator away from zero by machine epsilon, keeping their sign.
///
/// Edge cases: undefined without a truth column; rows with missing truth are
/// left out and noise (−1) counts as one more cluster (see ``ContingencyTable``).
/// - Complexity: O(classes · clusters · rows) for the expected value.
/// - SeeAlso: Vinh, Epps & Bailey, "Information theoretic measures for clusterings comparison", JMLR 11, 2010.
public struct AdjustedMutualInformation: ExternalMetric {
  public static let name = "ami"
  public static let summary = "Adjusted mutual information against the truth column, at most 1; higher is better."
  public static let bounds: ClosedRange<Double>? = nil

  public init(validated parameters: Parameters) throws {}

  public func value(of table: ContingencyTable) -> Double {
    if table.classes.count == 1 && table.clusters.count == 1 { return 1 }
    if table.classes.count == 1 || table.clusters.count == 1 { return 0 }
    let mi = table.mutualInformation
    let emi = table.expectedMutualInformation
    let normalizer = (table.classEntropy + table.clusterEntropy) / 2
    let eps = Double.ulpOfOne
    let difference = normalizer - emi
    let denominator = difference < 0 ? min(difference, -eps) : max(difference, eps)
    let excess = mi - emi
    let numerator = excess < 0 ? min(excess, -eps) : max(excess, eps)
    return numerator / denominator
  }
}
