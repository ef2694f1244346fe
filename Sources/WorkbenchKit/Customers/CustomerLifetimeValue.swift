import Foundation

/// Discounted customer lifetime value from a BG/NBD purchase model and a Gamma–Gamma spend model.
///
/// CLV = Σₖ E[purchases in period k] · E[spend per purchase] / (1 + d)^(tₖ/P),
/// where the horizon H is cut into periods of length P ending at
/// tₖ = k·P (k = 1 … ⌊H/P⌋) plus, when H is not a multiple of P, a last
/// partial period ending at H; E[purchases in period k] is the difference of
/// BG/NBD's conditional expectation at the period's end and start. With H a
/// whole number of periods this is exactly `lifetimes`'
/// `GammaGammaFitter.customer_lifetime_value(time = H/P months, discount_rate = d)`
/// (P = 30 for daily data, 4.345 for weekly).
///
/// Worked example: expected purchases 0.5 in month 1 and 0.4 in month 2,
/// expected spend 30, d = 0.01, H = 2 periods: 0.5·30/1.01 + 0.4·30/1.01² = 26.61.
/// - Complexity: O(periods) evaluations of the conditional expectation.
public struct CustomerLifetimeValue: Sendable, Equatable {
  /// The purchase model.
  public var purchases: BGNBDModel
  /// The spend model.
  public var spend: GammaGammaModel
  /// Total time ahead, in the history's time unit.
  public var horizon: Double
  /// Length of one discounting period, in the same unit.
  public var period: Double
  /// Discount rate per period (0.01 = 1 %).
  public var discountRate: Double

  /// A CLV calculator over `horizon` with `period`-long periods discounted at `discountRate`.
  public init(purchases: BGNBDModel, spend: GammaGammaModel, horizon: Double, period: Double, discountRate: Double) {
    precondition(horizon >= 0 && period > 0 && discountRate > -1, "invalid CLV horizon, period or rate")
    self.purchases = purchases
    self.spend = spend
    self.horizon = horizon
    self.period = period
    self.discountRate = discountRate
  }

  /// The period end points tₖ.
  var periodEnds: [Double] {
    let whole = Int((horizon / period).rounded(.down))
    var ends = (0..<whole).map { Double($0 + 1) * period }
    if horizon - (ends.last ?? 0) > 1e-9 * period { ends.append(horizon) }
    return ends
  }

  /// The CLV of one customer with history (x, t_x, T) and mean spend `meanSpend` over its x repeat purchases.
  public func value(x: Double, tx: Double, age: Double, meanSpend: Double) -> Double {
    value(x: x, tx: tx, age: age, spendPerPurchase: spend.expectedAverageSpend(frequency: x, meanSpend: meanSpend))
  }

  /// The CLV of a customer with history (x, t_x, T) whose expected spend per purchase is already known.
  public func value(x: Double, tx: Double, age: Double, spendPerPurchase unitSpend: Double) -> Double {
    var total = 0.0
    var before = 0.0
    for end in periodEnds {
      let cumulative = purchases.expectedPurchases(horizon: end, x: x, tx: tx, age: age)
      total += unitSpend * (cumulative - before) / pow(1 + discountRate, end / period)
      before = cumulative
    }
    return total
  }
}
