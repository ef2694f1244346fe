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

  /// lifetimes has no partial period; generate_customers_fixtures.py combines lifetimes' expected purchases at the
  /// period ends and its expected spend by the documented rule, so nothing here comes from our models.
  @Test("a partial last period is discounted at its own end (lifetimes' predictions, 1e-12); no horizon is worth nothing")
  func partialPeriod() throws {
    let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    let c = try FixtureLoader.field(FixtureLoader.load(folder.appendingPathComponent("customers-cdnow.json")), "clv_partial_period")
    func number(_ object: JSONValue, _ key: String) throws -> Double { try #require(try FixtureLoader.field(object, key).number, "\(key)") }
    let bgJSON = try FixtureLoader.field(c, "bgnbd"), ggJSON = try FixtureLoader.field(c, "gamma_gamma")
    let bg = BGNBDModel(r: try number(bgJSON, "r"), alpha: try number(bgJSON, "alpha"), a: try number(bgJSON, "a"), b: try number(bgJSON, "b"))
    let gg = GammaGammaModel(p: try number(ggJSON, "p"), q: try number(ggJSON, "q"), v: try number(ggJSON, "v"))
    let (x, tx, age, spend) = (try number(c, "x"), try number(c, "t_x"), try number(c, "T"), try number(c, "mean_spend"))
    let clv = CustomerLifetimeValue(
      purchases: bg, spend: gg, horizon: try number(c, "horizon"), period: try number(c, "period"), discountRate: try number(c, "discount_rate"))
    #expect(try number(c, "horizon") / number(c, "period") == 2.5, "the fixture's last period is half a period")
    expectClose(clv.value(x: x, tx: tx, age: age, meanSpend: spend), try number(c, "clv"), relative: 1e-12)
    let none = CustomerLifetimeValue(purchases: bg, spend: gg, horizon: 0, period: 4, discountRate: 0.02)
    #expect(none.value(x: x, tx: tx, age: age, meanSpend: spend) == 0)
  }

  @Test("non-positive spend or purchases, and no customers, are fit errors")
  func unfittable() {
    #expect(throws: FitError.self) { try GammaGammaModel.fit(frequency: [], meanSpend: []) }
    #expect(throws: FitError.self) { try GammaGammaModel.fit(frequency: [1, 2], meanSpend: [10, 0]) }
    #expect(throws: FitError.self) { try GammaGammaModel.fit(frequency: [0, 2], meanSpend: [10, 5]) }
  }
}
