extension Minimize {
  /// The minimiser of `f` found by `scipy.optimize.brent(f, brack=(a, b))` (tol 1.48e-8, 500 iterations); `nil` when no bracket exists.
  ///
  /// First `scipy.optimize.bracket` walks downhill from `a`, `b` (golden
  /// ratio growth, parabolic extrapolation limited to 110 × the step) until
  /// three points bracket a minimum; then Brent's method refines it until
  /// `|x − mid| < 2·tol1 − (b − a)/2` with `tol1 = tol·|x| + 1e-11`.
  /// Infinite values of `f` are allowed (treated as "uphill"); NaN makes the
  /// search fail.
  /// - Complexity: O(iterations) evaluations of `f`, typically 20–40.
  /// - SeeAlso: Brent, "Algorithms for Minimization without Derivatives", 1973, ch. 5.
  public static func brent(
    bracketing start: (Double, Double), tolerance: Double = 1.48e-8, maxIterations: Int = 500, _ f: (Double) -> Double
  ) -> Double? {
    guard let (xa, xb, xc, fb) = bracket(start.0, start.1, f) else { return nil }
    let minimumTolerance = 1.0e-11, cg = 0.3819660
    var x = xb, w = xb, v = xb
    var fw = fb, fv = fb, fx = fb
    var a = min(xa, xc), b = max(xa, xc)
    var deltax = 0.0, rat = 0.0
    for _ in 0..<maxIterations {
      let tol1 = tolerance * abs(x) + minimumTolerance, tol2 = 2.0 * tol1
      let xmid = 0.5 * (a + b)
      if abs(x - xmid) < tol2 - 0.5 * (b - a) { break }
      if abs(deltax) <= tol1 {
        deltax = x >= xmid ? a - x : b - x
        rat = cg * deltax
      } else {
        let tmp1 = (x - w) * (fx - fv)
        var tmp2 = (x - v) * (fx - fw)
        var p = (x - v) * tmp2 - (x - w) * tmp1
        tmp2 = 2.0 * (tmp2 - tmp1)
        if tmp2 > 0.0 { p = -p }
        tmp2 = abs(tmp2)
        let dxTemp = deltax
        deltax = rat
        if p > tmp2 * (a - x) && p < tmp2 * (b - x) && abs(p) < abs(0.5 * tmp2 * dxTemp) {
          rat = p * 1.0 / tmp2
          let u = x + rat
          if u - a < tol2 || b - u < tol2 { rat = xmid - x >= 0 ? tol1 : -tol1 }
        } else {
          deltax = x >= xmid ? a - x : b - x
          rat = cg * deltax
        }
      }
      let u = abs(rat) < tol1 ? (rat >= 0 ? x + tol1 : x - tol1) : x + rat
      let fu = f(u)
      if fu > fx {
        if u < x { a = u } else { b = u }
        if fu <= fw || w == x {
          v = w; w = u; fv = fw; fw = fu
        } else if fu <= fv || v == x || v == w {
          v = u; fv = fu
        }
      } else {
        if u >= x { a = x } else { b = x }
        v = w; w = x; x = u
        fv = fw; fw = fx; fx = fu
      }
    }
    return x
  }

  /// `scipy.optimize.bracket(f, xa, xb)`: three points with the middle one lowest, and its value.
  private static func bracket(_ a0: Double, _ b0: Double, _ f: (Double) -> Double) -> (Double, Double, Double, Double)? {
    let gold = 1.618034, verySmall = 1e-21, growLimit = 110.0
    var xa = a0, xb = b0
    var fa = f(xa), fb = f(xb)
    if fa < fb { swap(&xa, &xb); swap(&fa, &fb) }
    var xc = xb + gold * (xb - xa)
    var fc = f(xc)
    var iteration = 0
    while fc < fb {
      let tmp1 = (xb - xa) * (fb - fc)
      let tmp2 = (xb - xc) * (fb - fa)
      let val = tmp2 - tmp1
      let denom = abs(val) < verySmall ? 2.0 * verySmall : 2.0 * val
      var w = xb - ((xb - xc) * tmp2 - (xb - xa) * tmp1) / denom
      let wlim = xb + growLimit * (xc - xb)
      if iteration > 1000 { return nil }
      iteration += 1
      var fw: Double
      if (w - xc) * (xb - w) > 0.0 {
        fw = f(w)
        if fw < fc {
          xa = xb; xb = w; fa = fb; fb = fw
          break
        } else if fw > fb {
          xc = w; fc = fw
          break
        }
        w = xc + gold * (xc - xb)
        fw = f(w)
      } else if (w - wlim) * (wlim - xc) >= 0.0 {
        w = wlim
        fw = f(w)
      } else if (w - wlim) * (xc - w) > 0.0 {
        fw = f(w)
        if fw < fc {
          xb = xc; xc = w
          w = xc + gold * (xc - xb)
          fb = fc; fc = fw
          fw = f(w)
        }
      } else {
        w = xc + gold * (xc - xb)
        fw = f(w)
      }
      xa = xb; xb = xc; xc = w
      fa = fb; fb = fc; fc = fw
    }
    let lowest = (fb < fc && fb <= fa) || (fb < fa && fb <= fc)
    let ordered = (xa < xb && xb < xc) || (xc < xb && xb < xa)
    guard lowest, ordered, xa.isFinite, xb.isFinite, xc.isFinite else { return nil }
    return (xa, xb, xc, fb)
  }
}
