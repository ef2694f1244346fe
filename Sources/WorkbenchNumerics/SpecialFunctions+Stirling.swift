import Foundation

extension SpecialFunctions {
  /// The remainder of Stirling's formula, δ(a) = ln Γ(a) − [(a − ½) ln a − a + ½ ln 2π], for a ≥ 10.
  ///
  /// The asymptotic series 1/(12a) − 1/(360a³) + 1/(1260a⁵) − 1/(1680a⁷) + 1/(1188a⁹);
  /// the first omitted term is below 2e-14 · δ at a = 10, so the value is
  /// accurate to about 1e-16 absolute. Splitting ln Γ this way lets the
  /// incomplete gamma and beta functions cancel the large logarithms
  /// analytically instead of subtracting two large ln Γ values.
  /// Domain: a ≥ 10 (checked).
  /// - Complexity: O(1).
  static func stirlingRemainder(_ a: Double) -> Double {
    precondition(a >= 10, "Stirling's remainder series is used from 10 upward")
    let r = 1 / a, r2 = r * r
    return r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 * (1.0 / 1680 - r2 / 1188))))
  }

  /// ln(1 + t) − t, accurate to a few ulps also for small |t| (where the difference cancels).
  ///
  /// A power series −t²/2 + t³/3 − … for |t| < 0.25, the direct form
  /// otherwise. Domain: t > −1; t = −1 gives −∞.
  /// - Complexity: O(1) (at most 40 series terms).
  static func log1pMinusX(_ t: Double) -> Double {
    guard abs(t) < 0.25 else { return log1p(t) - t }
    var power = t * t
    var sum = 0.0
    var n = 2.0
    while n < 42 {
      let term = power / n
      sum += n.truncatingRemainder(dividingBy: 2) == 0 ? -term : term
      if abs(term) <= 1e-17 * abs(sum) { break }
      power *= t
      n += 1
    }
    return sum
  }

  /// ln Γ(a + s) − ln Γ(a), with the large logarithms cancelled analytically when a ≥ 10.
  ///
  /// For a ≥ 10 and s ≥ 0: (a − ½) ln(1 + s/a) + s ln(a + s) − s + δ(a + s) − δ(a)
  /// (δ = ``stirlingRemainder(_:)``), accurate to about 1e-15 relative of the
  /// result even when ln Γ(a) is near 1e6; below 10, the difference of two
  /// ``logGamma(_:)`` values, which are then small.
  /// Domain: a > 0, s ≥ 0.
  /// - Complexity: O(1).
  static func logGammaRatio(_ a: Double, _ s: Double) -> Double {
    guard a >= 10 else { return logGamma(a + s) - logGamma(a) }
    return (a - 0.5) * log1p(s / a) + s * log(a + s) - s + stirlingRemainder(a + s) - stirlingRemainder(a)
  }

  /// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0, without subtracting large ln Γ values.
  ///
  /// When the larger argument is at least 10, ln Γ(large + small) − ln Γ(large)
  /// comes from ``logGammaRatio(_:_:)`` (and, when both are at least 10,
  /// the Stirling terms are combined in closed form), so a beta function of
  /// 100 000 and 1.5 keeps about 1e-15 relative accuracy instead of the 1e-10
  /// left after cancelling two ln Γ near 1e6. Domain: a, b > 0.
  /// - Complexity: O(1).
  public static func logBeta(_ a: Double, _ b: Double) -> Double {
    guard a > 0, b > 0 else { return .nan }
    let small = min(a, b), large = max(a, b)
    if large < 10 { return logGamma(a) + logGamma(b) - logGamma(a + b) }
    if small < 10 { return logGamma(small) - logGammaRatio(large, small) }
    let sum = a + b
    let logs = -a * log1p(b / a) - b * log1p(a / b) + 0.5 * (log(sum) - log(a) - log(b))
    return 0.5 * log(2 * Double.pi) + logs + stirlingRemainder(a) + stirlingRemainder(b) - stirlingRemainder(sum)
  }
}
