import Foundation
import WorkbenchNumerics

/// The distributions the customer simulator draws from, built only on ``SeededGenerator``'s own draws.
extension SeededGenerator {
  /// A log-normal draw: `median · exp(sigma · z)` with `z` standard normal.
  mutating func nextLogNormal(median: Double, sigma: Double) -> Double {
    median * exp(sigma * nextGaussian())
  }

  /// A normal draw with `mean` and standard deviation `sd`.
  mutating func nextNormal(mean: Double, sd: Double) -> Double {
    mean + sd * nextGaussian()
  }

  /// A share in (0, 1): the logistic function of a normal draw with `mean` and `sd`.
  mutating func nextLogitNormal(mean: Double, sd: Double) -> Double {
    1 / (1 + exp(-nextNormal(mean: mean, sd: sd)))
  }

  /// A Poisson count with mean `lambda` (Knuth's product-of-uniforms method; fine for `lambda` up to ~100).
  mutating func nextPoisson(mean lambda: Double) -> Int {
    precondition(lambda >= 0 && lambda <= 100, "Poisson mean out of the supported range")
    let limit = exp(-lambda)
    var count = 0
    var product = nextUnit()
    while product > limit {
      count += 1
      product *= nextUnit()
    }
    return count
  }

  /// An index drawn with probability proportional to `weights` (which must have a positive sum).
  mutating func nextCategory(weights: [Double]) -> Int {
    let total = weights.reduce(0, +)
    precondition(total > 0, "weights must have a positive sum")
    var u = nextUnit() * total
    for (i, w) in weights.enumerated() {
      if u < w { return i }
      u -= w
    }
    return weights.count - 1
  }
}
