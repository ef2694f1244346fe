/// Derivative-free minimisation of a smooth function of a few variables (Nelder–Mead downhill simplex).
///
/// Used for maximum-likelihood fits with a handful of parameters (BG/NBD,
/// Gamma–Gamma), where gradients would have to be taken numerically anyway.
/// The steps follow `scipy.optimize.minimize(method="Nelder-Mead")` with
/// `adaptive=False`: reflection 1, expansion 2, contraction ½, shrink ½; the
/// initial simplex moves each coordinate by 5 % (0.00025 when it is zero);
/// a run stops when every vertex is within `xTolerance` of the best one in
/// every coordinate *and* every vertex value is within `fTolerance` of the
/// best value. Because a simplex can collapse before reaching the minimum,
/// the search restarts from the best point (a fresh simplex) until a restart
/// improves the value by no more than `fTolerance` (at most `maxRestarts` times).
///
/// Edge cases: a NaN or infinite value counts as +∞, so the simplex moves away
/// from points where the function is undefined; a start value that is not
/// finite yields a result with `converged == false` and that value.
/// Postconditions: `value == f(point)`; the sequence of evaluations depends
/// only on `f` and the arguments (no randomness).
/// - Complexity: O(`maxIterations` · (n + cost of f)) per run, n = dimension;
///   typically a few hundred evaluations for n = 4.
/// - SeeAlso: Nelder & Mead, "A simplex method for function minimization",
///   The Computer Journal 7 (1965); Gao & Han, Comput. Optim. Appl. 51 (2012).
public struct NelderMead: Sendable {
  /// Largest allowed coordinate spread of the simplex at convergence (scipy `xatol`).
  public var xTolerance: Double
  /// Largest allowed spread of values over the simplex at convergence (scipy `fatol`).
  public var fTolerance: Double
  /// Iteration limit of one run.
  public var maxIterations: Int
  /// How many times the search may restart from its best point.
  public var maxRestarts: Int

  /// A minimiser with these stopping rules.
  public init(xTolerance: Double = 1e-10, fTolerance: Double = 1e-14, maxIterations: Int = 20_000, maxRestarts: Int = 10) {
    precondition(xTolerance >= 0 && fTolerance >= 0 && maxIterations > 0 && maxRestarts >= 0, "invalid stopping rule")
    self.xTolerance = xTolerance
    self.fTolerance = fTolerance
    self.maxIterations = maxIterations
    self.maxRestarts = maxRestarts
  }

  /// Minimises `f` starting from `start` (at least one coordinate).
  public func minimize(_ f: ([Double]) -> Double, from start: [Double]) -> Minimum {
    precondition(!start.isEmpty, "nothing to optimise")
    let objective: ([Double]) -> Double = { x in
      let v = f(x)
      return v.isFinite ? v : .infinity
    }
    var best = run(objective, from: start)
    var total = best.iterations
    var restarts = 0
    while restarts < maxRestarts, best.value.isFinite {
      var next = run(objective, from: best.point)
      total += next.iterations
      restarts += 1
      let improvement = best.value - next.value
      if next.value <= best.value { swap(&best, &next) }
      if improvement <= fTolerance { break }
    }
    best.iterations = total
    return best
  }

  /// One Nelder–Mead run from a fresh simplex around `start`.
  private func run(_ f: ([Double]) -> Double, from start: [Double]) -> Minimum {
    let n = start.count
    var simplex: [[Double]] = [start]
    for i in 0..<n {
      var vertex = start
      vertex[i] = vertex[i] != 0 ? 1.05 * vertex[i] : 0.00025
      simplex.append(vertex)
    }
    var values = simplex.map(f)
    guard values[0].isFinite else {
      return Minimum(point: start, value: values[0], iterations: 0, converged: false)
    }
    var iterations = 0
    var converged = false
    while iterations < maxIterations {
      let order = values.indices.sorted { (values[$0], $0) < (values[$1], $1) }
      simplex = order.map { simplex[$0] }
      values = order.map { values[$0] }
      let spread = (1...n).reduce(0.0) { acc, k in
        zip(simplex[k], simplex[0]).reduce(acc) { max($0, abs($1.0 - $1.1)) }
      }
      let valueSpread = values.dropFirst().reduce(0.0) { max($0, abs($1 - values[0])) }
      if spread <= xTolerance && valueSpread <= fTolerance {
        converged = true
        break
      }
      iterations += 1
      var centroid = Array(repeating: 0.0, count: n)
      for k in 0..<n { for j in 0..<n { centroid[j] += simplex[k][j] / Double(n) } }
      let worst = simplex[n]
      func toward(_ t: Double) -> [Double] { (0..<n).map { centroid[$0] + t * (worst[$0] - centroid[$0]) } }
      let reflected = toward(-1)
      let fr = f(reflected)
      if fr < values[0] {
        let expanded = toward(-2)
        let fe = f(expanded)
        if fe < fr { (simplex[n], values[n]) = (expanded, fe) } else { (simplex[n], values[n]) = (reflected, fr) }
        continue
      }
      if fr < values[n - 1] {
        (simplex[n], values[n]) = (reflected, fr)
        continue
      }
      let outside = fr < values[n]
      let contracted = toward(outside ? -0.5 : 0.5)
      let fc = f(contracted)
      if outside ? fc <= fr : fc < values[n] {
        (simplex[n], values[n]) = (contracted, fc)
        continue
      }
      for k in 1...n {
        simplex[k] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[k][$0] - simplex[0][$0]) }
        values[k] = f(simplex[k])
      }
    }
    let bestIndex = values.indices.min { (values[$0], $0) < (values[$1], $1) }!
    return Minimum(point: simplex[bestIndex], value: values[bestIndex], iterations: iterations, converged: converged)
  }
}
