import WorkbenchNumerics

/// The Mann–Whitney U test between two segments: the post-hoc comparison of the tests across segments.
///
/// Chosen over Welch's t because customer columns (spend, recency, counts)
/// are skewed and heavy-tailed, and because it is the pairwise companion
/// of Kruskal–Wallis. U₁ counts the pairs (x from the first segment, y from
/// the second) with x > y, ties counting ½; with U = max(U₁, n₁n₂ − U₁),
/// z = (U − n₁n₂/2 − ½) / σ, σ² = n₁n₂/12 · ((n + 1) − Σ(t³ − t)/(n(n − 1))),
/// and p = 2·P(Z ≥ z), capped at 1: scipy's `mannwhitneyu(x, y,
/// alternative="two-sided", method="asymptotic")` (normal approximation
/// with continuity and tie corrections; we use it for every size, where
/// scipy's default switches to the exact distribution below 9 values).
/// Matches scipy to 1e-9 relative, p-values too (tested). Effect size: the
/// rank-biserial correlation 2U₁/(n₁n₂) − 1, from −1 (every value of the
/// first segment is below the second's) to 1.
///
/// Undefined when every value of both segments is the same (σ = 0).
/// - Complexity: O(1) from ``RankStatistics``.
public struct MannWhitneyU: Sendable, Equatable {
  /// U₁ of the first segment against the second.
  public var u: Double
  /// The standardised statistic, continuity-corrected.
  public var z: Double
  /// Two-sided p-value.
  public var p: Double
  /// 2U₁/(n₁n₂) − 1.
  public var rankBiserial: Double

  /// The test of group `first` against group `second`, both with values.
  static func test(_ ranks: RankStatistics, _ first: Int, _ second: Int) -> Result<MannWhitneyU, StatisticUndefined> {
    let n1 = Double(ranks.sizes[first]), n2 = Double(ranks.sizes[second])
    precondition(n1 > 0 && n2 > 0, "both segments need values")
    let u1 = ranks.pairCounts[first][second]
    let n = n1 + n2
    let variance = n1 * n2 / 12 * ((n + 1) - ranks.pairTieTerms[first][second] / (n * (n - 1)))
    guard variance > 0 else { return .failure(StatisticUndefined("every value in both segments is the same")) }
    let z = (max(u1, n1 * n2 - u1) - n1 * n2 / 2 - 0.5) / variance.squareRoot()
    let p = min(1, 2 * TailProbability.normal(z))
    return .success(MannWhitneyU(u: u1, z: z, p: p, rankBiserial: 2 * u1 / (n1 * n2) - 1))
  }
}
