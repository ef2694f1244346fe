/// Purity: the share of rows whose cluster's most frequent true class is their own.
///
/// purity = (1/N) Σ_clusters maxᵢ nᵢⱼ, the textbook definition (scikit-learn
/// has no function; the reference is `contingency_matrix(truth, labels).max(axis=0).sum() / N`).
/// 1 when every cluster is pure; it rises trivially with more clusters, so
/// compare it only at equal cluster counts.
///
/// Edge cases: undefined without a truth column; rows with missing truth are
/// left out and noise (−1) counts as one more cluster (see ``ContingencyTable``).
/// - Complexity: O(rows · log rows).
/// - SeeAlso: Manning, Raghavan & Schütze, "Introduction to Information Retrieval", §16.3, 2008.
public struct Purity: ExternalMetric {
  public static let name = "purity"
  public static let summary = "Purity against the truth column, in (0, 1]; higher is better."
  public static let bounds: ClosedRange<Double>? = 0...1

  public init(validated parameters: Parameters) throws {}

  public func value(of table: ContingencyTable) -> Double {
    var largest = Array(repeating: 0, count: table.clusters.count)
    for cell in table.cells { largest[cell.clusterIndex] = max(largest[cell.clusterIndex], cell.count) }
    return Double(largest.reduce(0, +)) / Double(table.total)
  }
}
