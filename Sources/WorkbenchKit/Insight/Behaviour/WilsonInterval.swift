/// The Wilson score interval of a proportion: the 95 % interval of a response rate or a conditional share.
///
/// For x successes in n trials, p̂ = x/n and z = 1.959963984540054 (the
/// 0.975 normal quantile): centre (p̂ + z²/2n) / (1 + z²/n), half-width
/// z·√(p̂(1 − p̂)/n + z²/4n²) / (1 + z²/n). Unlike p̂ ± z·√(p̂(1−p̂)/n) it stays
/// inside [0, 1] and is sensible at 0 and n successes. Matches
/// `scipy.stats.binomtest(x, n).proportion_ci(method="wilson")` to 1e-12 (tested).
/// Domain: 0 ≤ x ≤ n, n ≥ 1 (checked).
/// - SeeAlso: Wilson, "Probable inference, the law of succession, and statistical inference", JASA 22, 1927.
/// - Complexity: O(1).
public enum WilsonInterval {
  /// The 0.975 quantile of the standard normal distribution.
  static let z95 = 1.959963984540054

  /// The estimate x/n with its 95 % Wilson interval.
  public static func estimate(successes x: Int, trials n: Int) -> Score {
    precondition(n >= 1 && x >= 0 && x <= n, "a proportion needs 0 ≤ x ≤ n and n ≥ 1")
    let trials = Double(n), p = Double(x) / trials
    let z2 = z95 * z95
    let denominator = 1 + z2 / trials
    let centre = (p + z2 / (2 * trials)) / denominator
    let half = z95 * (p * (1 - p) / trials + z2 / (4 * trials * trials)).squareRoot() / denominator
    return .estimate(value: p, low: max(0, centre - half), high: min(1, centre + half))
  }
}
