import Foundation
import Testing
import WorkbenchNumerics
import WorkbenchTestSupport

/// Reference: SciPy 1.17.1 `optimize.brent(lambda x: (x - 0.7)**2 + 3, brack=(-2, -1))`,
/// `optimize.fminbound(math.cos, 0, 6, xtol=1.48e-8)` and `optimize.fminbound(lambda x: x, 1, 2, xtol=1e-10)`, the
/// "minimize" values of Fixtures/numerics-reference.json (generate_numerics_fixtures.py). The ports follow SciPy's
/// iterates exactly, so the results are equal, not just close.
@Suite("Minimize")
struct MinimizeTests {
  @Test("brent equals SciPy on a parabola bracketed from outside, and fails without a minimum")
  func brent() throws {
    let x = try #require(Minimize.brent(bracketing: (-2, -1)) { ($0 - 0.7) * ($0 - 0.7) + 3 })
    #expect(x == (try NumericsReference.number("minimize", "brent_parabola")))
    #expect(Minimize.brent(bracketing: (0, 1)) { $0 } == nil)
  }

  @Test("bounded equals SciPy's fminbound for an interior minimum and at a boundary")
  func bounded() throws {
    #expect(Minimize.bounded(0, 6, xtol: 1.48e-8) { cos($0) } == (try NumericsReference.number("minimize", "fminbound_cos")))
    #expect(Minimize.bounded(1, 2, xtol: 1e-10) { $0 } == (try NumericsReference.number("minimize", "fminbound_boundary")))
    #expect(Minimize.bounded(-1, 1, xtol: 1e-8) { $0 == 0.5 ? 0 : .infinity }.isFinite)
  }
}
