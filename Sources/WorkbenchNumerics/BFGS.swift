import Foundation

/// Quasi-Newton minimisation of a smooth function with a central-difference gradient (BFGS).
///
/// Used for the maximum-likelihood fits of the customer-lifetime models,
/// whose likelihoods have long curved ridges on which a simplex search stalls
/// (Gamma–Gamma on CDNOW) — the reason `lifetimes` fits them with scipy's BFGS.
/// Each iteration: gradient g by central differences with step
/// h = ε^(1/3)·max(1, |xᵢ|); direction d = −H g with H the inverse-Hessian
/// estimate (identity at first, rescaled by sᵀy / yᵀy after the first step, as
/// Nocedal & Wright eq. 6.20 suggest); a backtracking line search halves the
/// step from 1 until the Armijo condition f(x + t d) ≤ f(x) + 10⁻⁴ t gᵀd holds;
/// H gets the BFGS update when sᵀy > 0 (otherwise it is reset to the identity).
/// Stops when ‖g‖∞ ≤ `gradientTolerance`, or when a line search cannot
/// decrease f any more (the gradient is then at the noise level of the
/// differences; `converged` is true when ‖g‖∞ ≤ 1e-5 there).
///
/// Edge cases: NaN or infinite values count as +∞, so the line search backs
/// away from them; a non-finite start returns at once with `converged == false`.
/// Postconditions: `value == f(point)`; no randomness.
/// - Complexity: O(iterations · (n² + 2n evaluations of f)), n = dimension.
/// - SeeAlso: Nocedal & Wright, "Numerical Optimization", 2nd ed., §6.1 (2006).
public struct BFGS: Sendable {
  /// Stop when every gradient component is at most this in absolute value.
  public var gradientTolerance: Double
  /// Iteration limit.
  public var maxIterations: Int

  /// A minimiser with these stopping rules.
  public init(gradientTolerance: Double = 1e-9, maxIterations: Int = 1_000) {
    precondition(gradientTolerance >= 0 && maxIterations > 0, "invalid stopping rule")
    self.gradientTolerance = gradientTolerance
    self.maxIterations = maxIterations
  }

  /// Minimises `f` starting from `start` (at least one coordinate).
  public func minimize(_ f: ([Double]) -> Double, from start: [Double]) -> Minimum {
    precondition(!start.isEmpty, "nothing to optimise")
    func objective(_ x: [Double]) -> Double {
      let v = f(x)
      return v.isFinite ? v : .infinity
    }
    let n = start.count
    var x = start
    var fx = objective(x)
    guard fx.isFinite else { return Minimum(point: start, value: f(start), iterations: 0, converged: false) }
    var g = gradient(objective, at: x)
    var h = identity(n)
    var iterations = 0
    while iterations < maxIterations {
      let gradientNorm = g.reduce(0) { max($0, abs($1)) }
      if gradientNorm <= gradientTolerance { return Minimum(point: x, value: fx, iterations: iterations, converged: true) }
      iterations += 1
      var d = (0..<n).map { i in -(0..<n).reduce(0) { $0 + h[i][$1] * g[$1] } }
      var slope = zip(g, d).reduce(0) { $0 + $1.0 * $1.1 }
      if slope >= 0 {
        h = identity(n)
        d = g.map { -$0 }
        slope = -g.reduce(0) { $0 + $1 * $1 }
      }
      var t = 1.0
      var next = x, fNext = Double.infinity
      while t > 1e-20 {
        next = (0..<n).map { x[$0] + t * d[$0] }
        fNext = objective(next)
        if fNext <= fx + 1e-4 * t * slope { break }
        t /= 2
      }
      guard fNext < fx else {
        return Minimum(point: x, value: fx, iterations: iterations, converged: gradientNorm <= 1e-5)
      }
      let gNext = gradient(objective, at: next)
      let s = (0..<n).map { next[$0] - x[$0] }
      let y = (0..<n).map { gNext[$0] - g[$0] }
      let sy = zip(s, y).reduce(0) { $0 + $1.0 * $1.1 }
      if sy > 0 {
        if iterations == 1 {
          let yy = y.reduce(0) { $0 + $1 * $1 }
          h = identity(n).map { row in row.map { $0 * sy / yy } }
        }
        h = updated(h, s: s, y: y, sy: sy)
      } else {
        h = identity(n)
      }
      (x, fx, g) = (next, fNext, gNext)
    }
    return Minimum(point: x, value: fx, iterations: iterations, converged: false)
  }

  /// Central-difference gradient.
  private func gradient(_ f: ([Double]) -> Double, at x: [Double]) -> [Double] {
    let base = cbrt(Double.ulpOfOne)
    return x.indices.map { i in
      let step = base * max(1, abs(x[i]))
      var up = x, down = x
      up[i] += step
      down[i] -= step
      return (f(up) - f(down)) / (up[i] - down[i])
    }
  }

  private func identity(_ n: Int) -> [[Double]] {
    (0..<n).map { i in (0..<n).map { $0 == i ? 1 : 0 } }
  }

  /// H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1 / sᵀy.
  private func updated(_ h: [[Double]], s: [Double], y: [Double], sy: Double) -> [[Double]] {
    let n = s.count
    let rho = 1 / sy
    let hy = (0..<n).map { i in (0..<n).reduce(0) { $0 + h[i][$1] * y[$1] } }
    let yhy = zip(y, hy).reduce(0) { $0 + $1.0 * $1.1 }
    return (0..<n).map { i in
      (0..<n).map { j in
        h[i][j] - rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j]
      }
    }
  }
}
