import Foundation
import Testing
import WorkbenchNumerics
import WorkbenchTestSupport

@Suite("Special functions")
struct SpecialFunctionsTests {
  /// (a, b, c, z, ln ₂F₁) from `scipy.special.hyp2f1` (scipy 1.17.1), as written to
  /// WorkbenchKitTests/Fixtures/customers-special.json by generate_customers_fixtures.py.
  static let scipyCases: [(Double, Double, Double, Double, Double)] = [
    (0.5, 1.5, 2.0, 0.3, 0.13073117329665115),
    (2.0, 3.0, 4.5, 0.0, 0.0),
    (2.243, 3.426, 2.219, 0.5, 2.3977547792431944),
    (10.24, 12.43, 13.22, 0.8, 15.37540993854214),
    (1.0, 1.0, 2.0, 0.99, 1.5372299616614022),
    (30.2, 31.4, 32.2, 0.6, 26.969837717482925),
    (0.25, 2.4, 2.2, 0.95, 0.9139548938707444),
    (150.0, 152.0, 152.5, 0.7, 179.9997250298319),
  ]

  @Test("ln 2F1 matches scipy.special.hyp2f1 to 1e-12 relative (floor 1)")
  func matchesScipy() {
    for (a, b, c, z, expected) in Self.scipyCases {
      expectClose(SpecialFunctions.logHypergeometric2F1(a, b, c, z), expected, relative: 1e-12, "2F1(\(a), \(b); \(c); \(z))")
    }
  }

  @Test("2F1 has the closed forms -ln(1-z)/z and (1-z)^-a")
  func closedForms() {
    for z in [0.1, 0.5, 0.9, 0.999] {
      expectClose(SpecialFunctions.hypergeometric2F1(1, 1, 2, z), -log1p(-z) / z, relative: 1e-13, "z = \(z)")
      // 2F1(a, b; b; z) = (1 - z)^(-a)
      expectClose(SpecialFunctions.hypergeometric2F1(2.5, 1.7, 1.7, z), pow(1 - z, -2.5), relative: 1e-12, "z = \(z)")
    }
  }

  @Test("arguments outside the domain give NaN, not a wrong number")
  func domain() {
    #expect(SpecialFunctions.logHypergeometric2F1(1, 1, 2, 1).isNaN)
    #expect(SpecialFunctions.logHypergeometric2F1(1, 1, 2, -0.5).isNaN)
    #expect(SpecialFunctions.logHypergeometric2F1(1, 1, -0.5, 0.5).isNaN)
    #expect(SpecialFunctions.logHypergeometric2F1(-1, 1, 2, 0.5).isNaN)
  }

  @Test("log-gamma matches exact values")
  func logGamma() {
    expectClose(SpecialFunctions.logGamma(1), 0, relative: 1e-15)
    expectClose(SpecialFunctions.logGamma(5), log(24), relative: 1e-15)
    expectClose(SpecialFunctions.logGamma(0.5), 0.5 * log(Double.pi), relative: 1e-15)
    #expect(SpecialFunctions.logGamma(0).isNaN)
  }
}
