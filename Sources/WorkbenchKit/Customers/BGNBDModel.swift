import Foundation
import WorkbenchNumerics

/// The BG/NBD ("beta-geometric / negative binomial") model of repeat purchasing, with fitted parameters.
///
/// While alive, a customer buys as a Poisson process with rate λ ~ Gamma(r, α);
/// after each purchase the customer drops out with probability p ~ Beta(a, b).
/// From a history (x, t_x, T) (see ``PurchaseHistory``) the model gives the
/// probability that the customer is still alive and the expected number of
/// purchases in a coming period. Time is in whatever unit the history uses
/// (days for the workbench's aggregator, weeks for CDNOW); α is in that unit.
/// Matches `lifetimes.BetaGeoFitter` 0.11.3 (`conditional_probability_alive`,
/// `conditional_expected_number_of_purchases_up_to_time`) to about 1e-12
/// relative for the same parameters (tested on CDNOW).
///
/// Edge cases: a customer with x = 0 has P(alive) = 1 by the model's
/// assumption (dropout only happens after a purchase); a = 1 makes the
/// expectation's factor (a + b + x − 1)/(a − 1) infinite (NaN result).
/// - Complexity: P(alive) O(1); expected purchases O(series terms of ₂F₁).
/// - SeeAlso: Fader, Hardie & Lee, "Counting Your Customers the Easy Way: An
///   Alternative to the Pareto/NBD Model", Marketing Science 24(2), 2005;
///   Fader, Hardie & Lee, "Computing P(alive) using the BG/NBD model", note 021, 2008.
public struct BGNBDModel: Sendable, Equatable {
  /// Shape of the Gamma distribution of purchase rates.
  public var r: Double
  /// Scale (in time units) of the Gamma distribution of purchase rates.
  public var alpha: Double
  /// First Beta shape of the dropout probability.
  public var a: Double
  /// Second Beta shape of the dropout probability.
  public var b: Double

  /// A model with these parameters (all > 0).
  public init(r: Double, alpha: Double, a: Double, b: Double) {
    self.r = r
    self.alpha = alpha
    self.a = a
    self.b = b
  }

  /// P(alive | x, t_x, T) = 1 / (1 + δ(x > 0) · a / (b + x − 1) · ((α + T) / (α + t_x))^(r + x)).
  ///
  /// Computed through the logistic function of the log-odds, as `lifetimes`
  /// does, so large exponents neither overflow nor underflow.
  public func probabilityAlive(x: Double, tx: Double, age: Double) -> Double {
    guard x > 0 else { return 1 }
    let logOdds = (r + x) * log((alpha + age) / (alpha + tx)) + log(a / (b + x - 1))
    return 1 / (1 + exp(logOdds))
  }

  /// E[purchases in (T, T + t] | x, t_x, T], FHL 2005 eq. (10).
  ///
  /// `[(a + b + x − 1)/(a − 1)] · [1 − ((α + T)/(α + T + t))^(r + x) · ₂F₁(r + x, b + x; a + b + x − 1; t/(α + T + t))]`
  /// divided by `1 + δ(x > 0) · a/(b + x − 1) · ((α + T)/(α + t_x))^(r + x)`.
  /// Edge cases: t = 0 gives 0; NaN when ₂F₁'s series is outside its domain
  /// (x = 0 and a + b ≤ 1).
  public func expectedPurchases(horizon t: Double, x: Double, tx: Double, age: Double) -> Double {
    guard t > 0 else { return 0 }
    let z = t / (alpha + age + t)
    let logHyp = SpecialFunctions.logHypergeometric2F1(r + x, b + x, a + b + x - 1, z)
    let first = (a + b + x - 1) / (a - 1)
    let second = -expm1(logHyp + (r + x) * log((alpha + age) / (alpha + t + age)))
    let denominator = 1 + (x > 0 ? a / (b + x - 1) * pow((alpha + age) / (alpha + tx), r + x) : 0)
    return first * second / denominator
  }

  /// The parameters in the order r, α, a, b.
  public var parameters: [Double] { [r, alpha, a, b] }
}
