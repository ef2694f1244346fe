/// Compares two labellings of the same rows: the adjusted Rand index and per-cluster Jaccard matches.
///
/// Labels are any integers (noise −1 counts as a cluster of its own, as
/// scikit-learn's `adjusted_rand_score` treats it).
public struct PartitionComparison: Sendable {
  /// Distinct labels of the first labelling, ascending.
  public let firstLabels: [Int]
  /// Distinct labels of the second labelling, ascending.
  public let secondLabels: [Int]
  /// `counts[i][j]` = rows with the i-th first label and the j-th second label.
  public let counts: [[Int]]
  /// Number of rows compared.
  public let rows: Int

  /// Cross-tabulates `a` and `b`, which must have equal length.
  public init(_ a: [Int], _ b: [Int]) {
    precondition(a.count == b.count, "labellings of different lengths")
    firstLabels = Array(Set(a)).sorted()
    secondLabels = Array(Set(b)).sorted()
    var rowIndex: [Int: Int] = [:]
    var columnIndex: [Int: Int] = [:]
    for (i, l) in firstLabels.enumerated() { rowIndex[l] = i }
    for (j, l) in secondLabels.enumerated() { columnIndex[l] = j }
    var counts = Array(repeating: Array(repeating: 0, count: secondLabels.count), count: firstLabels.count)
    for (x, y) in zip(a, b) { counts[rowIndex[x]!][columnIndex[y]!] += 1 }
    self.counts = counts
    rows = a.count
  }

  /// Hubert & Arabie's adjusted Rand index (1 = identical partitions, ≈ 0 = chance), as scikit-learn computes it.
  public var adjustedRandIndex: Double {
    func pairs(_ n: Int) -> Double { Double(n) * Double(n - 1) / 2 }
    let sumCells = counts.reduce(0.0) { $0 + $1.reduce(0.0) { $0 + pairs($1) } }
    let sumRows = counts.reduce(0.0) { $0 + pairs($1.reduce(0, +)) }
    let sumColumns = secondLabels.indices.reduce(0.0) { acc, j in acc + pairs(counts.reduce(0) { $0 + $1[j] }) }
    let total = pairs(rows)
    guard total > 0 else { return 1 }
    let expected = sumRows * sumColumns / total
    let maximum = (sumRows + sumColumns) / 2
    // Both partitions trivial (one cluster each, or all singletons): scikit-learn returns 1.
    guard maximum != expected else { return 1 }
    return (sumCells - expected) / (maximum - expected)
  }

  /// For each label of the first labelling, the best Jaccard similarity |A∩B| / |A∪B| over the second's clusters
  /// (fpc::clusterboot's per-cluster stability).
  public var bestJaccard: [Double] {
    let rowTotals = counts.map { $0.reduce(0, +) }
    let columnTotals = secondLabels.indices.map { j in counts.reduce(0) { $0 + $1[j] } }
    return counts.indices.map { i in
      secondLabels.indices.reduce(0.0) { best, j in
        let shared = counts[i][j]
        let union = rowTotals[i] + columnTotals[j] - shared
        return union == 0 ? best : max(best, Double(shared) / Double(union))
      }
    }
  }
}
