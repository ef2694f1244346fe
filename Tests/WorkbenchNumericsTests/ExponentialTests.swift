import Foundation
import Testing
import WorkbenchNumerics

/// Units in the last place between two positive finite doubles (their bit patterns are ordered like the values).
private func ulps(_ a: Double, _ b: Double) -> UInt64 {
  let (x, y) = (a.bitPattern, b.bitPattern)
  return x > y ? x - y : y - x
}

@Suite("Exponential: our own eˣ, four lanes at a time")
struct ExponentialTests {
  @Test("within 2 ulps of the C library's exp over the whole range, and the same in a vector lane as alone")
  func agreesWithTheCLibrary() {
    var rng = SeededGenerator(seed: 3)
    var worst: UInt64 = 0
    for range in [(-745.0, 709.7), (-1.0, 1.0), (-40.0, 0.0), (-0.001, 0.001)] {
      for _ in 0..<20_000 {
        let x = range.0 + (range.1 - range.0) * rng.nextUnit()
        let ours = Exponential.exp(x)
        let theirs = Foundation.exp(x)
        if theirs >= Double.leastNormalMagnitude { worst = max(worst, ulps(ours, theirs)) }
        let lanes = Exponential.exp(SIMD4(x, -x / 3, x / 7, 0.5))
        #expect(lanes[0] == ours, "x = \(x)")
        #expect(lanes[1] == Exponential.exp(-x / 3))
      }
    }
    #expect(worst <= 2, "worst disagreement \(worst) ulps")
  }

  @Test("edge cases: exact points, both ends of the range, infinities and NaN")
  func edgeCases() {
    #expect(Exponential.exp(0.0) == 1)
    #expect(Exponential.exp(1.0) == M_E || ulps(Exponential.exp(1.0), M_E) <= 1)
    #expect(Exponential.exp(709.78) == Foundation.exp(709.78) || ulps(Exponential.exp(709.78), Foundation.exp(709.78)) <= 2)
    #expect(Exponential.exp(710) == .infinity)
    #expect(Exponential.exp(-746) == 0)
    #expect(Exponential.exp(Double.infinity) == .infinity)
    #expect(Exponential.exp(-Double.infinity) == 0)
    #expect(Exponential.exp(Double.nan).isNaN)
    // A subnormal result stays within a few subnormal steps of the library's.
    let tiny = Exponential.exp(-740.0)
    #expect(tiny > 0 && tiny < Double.leastNormalMagnitude)
    #expect(abs(tiny - Foundation.exp(-740.0)) <= 4 * Double.leastNonzeroMagnitude)
    let lanes = Exponential.exp(SIMD4(.nan, 800, -800, 1))
    #expect(lanes[0].isNaN && lanes[1] == .infinity && lanes[2] == 0 && lanes[3] == Exponential.exp(1.0))
  }

  @Test("exponentiate writes exp of every value, tail included")
  func exponentiateAll() {
    let values: [Double] = [0, 1, -1, 2.5, -700, 3, 0.25]
    var out = [Double](repeating: -1, count: values.count)
    values.withUnsafeBufferPointer { values in out.withUnsafeMutableBufferPointer { Exponential.exponentiate(values, into: $0) } }
    #expect(out == values.map { Exponential.exp($0) })
    #expect(out[1] == Exponential.exp(1.0) && out[4] > 0)
  }
}
