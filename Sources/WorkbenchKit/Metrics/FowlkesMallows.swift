/// Fowlkes–Mallows index: the geometric mean of pairwise precision and recall against the true classes.
///
/// FM = TP / √((TP + FP)(TP + FN)) over row pairs, computed as
/// √(TP / P) · √(TP / Q) with TP = Σ nᵢⱼ² − N, P = Σ bⱼ² − N, Q = Σ aᵢ² − N;
/// 0 when TP = 0. Matches `sklearn.metrics.fowlkes_mallows_score(truth, labels)`.
///
/// Edge cases: undefined without a truth column; rows with missing truth are
/// left out and noise (−1) counts as one more cluster (see ``ContingencyTable``).
/// - Complexity: O(rows · log rows).
/// - SeeAlso: Fowlkes & Mallows, "A method for comparing two hierarchical clusterings", JASA 78, 1983.
public struct FowlkesMallows: ExternalMetric {
  public static let name = "fowlkes-mallows"
  public static let summary = "Fowlkes-Mallows index against the truth column, in [0, 1]; higher is better."
  public static let bounds: ClosedRange<Double>? = 0...1

  public init(validated parameters: Parameters) throws {}

  public func value(of table: ContingencyTable) -> Double {
    let n = Double(table.total)
    let tk = ContingencyTable.sumOfSquares(table.cellCounts) - n
    guard tk != 0 else { return 0 }
    let pk = ContingencyTable.sumOfSquares(table.clusterTotals) - n
    let qk = ContingencyTable.sumOfSquares(table.classTotals) - n
    return (tk / pk).squareRoot() * (tk / qk).squareRoot()
  }
}
