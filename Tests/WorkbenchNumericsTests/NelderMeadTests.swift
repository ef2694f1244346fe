import Foundation
import Testing
import WorkbenchNumerics
import WorkbenchTestSupport

/// Rosenbrock's banana valley, minimum 0 at (1, …, 1): the test problem both minimizers share.
private func rosenbrock(_ x: [Double]) -> Double {
  var sum = 0.0
  for i in 0..<(x.count - 1) {
    let valley = x[i + 1] - x[i] * x[i]
    sum += 100 * valley * valley + (1 - x[i]) * (1 - x[i])
  }
  return sum
}

@Suite("Nelder-Mead")
struct NelderMeadTests {
  @Test("finds the Rosenbrock minimum (1, 1) from (-1.2, 1) to 1e-8")
  func rosenbrock2() {
    let found = NelderMead().minimize(rosenbrock, from: [-1.2, 1])
    #expect(found.converged)
    expectClose(found.point, [1, 1], relative: 1e-8)
    #expect(found.value < 1e-15)
  }

  @Test("finds the 4-D Rosenbrock minimum from the origin to 1e-7")
  func rosenbrock4() {
    let found = NelderMead().minimize(rosenbrock, from: [0, 0, 0, 0])
    #expect(found.converged)
    expectClose(found.point, [1, 1, 1, 1], relative: 1e-7)
  }

  /// With minimum value 0.5, points closer than √(ulp(0.5)) ≈ 1e-8 have equal values,
  /// so that is the attainable accuracy of any value-based search; 1e-7 allows for it.
  @Test("a quadratic bowl's minimum is found to value precision, and the reported value is f(point)")
  func quadratic() {
    let f: ([Double]) -> Double = { x in pow(x[0] - 3, 2) + 10 * pow(x[1] + 2, 2) + 0.5 }
    let found = NelderMead().minimize(f, from: [0, 0])
    expectClose(found.point, [3, -2], relative: 1e-7)
    #expect(found.value == f(found.point))
  }

  @Test("points where the function is NaN are avoided like +infinity")
  func nonFinite() {
    let f: ([Double]) -> Double = { x in x[0] < 0.5 ? .nan : pow(x[0] - 2, 2) }
    let found = NelderMead().minimize(f, from: [1])
    expectClose(found.point, [2], relative: 1e-9)
  }

  @Test("a non-finite start is reported as not converged")
  func nonFiniteStart() {
    let found = NelderMead().minimize({ _ in .nan }, from: [1, 2])
    #expect(!found.converged)
    #expect(found.point == [1, 2])
  }

  @Test("the same problem gives the identical result twice")
  func deterministic() {
    #expect(NelderMead().minimize(rosenbrock, from: [-1.2, 1]) == NelderMead().minimize(rosenbrock, from: [-1.2, 1]))
  }
}

@Suite("BFGS")
struct BFGSTests {
  /// Central differences have error ~ε^(2/3) ≈ 1e-11 per gradient entry, which bounds the attainable accuracy.
  @Test("finds the Rosenbrock minimum (1, 1) from (-1.2, 1) to 1e-6")
  func rosenbrock2() {
    let found = BFGS().minimize(rosenbrock, from: [-1.2, 1])
    #expect(found.converged)
    expectClose(found.point, [1, 1], relative: 1e-6)
  }

  @Test("finds the 4-D Rosenbrock minimum from the origin to 1e-6")
  func rosenbrock4() {
    let found = BFGS().minimize(rosenbrock, from: [0, 0, 0, 0])
    #expect(found.converged)
    expectClose(found.point, [1, 1, 1, 1], relative: 1e-6)
  }

  @Test("backs away from NaN values; a NaN start is not converged")
  func nonFinite() {
    let found = BFGS().minimize({ x in x[0] < 0.5 ? .nan : pow(x[0] - 2, 2) }, from: [1])
    expectClose(found.point, [2], relative: 1e-6)
    #expect(!BFGS().minimize({ _ in .nan }, from: [1]).converged)
  }
}
