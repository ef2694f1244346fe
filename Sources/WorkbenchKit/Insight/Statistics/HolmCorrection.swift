/// Holm's step-down adjustment of a family of p-values, for the pairwise comparisons of one column.
///
/// Sorted ascending (ties by position), the i-th smallest of m p-values
/// (i from 0) becomes max over j ≤ i of min(1, (m − j)·p₍ⱼ₎): it controls the
/// family-wise error rate like Bonferroni but rejects more (the definition
/// `statsmodels`' `multipletests(method="holm")` implements).
/// Edge case: an empty family gives an empty result.
/// - SeeAlso: Holm, "A simple sequentially rejective multiple test procedure", Scand. J. Statist. 6, 1979.
/// - Complexity: O(m log m).
public enum HolmCorrection {
  /// The adjusted p-values, in the order of `pValues`.
  public static func adjust(_ pValues: [Double]) -> [Double] {
    let m = pValues.count
    let order = pValues.indices.sorted { (pValues[$0], $0) < (pValues[$1], $1) }
    var adjusted = Array(repeating: 0.0, count: m)
    var running = 0.0
    for (rank, i) in order.enumerated() {
      running = max(running, min(1, Double(m - rank) * pValues[i]))
      adjusted[i] = running
    }
    return adjusted
  }
}
