import Foundation
import WorkbenchNumerics

/// The Gamma–Gamma model of spend per purchase, with fitted parameters p, q, v.
///
/// Each purchase of a customer is Gamma(p, ν) with the customer's ν ~
/// Gamma(q, v), independent of how often the customer buys; so a customer's
/// mean spend over x purchases is shrunk towards the population mean
/// v·p/(q − 1) the fewer purchases there are. Matches
/// `lifetimes.GammaGammaFitter` 0.11.3 (`conditional_expected_average_profit`).
///
/// Edge cases: q ≤ 1 means the population mean spend is infinite; ``fit(frequency:meanSpend:)``
/// refuses such a fit. A customer with x = 0 gets the population mean.
/// - Complexity: O(1) per customer.
/// - SeeAlso: Fader, Hardie & Lee, "RFM and CLV: Using Iso-Value Curves for
///   Customer Base Analysis", Journal of Marketing Research 42(4), 2005;
///   Fader & Hardie, "The Gamma-Gamma Model of Monetary Value", note 025, 2013.
public struct GammaGammaModel: Sendable, Equatable {
  /// Shape of the spend per purchase.
  public var p: Double
  /// Shape of the customers' rate parameter ν.
  public var q: Double
  /// Scale of the customers' rate parameter ν.
  public var v: Double

  /// A model with these parameters (all > 0, q > 1 for finite expectations).
  public init(p: Double, q: Double, v: Double) {
    self.p = p
    self.q = q
    self.v = v
  }

  /// E[spend per purchase | x purchases with mean m] = (1 − w)·v·p/(q − 1) + w·m, w = p·x/(p·x + q − 1).
  ///
  /// Worked example (CDNOW fit p = 6.25, q = 3.74, v = 15.45): population mean
  /// 15.45·6.25/2.74 = 35.24; a customer with x = 2 purchases averaging 20 has
  /// w = 12.5/15.24 = 0.820, so 0.180·35.24 + 0.820·20 = 22.74.
  public func expectedAverageSpend(frequency x: Double, meanSpend m: Double) -> Double {
    let weight = p * x / (p * x + q - 1)
    let populationMean = v * p / (q - 1)
    return x > 0 ? (1 - weight) * populationMean + weight * m : populationMean
  }

  /// The parameters in the order p, q, v.
  public var parameters: [Double] { [p, q, v] }
}
