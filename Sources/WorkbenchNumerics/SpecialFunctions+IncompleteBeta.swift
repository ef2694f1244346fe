import Foundation

extension SpecialFunctions {
  /// The regularised incomplete beta function Iₓ(a, b) = B(x; a, b) / B(a, b).
  ///
  /// The cumulative distribution of a Beta(a, b) variable at x; F and
  /// Student t tail probabilities are values of it. See
  /// ``incompleteBeta(_:_:x:complement:)`` for the method and accuracy.
  /// Edge cases: x = 0 gives 0, x = 1 gives 1; a ≤ 0, b ≤ 0, x outside [0, 1] or NaN give NaN.
  /// - Complexity: O(√max(a, b)) continued-fraction terms at worst.
  public static func regularizedBeta(_ a: Double, _ b: Double, x: Double) -> Double {
    incompleteBeta(a, b, x: x, complement: 1 - x).lower
  }

  /// Iₓ(a, b) and 1 − Iₓ(a, b) together, from x and its complement y = 1 − x given separately.
  ///
  /// Passing y separately keeps tail probabilities accurate when x is within
  /// rounding of 1 (an F statistic's x = d₂/(d₂ + d₁F) with y = d₁F/(d₂ + d₁F)).
  /// The smaller of the two results is computed directly, never as 1 minus
  /// the other: Iₓ(a, b) = xᵃyᵇ/(a B(a, b)) · CF(a, b, x) by the continued
  /// fraction of Numerical Recipes (modified Lentz) when x < (a + 1)/(a + b + 2),
  /// where it converges fastest, else through the symmetry
  /// 1 − Iₓ(a, b) = I_y(b, a). The factor is formed in logarithms with
  /// ``logBeta(_:_:)`` and `log1p`, so arguments near 10⁵ (ANOVA on 200 000
  /// rows) do not lose accuracy there. Matches `scipy.special.betainc` and
  /// `betaincc` to 1e-12 relative, 1e-11 where a ≥ 10⁴ ≫ b (tested), down to
  /// values near 1e-300.
  /// Domain: a, b > 0, x, y ∈ [0, 1] with x + y = 1 up to rounding; otherwise NaN.
  /// - SeeAlso: Press et al., *Numerical Recipes*, 3rd ed., §6.4.
  /// - Complexity: O(√max(a, b)) continued-fraction terms at worst.
  public static func incompleteBeta(_ a: Double, _ b: Double, x: Double, complement y: Double) -> (lower: Double, upper: Double) {
    guard a > 0, b > 0, a.isFinite, b.isFinite, x >= 0, x <= 1, y >= 0, y <= 1 else { return (.nan, .nan) }
    if x == 0 || y == 1 { return (0, 1) }
    if y == 0 || x == 1 { return (1, 0) }
    let logFactor = a * (x < 0.5 ? log(x) : log1p(-y)) + b * (y < 0.5 ? log(y) : log1p(-x)) - logBeta(a, b)
    if x < (a + 1) / (a + b + 2) {
      let lower = exp(logFactor) * betaFraction(a, b, x: x, complement: y) / a
      return (lower, 1 - lower)
    }
    let upper = exp(logFactor) * betaFraction(b, a, x: y, complement: x) / b
    return (1 - upper, upper)
  }

  /// The continued fraction of Iₓ(a, b) (Numerical Recipes `betacf`), by modified Lentz.
  ///
  /// Its first denominator 1 − (a + b)x/(a + 1) is formed as (1 − b + (a + b)y)/(a + 1)
  /// from the complement y, which does not cancel when x is near 1. The later
  /// steps still lose digits in proportion to a/b there: about 3e-12 relative
  /// at a = 10⁵, b = 1.5 (an F test on 200 000 rows), 1e-15 for a ≤ 100.
  private static func betaFraction(_ a: Double, _ b: Double, x: Double, complement y: Double) -> Double {
    let qab = a + b, qap = a + 1, qam = a - 1
    var c = 1.0
    var d = (1 - b + qab * y) / qap
    if abs(d) < lentzTiny { d = lentzTiny }
    d = 1 / d
    var fraction = d
    var m = 1.0
    while m < 1_000_000 {
      let m2 = 2 * m
      fraction *= lentzStep(m * (b - m) * x / ((qam + m2) * (a + m2)), 1, c: &c, d: &d)
      let delta = lentzStep(-(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)), 1, c: &c, d: &d)
      fraction *= delta
      if abs(delta - 1) < 3e-16 { break }
      m += 1
    }
    return fraction
  }
}
