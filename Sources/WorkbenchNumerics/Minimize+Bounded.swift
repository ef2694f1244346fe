extension Minimize {
  /// The minimiser of `f` on `[lower, upper]` found by `scipy.optimize.fminbound(f, lower, upper, xtol)` (500 evaluations at most).
  ///
  /// Brent's method restricted to the interval: golden-section steps, with
  /// parabolic steps when they stay inside and shrink fast enough; stops when
  /// `|x − mid| ≤ 2·tol1 − (b − a)/2`, `tol1 = √2.2e-16·|x| + xtol/3`.
  /// `lower ≤ upper` (precondition). Infinite values of `f` count as uphill.
  /// - Complexity: O(evaluations) of `f`, typically 20–40.
  public static func bounded(_ lower: Double, _ upper: Double, xtol: Double = 1e-5, maxEvaluations: Int = 500, _ f: (Double) -> Double) -> Double {
    precondition(lower <= upper, "the lower bound exceeds the upper bound")
    let sqrtEps = (2.2e-16).squareRoot()
    let goldenMean = 0.5 * (3.0 - (5.0).squareRoot())
    var a = lower, b = upper
    var fulc = a + goldenMean * (b - a)
    var nfc = fulc, xf = fulc
    var rat = 0.0, e = 0.0
    var fx = f(xf)
    var evaluations = 1
    var ffulc = fx, fnfc = fx
    var xm = 0.5 * (a + b)
    var tol1 = sqrtEps * abs(xf) + xtol / 3.0
    var tol2 = 2.0 * tol1
    while abs(xf - xm) > tol2 - 0.5 * (b - a) {
      var golden = true
      if abs(e) > tol1 {
        golden = false
        var r = (xf - nfc) * (fx - ffulc)
        var q = (xf - fulc) * (fx - fnfc)
        var p = (xf - fulc) * q - (xf - nfc) * r
        q = 2.0 * (q - r)
        if q > 0.0 { p = -p }
        q = abs(q)
        r = e
        e = rat
        if abs(p) < abs(0.5 * q * r) && p > q * (a - xf) && p < q * (b - xf) {
          rat = (p + 0.0) / q
          let x = xf + rat
          if x - a < tol2 || b - x < tol2 {
            let si: Double = xm - xf > 0 ? 1 : (xm - xf < 0 ? -1 : 1)
            rat = tol1 * si
          }
        } else {
          golden = true
        }
      }
      if golden {
        e = xf >= xm ? a - xf : b - xf
        rat = goldenMean * e
      }
      let si: Double = rat > 0 ? 1 : (rat < 0 ? -1 : 1)
      let x = xf + si * max(abs(rat), tol1)
      let fu = f(x)
      evaluations += 1
      if fu <= fx {
        if x >= xf { a = xf } else { b = xf }
        fulc = nfc; ffulc = fnfc
        nfc = xf; fnfc = fx
        xf = x; fx = fu
      } else {
        if x < xf { a = x } else { b = x }
        if fu <= fnfc || nfc == xf {
          fulc = nfc; ffulc = fnfc
          nfc = x; fnfc = fu
        } else if fu <= ffulc || fulc == xf || fulc == nfc {
          fulc = x; ffulc = fu
        }
      }
      xm = 0.5 * (a + b)
      tol1 = sqrtEps * abs(xf) + xtol / 3.0
      tol2 = 2.0 * tol1
      if evaluations >= maxEvaluations { break }
    }
    return xf
  }
}
