/// V-measure: the weighted harmonic mean of homogeneity and completeness.
///
/// v = (1 + β) h c / (β h + c), 0 when h + c = 0; β = 1 weighs both equally
/// and equals NMI with the arithmetic mean. Matches
/// `sklearn.metrics.v_measure_score(truth, labels, beta=…)`.
///
/// Edge cases: undefined without a truth column; rows with missing truth are
/// left out and noise (−1) counts as one more cluster (see ``ContingencyTable``).
/// - Complexity: O(rows · log rows).
/// - SeeAlso: Rosenberg & Hirschberg, "V-Measure", EMNLP-CoNLL 2007.
public struct VMeasure: ExternalMetric {
  public static let name = "v-measure"
  public static let summary = "V-measure against the truth column, in [0, 1]; higher is better."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec("beta", .real(minimum: 0, maximum: 1_000), default: 1.0, "Weight of completeness relative to homogeneity (scikit-learn's beta).")
  ]
  public static let bounds: ClosedRange<Double>? = 0...1

  /// β, the weight of completeness.
  let beta: Double

  public init(validated parameters: Parameters) throws {
    beta = parameters.real("beta")
  }

  public func value(of table: ContingencyTable) -> Double {
    let h = table.homogeneity, c = table.completeness
    guard h + c != 0 else { return 0 }
    return (1 + beta) * h * c / (beta * h + c)
  }
}
