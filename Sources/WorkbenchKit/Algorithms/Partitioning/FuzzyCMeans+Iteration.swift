import Foundation
import WorkbenchNumerics

extension FuzzyCMeans {
  /// The outcome of the iterations.
  struct Run {
    var centers: Matrix
    /// `rows × k`, row-major, rows summing to 1.
    var memberships: [Double]
    var iterations: Int
    var converged: Bool
  }

  /// Alternates center and membership updates from `start` (`rows × k` memberships), as scikit-fuzzy's `cmeans`.
  func iterate(_ x: Matrix, from start: [Double], context: FitContext) throws -> Run {
    let k = clusterCount
    let n = x.rows
    let eps = Double.ulpOfOne
    var u = start.map { max($0, eps) }
    var previous = u
    var weights = Array(repeating: 0.0, count: n * k)
    var centers = Matrix(rows: k, columns: x.columns)
    var iterations = 0
    var converged = false
    while iterations < maxIterations {
      try context.checkCancellation()
      swap(&previous, &u)
      for r in 0..<n {
        var sum = 0.0
        for c in 0..<k { sum += previous[r * k + c] }
        for c in 0..<k { weights[r * k + c] = pow(max(previous[r * k + c] / sum, eps), fuzzifier) }
      }
      Self.weightedCenters(x, weights: weights, into: &centers)
      let objective = Self.updateMemberships(x, centers: centers, fuzzifier: fuzzifier, weights: weights, into: &u)
      iterations += 1
      context.log(.iteration(iterations, objective: objective))
      var change = 0.0
      for i in u.indices { change += (u[i] - previous[i]) * (u[i] - previous[i]) }
      if change.squareRoot() < tolerance {
        converged = true
        break
      }
    }
    return Run(centers: centers, memberships: u, iterations: iterations, converged: converged)
  }

  /// c꜀ = Σᵢ wᵢ꜀ xᵢ / Σᵢ wᵢ꜀ for `weights` = uᵐ (`rows × k`).
  static func weightedCenters(_ x: Matrix, weights: [Double], into centers: inout Matrix) {
    let k = centers.rows
    var totals = Array(repeating: 0.0, count: k)
    for c in 0..<k {
      for j in 0..<x.columns { centers[c, j] = 0 }
    }
    for r in 0..<x.rows {
      for c in 0..<k {
        let w = weights[r * k + c]
        totals[c] += w
        for j in 0..<x.columns { centers[c, j] += w * x[r, j] }
      }
    }
    for c in 0..<k {
      for j in 0..<x.columns { centers[c, j] /= totals[c] }
    }
  }

  /// Writes each row's memberships for `centers` into `u`; returns Jₘ = Σ wᵢ꜀ dᵢ꜀² when `weights` are given (else 0).
  ///
  /// Distances are floored at ε. The update is scikit-fuzzy's
  /// `normalize_power_columns`: divide a row's distances by their maximum,
  /// floor at ε, divide by the minimum, raise to −2/(m−1), normalise: no
  /// overflow even when a row sits on a center.
  @discardableResult
  static func updateMemberships(_ x: Matrix, centers: Matrix, fuzzifier m: Double, weights: [Double]?, into u: inout [Double]) -> Double {
    let k = centers.rows
    let eps = Double.ulpOfOne
    let exponent = -2 / (m - 1)
    var distances = Array(repeating: 0.0, count: k)
    var objective = 0.0
    for r in 0..<x.rows {
      var largest = 0.0
      for c in 0..<k {
        let d = max(Distance.squaredEuclidean(x, row: r, centers, row: c).squareRoot(), eps)
        distances[c] = d
        largest = max(largest, d)
        if let weights { objective += weights[r * k + c] * d * d }
      }
      var smallest = Double.infinity
      for c in 0..<k {
        distances[c] = max(distances[c] / largest, eps)
        smallest = min(smallest, distances[c])
      }
      var sum = 0.0
      for c in 0..<k {
        distances[c] = pow(distances[c] / smallest, exponent)
        sum += distances[c]
      }
      for c in 0..<k { u[r * k + c] = distances[c] / sum }
    }
    return objective
  }

  /// The memberships `centers` imply for every row (`rows × k`).
  static func memberships(_ x: Matrix, centers: Matrix, fuzzifier: Double) -> [Double] {
    var u = Array(repeating: 0.0, count: x.rows * centers.rows)
    updateMemberships(x, centers: centers, fuzzifier: fuzzifier, weights: nil, into: &u)
    return u
  }
}
