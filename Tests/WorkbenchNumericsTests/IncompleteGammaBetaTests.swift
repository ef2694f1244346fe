import Foundation
import Testing
import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

/// The incomplete gamma and beta functions and the tail probabilities built on them, against scipy.
///
/// Reference values: `insight-special-functions.json`, written by
/// `Tests/WorkbenchKitTests/Fixtures/generate_insight_fixtures.py` (scipy 1.17.1).
@Suite("Incomplete gamma and beta functions")
struct IncompleteGammaBetaTests {
  static let fixture: JSONValue? = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("WorkbenchKitTests/Fixtures/insight-special-functions.json")
    return try? FixtureLoader.load(url)
  }()

  /// The cases of the fixture section `name`.
  private func cases(_ name: String) throws -> [JSONValue] {
    let fixture = try #require(Self.fixture, "insight-special-functions.json is missing")
    return try #require(try FixtureLoader.field(fixture, name).array)
  }

  private func number(_ value: JSONValue, _ key: String) throws -> Double {
    try #require(try FixtureLoader.field(value, key).number, "\(key)")
  }

  /// `observed` within `relative` of scipy's `expected` where that is above 1e-300; below, both are under 1e-290.
  private func expectTail(_ observed: Double, _ expected: Double, relative: Double, _ what: String) {
    if expected > 1e-300 {
      expectClose(observed, expected, relative: relative, floor: 0, Comment(rawValue: what))
    } else {
      #expect(observed >= 0 && observed < 1e-290, "\(what): \(observed) where scipy gives \(expected)")
    }
  }

  @Test("P and Q match scipy's gammainc and gammaincc to 1e-12 relative, down to 1e-300")
  func gammaMatchesScipy() throws {
    let all = try cases("gamma")
    #expect(all.count >= 90)
    for c in all {
      let a = try number(c, "a"), x = try number(c, "x")
      expectTail(SpecialFunctions.regularizedGammaP(a, x), try number(c, "p"), relative: 1e-12, "P(\(a), \(x))")
      expectTail(SpecialFunctions.regularizedGammaQ(a, x), try number(c, "q"), relative: 1e-12, "Q(\(a), \(x))")
    }
  }

  @Test("I and its complement match scipy's betainc and betaincc to 1e-12 relative (1e-11 for a ≥ 10⁴), down to 1e-300")
  func betaMatchesScipy() throws {
    let all = try cases("beta")
    #expect(all.count >= 100)
    for c in all {
      let a = try number(c, "a"), b = try number(c, "b"), x = try number(c, "x")
      let (lower, upper) = SpecialFunctions.incompleteBeta(a, b, x: x, complement: 1 - x)
      let tolerance = max(a, b) >= 1e4 ? 1e-11 : 1e-12
      expectTail(lower, try number(c, "p"), relative: tolerance, "I(\(a), \(b), \(x))")
      expectTail(upper, try number(c, "q"), relative: tolerance, "1 - I(\(a), \(b), \(x))")
    }
  }

  @Test("chi-squared, F, two-sided t and normal tails match scipy.stats to 1e-12 relative (F with 10⁵ degrees: 1e-11)")
  func tailsMatchScipy() throws {
    for c in try cases("chi2") {
      let x = try number(c, "x"), df = try number(c, "df")
      expectTail(TailProbability.chiSquared(x, degrees: df), try number(c, "sf"), relative: 1e-12, "chi2.sf(\(x), \(df))")
    }
    for c in try cases("f") {
      let f = try number(c, "f"), d1 = try number(c, "d1"), d2 = try number(c, "d2")
      let p = TailProbability.f(f, numeratorDegrees: d1, denominatorDegrees: d2)
      expectTail(p, try number(c, "sf"), relative: d2 >= 1e4 ? 1e-11 : 1e-12, "f.sf(\(f), \(d1), \(d2))")
    }
    for c in try cases("t") {
      let t = try number(c, "t"), df = try number(c, "df")
      expectTail(TailProbability.studentTTwoSided(t, degrees: df), try number(c, "two_sided"), relative: 1e-12, "t(\(t), \(df))")
    }
    for c in try cases("normal") {
      let z = try number(c, "z")
      // erfc at z/√2 carries the argument's rounding, amplified by z² in the far tail.
      expectTail(TailProbability.normal(z), try number(c, "sf"), relative: 1e-12, "norm.sf(\(z))")
    }
  }

  @Test("closed forms: Q(1, x) = exp(-x), I_x(1, b) = 1 - (1 - x)^b, t with 1 degree is Cauchy")
  func closedForms() {
    for x in [0.01, 0.7, 3.0, 40.0, 600.0] {
      // ln x − x rounds to 1e-16 of 600 at most: 1e-13 relative after exp.
      expectClose(SpecialFunctions.regularizedGammaQ(1, x), exp(-x), relative: 1e-13, floor: 0)
    }
    for (x, b) in [(0.2, 3.0), (0.9, 0.5), (1e-5, 40.0)] {
      expectClose(SpecialFunctions.regularizedBeta(1, b, x: x), -expm1(b * log1p(-x)), relative: 1e-13, floor: 0)
    }
    for t in [0.5, 2.0, 100.0] {
      expectClose(TailProbability.studentTTwoSided(t, degrees: 1), 1 - 2 * atan(t) / Double.pi, relative: 1e-13, floor: 0)
    }
  }

  @Test("edges: zero and infinite arguments give 0 or 1; invalid arguments give NaN")
  func edges() {
    #expect(SpecialFunctions.regularizedGammaP(2, 0) == 0 && SpecialFunctions.regularizedGammaQ(2, 0) == 1)
    #expect(SpecialFunctions.regularizedGammaQ(2, .infinity) == 0)
    #expect(SpecialFunctions.regularizedGammaP(0, 1).isNaN && SpecialFunctions.regularizedGammaP(1, -1).isNaN)
    #expect(SpecialFunctions.regularizedBeta(2, 3, x: 0) == 0 && SpecialFunctions.regularizedBeta(2, 3, x: 1) == 1)
    #expect(SpecialFunctions.regularizedBeta(2, 3, x: 1.5).isNaN && SpecialFunctions.regularizedBeta(-1, 3, x: 0.5).isNaN)
    #expect(TailProbability.chiSquared(0, degrees: 3) == 1 && TailProbability.chiSquared(1, degrees: 0).isNaN)
    #expect(TailProbability.f(0, numeratorDegrees: 2, denominatorDegrees: 9) == 1)
    #expect(TailProbability.f(.infinity, numeratorDegrees: 2, denominatorDegrees: 9) == 0)
    #expect(TailProbability.studentTTwoSided(0, degrees: 4) == 1 && TailProbability.studentTTwoSided(.infinity, degrees: 4) == 0)
  }

  @Test("ln B(a, b) for large arguments agrees with the ln-gamma sum where that is still accurate")
  func logBetaLarge() {
    for (a, b) in [(12.0, 30.0), (2.5, 400.0), (1500.0, 3.0), (40.0, 40.0)] {
      let direct = SpecialFunctions.logGamma(a) + SpecialFunctions.logGamma(b) - SpecialFunctions.logGamma(a + b)
      expectClose(SpecialFunctions.logBeta(a, b), direct, relative: 1e-12)
    }
  }
}
