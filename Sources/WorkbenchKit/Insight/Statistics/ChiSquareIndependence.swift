import WorkbenchNumerics

/// Pearson's χ² test of independence between segment and a categorical column.
///
/// On the segments × categories table of counts (rows or columns with no
/// count left out): expected counts Eᵢⱼ = rowᵢ · colⱼ / N, χ² = Σ (O − E)²/E,
/// dof = (r − 1)(c − 1), p = P(χ²(dof) ≥ χ²), Cramér's V = √(χ² / (N · min(r − 1, c − 1))).
/// Matches `scipy.stats.chi2_contingency(table, correction=False)` and
/// `scipy.stats.contingency.association(table, method="cramer")` to 1e-9
/// relative, p-values too (tested). No Yates correction: with segments of
/// customers the table is rarely 2 × 2, and scipy applies it only there.
///
/// Undefined when fewer than two segments or two categories have counts.
/// - Complexity: O(r · c).
public struct ChiSquareIndependence: Sendable, Equatable {
  /// The χ² statistic.
  public var chiSquared: Double
  /// (r − 1)(c − 1).
  public var degrees: Int
  /// P(χ²(dof) ≥ χ²).
  public var p: Double
  /// Cramér's V, from 0 (independent) to 1.
  public var cramersV: Double

  /// The test on `counts` (one row per segment, one column per category).
  public static func test(_ counts: [[Int]]) -> Result<ChiSquareIndependence, StatisticUndefined> {
    let width = counts.first?.count ?? 0
    precondition(counts.allSatisfy { $0.count == width }, "a rectangular table")
    let rows = counts.filter { $0.reduce(0, +) > 0 }
    let columns = (0..<width).filter { c in rows.contains { $0[c] > 0 } }
    guard rows.count >= 2 else { return .failure(StatisticUndefined("needs values in at least two segments")) }
    guard columns.count >= 2 else { return .failure(StatisticUndefined("a single category: nothing to compare")) }
    let rowTotals = rows.map { row in Double(columns.reduce(0) { $0 + row[$1] }) }
    let columnTotals = columns.map { c in Double(rows.reduce(0) { $0 + $1[c] }) }
    let n = rowTotals.reduce(0, +)
    var statistic = 0.0
    for (i, row) in rows.enumerated() {
      for (j, c) in columns.enumerated() {
        let expected = rowTotals[i] * columnTotals[j] / n
        let difference = Double(row[c]) - expected
        statistic += difference * difference / expected
      }
    }
    let degrees = (rows.count - 1) * (columns.count - 1)
    let v = (statistic / (n * Double(min(rows.count, columns.count) - 1))).squareRoot()
    return .success(
      ChiSquareIndependence(chiSquared: statistic, degrees: degrees, p: TailProbability.chiSquared(statistic, degrees: Double(degrees)), cramersV: v))
  }
}
