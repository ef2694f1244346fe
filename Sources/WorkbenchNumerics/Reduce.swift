import Foundation

/// Reductions over vectors that need care beyond a plain sum.
public enum Reduce {
  /// log Σ exp(vᵢ), computed stably as m + log Σ exp(vᵢ − m) with m = max vᵢ (scipy's `logsumexp`), the
  /// exponentials by ``Exponential`` and added in index order.
  ///
  /// Edge cases: an empty input gives −∞; when every value is −∞ the result
  /// is −∞ (no NaN from −∞ − (−∞)); +∞ anywhere gives +∞.
  /// - Complexity: O(count), one `exp` per element.
  public static func logSumExp(_ values: ArraySlice<Double>) -> Double {
    values.withUnsafeBufferPointer { logSumExp($0) }
  }

  /// ``logSumExp(_:)-(ArraySlice<Double>)`` over a buffer, for callers that already hold one (the E step of a mixture, row by row).
  ///
  /// The same operations in the same order, so the same value to the last bit.
  /// - Complexity: O(count), one `exp` per element.
  public static func logSumExp(_ values: UnsafeBufferPointer<Double>) -> Double {
    var m = -Double.infinity
    for v in values where v > m { m = v }
    guard m.isFinite else { return m }
    var sum = 0.0
    var i = 0
    while i + 4 <= values.count {
      let e = Exponential.exp(SIMD4(values[i], values[i + 1], values[i + 2], values[i + 3]) - m)
      sum += e[0]
      sum += e[1]
      sum += e[2]
      sum += e[3]
      i += 4
    }
    while i < values.count {
      sum += Exponential.exp(values[i] - m)
      i += 1
    }
    return m + log(sum)
  }
}
