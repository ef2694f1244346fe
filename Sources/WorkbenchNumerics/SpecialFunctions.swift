import Foundation

/// Special functions needed by the customer-lifetime models: log-gamma and the Gaussian hypergeometric function.
public enum SpecialFunctions {
  /// ln Γ(x) for x > 0 (the C library's thread-safe `lgamma_r`).
  ///
  /// Edge cases: x ≤ 0 or NaN gives NaN (the models only need positive arguments).
  /// - Complexity: O(1).
  public static func logGamma(_ x: Double) -> Double {
    guard x > 0 else { return .nan }
    var sign: Int32 = 0
    return lgamma_r(x, &sign)
  }

  /// ln ₂F₁(a, b; c; z), the logarithm of the Gaussian hypergeometric function, for 0 ≤ z < 1.
  ///
  /// Sums the defining series ₂F₁ = Σₙ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ term by term
  /// (term ratio `(a+n)(b+n) z / ((c+n)(n+1))`), as the `lifetimes` package
  /// relies on for BG/NBD's conditional expectation. The running sum is kept
  /// rescaled with a separate logarithm, so terms that grow to 1e300 and beyond
  /// before the series turns (large `a`, `b` with z near 1) neither overflow
  /// nor lose the result; it stops once a term is below 1e-17 of the sum
  /// after the terms have started to shrink.
  ///
  /// Domain: a, b, c > 0 and 0 ≤ z < 1 — every term is then positive, so
  /// no cancellation occurs. Matches `scipy.special.hyp2f1` to about 1e-13 relative there
  /// (tested). Outside it, or when 1 000 000 terms do not converge, the
  /// result is NaN.
  /// - Complexity: O(terms); terms grow like (a + b − c + ln ε) / (1 − z) for z near 1.
  public static func logHypergeometric2F1(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double {
    guard a > 0, b > 0, c > 0, a.isFinite, b.isFinite, c.isFinite, z >= 0, z < 1 else { return .nan }
    if z == 0 { return 0 }
    var logScale = 0.0
    var sum = 1.0
    var term = 1.0
    var previous = 1.0
    var n = 0.0
    while n < 1_000_000 {
      term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z
      n += 1
      sum += term
      if term <= previous && term <= 1e-17 * sum { return logScale + log(sum) }
      previous = term
      if sum > 1e250 {
        logScale += log(1e250)
        sum /= 1e250
        term /= 1e250
        previous /= 1e250
      }
    }
    return .nan
  }

  /// ₂F₁(a, b; c; z) = exp(``logHypergeometric2F1(_:_:_:_:)``); +∞ when it exceeds the double range.
  public static func hypergeometric2F1(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double {
    exp(logHypergeometric2F1(a, b, c, z))
  }
}
