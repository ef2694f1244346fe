import Foundation

/// Adjusted Rand index: agreement of the clusters with the true classes over all row pairs, corrected for chance.
///
/// From the pair confusion matrix (pairs together in both, apart in both, …),
/// ARI = 2(tp·tn − fn·fp) / ((tp + fn)(fn + tn) + (tp + fp)(fp + tn)); 1 for
/// identical partitions, about 0 for random labels, as low as −0.5.
/// Matches `sklearn.metrics.adjusted_rand_score(truth, labels)`, including 1
/// when no pair disagrees. The numerator's difference of products is formed
/// with a fused multiply-add correction, so it stays accurate where
/// scikit-learn uses exact Python integers.
///
/// Edge cases: undefined without a truth column; rows with missing truth are
/// left out and noise (−1) counts as one more cluster (see ``ContingencyTable``).
/// - Complexity: O(rows · log rows).
/// - SeeAlso: Hubert & Arabie, "Comparing partitions", J. Classification 2, 1985.
public struct AdjustedRandIndex: ExternalMetric {
  public static let name = "ari"
  public static let summary = "Adjusted Rand index against the truth column, in [-0.5, 1]; higher is better."
  public static let bounds: ClosedRange<Double>? = -0.5...1

  public init(validated parameters: Parameters) throws {}

  public func value(of table: ContingencyTable) -> Double {
    let n = Double(table.total)
    let sumSquares = ContingencyTable.sumOfSquares(table.cellCounts)
    var byCluster = 0.0, byClass = 0.0
    for cell in table.cells {
      byCluster += Double(cell.count) * Double(table.clusterTotals[cell.clusterIndex])
      byClass += Double(cell.count) * Double(table.classTotals[cell.classIndex])
    }
    let tp = sumSquares - n
    let fp = byCluster - sumSquares
    let fn = byClass - sumSquares
    let tn = n * n - fp - fn - sumSquares
    if fn == 0 && fp == 0 { return 1 }
    let product = fn * fp
    let numerator = fma(tp, tn, -product) + fma(-fn, fp, product)
    return 2 * numerator / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn))
  }
}
