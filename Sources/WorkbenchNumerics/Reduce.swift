import Foundation

/// Reductions over vectors that need care beyond a plain sum.
public enum Reduce {
  /// log Σ exp(vᵢ), computed stably as m + log Σ exp(vᵢ − m) with m = max vᵢ (scipy's `logsumexp`).
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
    for v in values { sum += exp(v - m) }
    return m + log(sum)
  }
}
