import Foundation
import Testing
import WorkbenchKit
import WorkbenchTestSupport

/// BG/NBD against `lifetimes` 0.11.3 on CDNOW (published fit r ≈ 0.243, α ≈ 4.414, a ≈ 0.793, b ≈ 2.426).
@Suite("BG/NBD")
struct BGNBDModelTests {
  @Test("the log-likelihood equals lifetimes' at its fit to 1e-12")
  func logLikelihood() throws {
    let cdnow = try CDNOWReference.shared.get()
    let h = cdnow.history, s = cdnow.timeScale, m = cdnow.bgnbd
    let ll = BGNBDModel.logLikelihood(
      r: m.r, alpha: m.alpha * s, a: m.a, b: m.b, x: h.x, tx: h.tx.map { $0 * s }, age: h.age.map { $0 * s })
    expectClose(-ll / Double(h.count), cdnow.meanNegativeLogLikelihoodScaled, relative: 1e-12)
  }

  /// lifetimes stops BFGS at gradient norm 1e-7, so its parameters are themselves
  /// only accurate to about 1e-7 (we measured 3e-7 relative); the acceptance bound is 1e-4.
  @Test("the maximum-likelihood fit agrees with lifetimes to 1e-4 relative (measured 3e-7)")
  func fit() throws {
    let cdnow = try CDNOWReference.shared.get()
    let fitted = try BGNBDModel.fit(cdnow.history)
    expectClose(fitted.parameters, cdnow.bgnbd.parameters, relative: 1e-4, floor: 0)
    // Nelder–Mead reaches at least lifetimes' likelihood.
    #expect(fitted.logLikelihood(cdnow.history) >= cdnow.bgnbd.logLikelihood(cdnow.history) - 1e-9)
  }

  @Test("P(alive) per customer equals lifetimes' for its parameters to 1e-12, and for our fit to 1e-6")
  func probabilityAlive() throws {
    let cdnow = try CDNOWReference.shared.get()
    let h = cdnow.history
    let same = h.x.indices.map { cdnow.bgnbd.probabilityAlive(x: h.x[$0], tx: h.tx[$0], age: h.age[$0]) }
    expectClose(same, cdnow.pAlive, relative: 1e-12)
    let fitted = try BGNBDModel.fit(h)
    let ours = h.x.indices.map { fitted.probabilityAlive(x: h.x[$0], tx: h.tx[$0], age: h.age[$0]) }
    expectClose(ours, cdnow.pAlive, relative: 1e-6)
  }

  @Test("expected purchases in 39 and 52 weeks equal lifetimes' to 1e-11 for its parameters, and to 1e-6 for our fit")
  func expectedPurchases() throws {
    let cdnow = try CDNOWReference.shared.get()
    let h = cdnow.history, m = cdnow.bgnbd
    for (t, reference) in [(39.0, cdnow.expected39), (52.0, cdnow.expected52)] {
      let same = h.x.indices.map { m.expectedPurchases(horizon: t, x: h.x[$0], tx: h.tx[$0], age: h.age[$0]) }
      expectClose(same, reference, relative: 1e-11, "t = \(t)")
    }
    let fitted = try BGNBDModel.fit(h)
    let ours = h.x.indices.map { fitted.expectedPurchases(horizon: 39, x: h.x[$0], tx: h.tx[$0], age: h.age[$0]) }
    expectClose(ours, cdnow.expected39, relative: 1e-6)
  }

  @Test("a customer without repeat purchases is alive with probability 1; no horizon means no purchases")
  func edges() {
    let m = BGNBDModel(r: 0.24, alpha: 4.4, a: 0.79, b: 2.4)
    #expect(m.probabilityAlive(x: 0, tx: 0, age: 30) == 1)
    #expect(m.expectedPurchases(horizon: 0, x: 3, tx: 10, age: 30) == 0)
  }

  @Test("no repeat purchase anywhere, or no customer, is a fit error")
  func unfittable() throws {
    let once = try PurchaseHistory(x: [0, 0], tx: [0, 0], age: [5, 9])
    #expect(throws: FitError.self) { try BGNBDModel.fit(once) }
    #expect(throws: FitError.self) { try BGNBDModel.fit(try PurchaseHistory(x: [], tx: [], age: [])) }
  }

  @Test("invalid histories are data errors naming the customer")
  func invalidHistory() {
    #expect(throws: DataError.self) { try PurchaseHistory(x: [1.5], tx: [1], age: [2]) }
    #expect(throws: DataError.self) { try PurchaseHistory(x: [1], tx: [3], age: [2]) }
    #expect(throws: DataError.self) { try PurchaseHistory(x: [0], tx: [1], age: [2]) }
    #expect(throws: DataError.self) { try PurchaseHistory(x: [1], tx: [0], age: [0]) }
  }
}
