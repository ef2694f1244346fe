import WorkbenchNumerics

/// The Kruskal–Wallis H test: do the segments' distributions of a column differ (a rank-based one-way ANOVA)?
///
/// With N values ranked together (ties get their mid-rank), group g of
/// size nᵍ with mean rank R̄ᵍ: H = 12/(N(N + 1)) · Σ nᵍ(R̄ᵍ − (N + 1)/2)²,
/// divided by the tie correction 1 − Σ(t³ − t)/(N³ − N); p = P(χ²(k − 1) ≥ H);
/// effect size ε² = H / (N − 1) (Tomczak & Tomczak 2014). The sum of squared
/// deviations avoids the cancellation of the textbook Σ R²/n − 3(N + 1).
/// Matches `scipy.stats.kruskal` to 1e-9 relative, p-values too (tested).
///
/// Undefined when fewer than two groups have values or all values are equal.
/// - Complexity: O(N · k) after the sort shared with the profiles.
public struct KruskalWallis: Sendable, Equatable {
  /// The tie-corrected H statistic.
  public var h: Double
  /// k − 1.
  public var degrees: Int
  /// P(χ²(k − 1) ≥ H).
  public var p: Double
  /// H / (N − 1).
  public var epsilonSquared: Double

  /// The test from the ranks of the groups' values (groups without values are not counted).
  static func test(_ ranks: RankStatistics) -> Result<KruskalWallis, StatisticUndefined> {
    let present = ranks.sizes.indices.filter { ranks.sizes[$0] > 0 }
    guard present.count >= 2 else { return .failure(StatisticUndefined("needs values in at least two segments")) }
    let n = Double(ranks.total)
    let correction = 1 - ranks.tieTerm / (n * n * n - n)
    guard correction > 0 else { return .failure(StatisticUndefined("all values are equal")) }
    let middle = (n + 1) / 2
    let spread = present.reduce(0.0) { sum, g in
      let deviation = ranks.rankSums[g] / Double(ranks.sizes[g]) - middle
      return sum + Double(ranks.sizes[g]) * deviation * deviation
    }
    let h = 12 / (n * (n + 1)) * spread / correction
    let degrees = present.count - 1
    return .success(
      KruskalWallis(h: h, degrees: degrees, p: TailProbability.chiSquared(h, degrees: Double(degrees)), epsilonSquared: h / (n - 1)))
  }
}
