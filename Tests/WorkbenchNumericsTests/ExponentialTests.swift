import Foundation
import Testing
import WorkbenchKernels
import WorkbenchNumerics
import WorkbenchTestSupport

/// Units in the last place between two positive finite doubles (their bit patterns are ordered like the values).
private func ulps(_ a: Double, _ b: Double) -> UInt64 {
  let (x, y) = (a.bitPattern, b.bitPattern)
  return x > y ? x - y : y - x
}

/// `rows × k` log values through `kernel`: the normalised logs, the probabilities and the returned total.
private func normalized(
  _ values: [Double], rows: Int, k: Int, kernel: (UnsafeMutablePointer<Double>?, Int, Int, UnsafeMutablePointer<Double>?) -> Double = wb_normalize_log_rows
) -> (logs: [Double], linear: [Double], total: Double) {
  var logs = values
  var linear = [Double](repeating: -1, count: values.count)
  let total = logs.withUnsafeMutableBufferPointer { l in linear.withUnsafeMutableBufferPointer { kernel(l.baseAddress, rows, k, $0.baseAddress) } }
  return (logs, linear, total)
}

/// Bit patterns, so NaN compares equal to the same NaN.
private func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

@Suite("Exponentials: our own eˣ and the row normalisation of a mixture's E step")
struct ExponentialTests {
  @Test("wb_exp is within 2 ulps of the C library's exp over the whole range")
  func agreesWithTheCLibrary() {
    var rng = SeededGenerator(seed: 3)
    var worst: UInt64 = 0
    for range in [(-745.0, 709.7), (-1.0, 1.0), (-40.0, 0.0), (-0.001, 0.001)] {
      for _ in 0..<20_000 {
        let x = range.0 + (range.1 - range.0) * rng.nextUnit()
        let theirs = Foundation.exp(x)
        if theirs >= Double.leastNormalMagnitude { worst = max(worst, ulps(wb_exp(x), theirs)) }
      }
    }
    #expect(worst <= 2, "worst disagreement \(worst) ulps")
  }

  @Test("wb_exp edge cases: exact points, both ends of the range, infinities and NaN")
  func edgeCases() {
    #expect(wb_exp(0) == 1)
    #expect(ulps(wb_exp(1), M_E) <= 1)
    #expect(ulps(wb_exp(709.78), Foundation.exp(709.78)) <= 2)
    #expect(wb_exp(710) == .infinity)
    #expect(wb_exp(-746) == 0)
    #expect(wb_exp(.infinity) == .infinity)
    #expect(wb_exp(-.infinity) == 0)
    #expect(wb_exp(.nan).isNaN)
    // A subnormal result stays within a few subnormal steps of the library's.
    let tiny = wb_exp(-740)
    #expect(tiny > 0 && tiny < Double.leastNormalMagnitude)
    #expect(abs(tiny - Foundation.exp(-740.0)) <= 4 * Double.leastNonzeroMagnitude)
  }

  @Test("a row's normaliser is its log-sum-exp: stable for large values, −∞ and empty rows")
  func logSumExp() {
    func norm(_ row: [Double]) -> Double { normalized(row, rows: 1, k: row.count).total }
    expectClose(norm([1000, 1000]), 1000 + log(2), relative: 1e-15)
    expectClose(norm([-1000, -1001]), -1000 + log(1 + exp(-1)), relative: 1e-15)
    expectClose(norm([0.1, 0.2, 0.3]), log(exp(0.1) + exp(0.2) + exp(0.3)), relative: 1e-15)
    #expect(norm([-.infinity, -.infinity]) == -.infinity)
    #expect(norm([]) == -.infinity)
    #expect(norm([-.infinity, 2]) == 2)
    #expect(norm([.infinity, 2]) == .infinity)
  }

  @Test("rows become log probabilities and probabilities: e / Σ e, with logs v − normaliser")
  func normalizesRows() {
    let row: [Double] = [-3, 0.5, -700, 2, -1e-3]
    let (logs, linear, total) = normalized(row, rows: 1, k: row.count)
    let m = 2.0
    let e = row.map { wb_exp($0 - m) }
    let s = e.reduce(0, +)
    #expect(total == m + log(s))
    #expect(logs == row.map { $0 - (m + log(s)) })
    #expect(linear == e.map { $0 / s })
    expectClose(linear.reduce(0, +), 1, relative: 1e-15)
    // exp of a log probability agrees only to the rounding of the log itself (|log| · 2⁻⁵² relative).
    for c in row.indices { expectClose(linear[c], exp(logs[c]), relative: 1e-12) }
  }

  @Test("a row normalised in a block of four equals the row alone, for 1…10 components and 0…9 rows", arguments: 1...10)
  func blockingChangesNoBit(_ k: Int) {
    var rng = SeededGenerator(seed: UInt64(40 + k))
    for rows in 0...9 {
      var values = (0..<(rows * k)).map { _ in rng.nextGaussian() * 300 }
      // Rows whose largest value is not finite, inside a block of four: they must not disturb their neighbours.
      if rows >= 3 { for c in 0..<k { values[k + c] = -.infinity } }
      if rows >= 7 { values[5 * k] = .infinity }
      let together = normalized(values, rows: rows, k: k)
      var total = 0.0
      for r in 0..<rows {
        let alone = normalized(Array(values[(r * k)..<((r + 1) * k)]), rows: 1, k: k)
        #expect(bits(Array(together.logs[(r * k)..<((r + 1) * k)])) == bits(alone.logs), "rows \(rows), row \(r)")
        #expect(bits(Array(together.linear[(r * k)..<((r + 1) * k)])) == bits(alone.linear), "rows \(rows), row \(r)")
        total += alone.total
      }
      #expect(together.total.bitPattern == total.bitPattern || (together.total.isNaN && total.isNaN), "rows \(rows)")
    }
  }

  @Test("the AVX2 and baseline paths give the same bits")
  func pathsAgree() {
    var rng = SeededGenerator(seed: 8)
    let values = (0..<(103 * 7)).map { _ in rng.nextGaussian() * 50 }
    let fast = normalized(values, rows: 103, k: 7)
    let baseline = normalized(values, rows: 103, k: 7, kernel: wb_normalize_log_rows_baseline)
    #expect(bits(fast.logs) == bits(baseline.logs) && bits(fast.linear) == bits(baseline.linear) && fast.total == baseline.total)
  }

  @Test("Reduce.normalizeLogRows is the kernel, on the first rows only")
  func swiftEntryPoint() {
    var logs: [Double] = [0, 1, 2, 3, 9, 9]
    var linear = [Double](repeating: 0, count: 6)
    let total = Reduce.normalizeLogRows(&logs, rows: 2, columns: 2, linear: &linear)
    let expected = normalized([0, 1, 2, 3], rows: 2, k: 2)
    #expect(total == expected.total && Array(logs.prefix(4)) == expected.logs && Array(linear.prefix(4)) == expected.linear)
    #expect(logs[4] == 9 && linear[4] == 0, "rows past `rows` untouched")
  }
}
