import Foundation
import Testing
import WorkbenchKit
import WorkbenchTestSupport

/// Gamma–Gamma and CLV against `lifetimes` 0.11.3 on CDNOW (published p ≈ 6.25, q ≈ 3.74, v ≈ 15.45).
@Suite("Gamma-Gamma and CLV")
struct GammaGammaModelTests {
  private func returning(_ cdnow: CDNOWReference) -> (x: [Double], m: [Double]) {
    let keep = cdnow.history.x.indices.filter { cdnow.history.x[$0] > 0 }
    return (keep.map { cdnow.history.x[$0] }, keep.map { cdnow.meanSpend[$0] })
  }

  /// lifetimes' BFGS stops at gradient norm 1e-7; the acceptance bound is 1e-4.
  @Test("the fit on customers with repeat purchases agrees with lifetimes to 1e-4 relative")
  func fit() throws {
    let cdnow = try CDNOWReference.shared.get()
    let (x, m) = returning(cdnow)
    let fitted = try GammaGammaModel.fit(frequency: x, meanSpend: m)
    expectClose(fitted.parameters, cdnow.gammaGamma.parameters, relative: 1e-4, floor: 0)
    let g = cdnow.gammaGamma
    #expect(
      GammaGammaModel.logLikelihood(p: fitted.p, q: fitted.q, v: fitted.v, frequency: x, meanSpend: m)
        >= GammaGammaModel.logLikelihood(p: g.p, q: g.q, v: g.v, frequency: x, meanSpend: m) - 1e-9)
  }

  @Test("expected average spend equals lifetimes' per customer to 1e-12 for its parameters, 1e-6 for our fit")
  func expectedSpend() throws {
    let cdnow = try CDNOWReference.shared.get()
    let h = cdnow.history
    let same = h.x.indices.map { cdnow.gammaGamma.expectedAverageSpend(frequency: h.x[$0], meanSpend: cdnow.meanSpend[$0]) }
    expectClose(same, cdnow.expectedSpend, relative: 1e-12)
    let (x, m) = returning(cdnow)
    let fitted = try GammaGammaModel.fit(frequency: x, meanSpend: m)
    let ours = h.x.indices.map { fitted.expectedAverageSpend(frequency: h.x[$0], meanSpend: cdnow.meanSpend[$0]) }
    expectClose(ours, cdnow.expectedSpend, relative: 1e-6)
  }

  @Test("the worked example of the doc comment holds")
  func workedExample() {
    let g = GammaGammaModel(p: 6.25, q: 3.74, v: 15.45)
    expectClose(g.expectedAverageSpend(frequency: 2, meanSpend: 20), 22.7411, relative: 1e-4)
    expectClose(g.expectedAverageSpend(frequency: 0, meanSpend: 0), 15.45 * 6.25 / 2.74, relative: 1e-15)
  }

  @Test("12-month CLV with 1 % a month equals lifetimes' customer_lifetime_value to 1e-10")
  func clv() throws {
    let cdnow = try CDNOWReference.shared.get()
    let h = cdnow.history
    let clv = CustomerLifetimeValue(
      purchases: cdnow.bgnbd, spend: cdnow.gammaGamma, horizon: 12 * 4.345, period: 4.345, discountRate: 0.01)
    let values = h.x.indices.map { clv.value(x: h.x[$0], tx: h.tx[$0], age: h.age[$0], meanSpend: cdnow.meanSpend[$0]) }
    expectClose(values, cdnow.clv12Months, relative: 1e-10)
  }

  @Test("a partial last period is discounted at its own end; no horizon is worth nothing")
  func partialPeriod() {
    let bg = BGNBDModel(r: 0.24, alpha: 4.4, a: 0.79, b: 2.4), gg = GammaGammaModel(p: 6.25, q: 3.74, v: 15.45)
    let clv = CustomerLifetimeValue(purchases: bg, spend: gg, horizon: 10, period: 4, discountRate: 0.02)
    let spend = gg.expectedAverageSpend(frequency: 3, meanSpend: 40)
    let e = [4.0, 8, 10].map { bg.expectedPurchases(horizon: $0, x: 3, tx: 20, age: 30) }
    let expected = spend * (e[0] / 1.02 + (e[1] - e[0]) / pow(1.02, 2) + (e[2] - e[1]) / pow(1.02, 2.5))
    expectClose(clv.value(x: 3, tx: 20, age: 30, meanSpend: 40), expected, relative: 1e-14)
    let none = CustomerLifetimeValue(purchases: bg, spend: gg, horizon: 0, period: 4, discountRate: 0.02)
    #expect(none.value(x: 3, tx: 20, age: 30, meanSpend: 40) == 0)
  }

  @Test("non-positive spend or purchases, and no customers, are fit errors")
  func unfittable() {
    #expect(throws: FitError.self) { try GammaGammaModel.fit(frequency: [], meanSpend: []) }
    #expect(throws: FitError.self) { try GammaGammaModel.fit(frequency: [1, 2], meanSpend: [10, 0]) }
    #expect(throws: FitError.self) { try GammaGammaModel.fit(frequency: [0, 2], meanSpend: [10, 5]) }
  }
}
