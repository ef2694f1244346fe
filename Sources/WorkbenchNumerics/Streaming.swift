/// Streaming kernels: one pass over a large array, to measure how fast memory delivers bytes.
///
/// The benchmark harness times ``sum(_:)`` over an array much larger than
/// the caches; bytes read divided by the time is the memory bandwidth that a
/// memory-bound pass (one k-means assignment sweep, a CSV column copy) can
/// at best reach on this machine.
public enum Streaming {
  /// The sum of `values`, with sixteen independent accumulators so the loop is limited by memory, not by add latency.
  ///
  /// Four `SIMD4<Double>` accumulators hold elements `i ≡ l (mod 16)` in lane
  /// order; they are combined pairwise, then the scalar tail is added. The
  /// summation order is fixed, so the result is the same on every build, but
  /// it is not the order of a left-to-right sum. An empty array sums to 0.
  /// - Complexity: O(`values.count`), reading each element once.
  public static func sum(_ values: [Double]) -> Double {
    values.withUnsafeBufferPointer { sum($0) }
  }

  /// The kernel of ``sum(_:)`` over a buffer.
  static func sum(_ p: UnsafeBufferPointer<Double>) -> Double {
    let n = p.count
    var a0 = SIMD4<Double>(), a1 = SIMD4<Double>(), a2 = SIMD4<Double>(), a3 = SIMD4<Double>()
    var i = 0
    while i + 16 <= n {
      a0 += SIMD4(p[i], p[i + 1], p[i + 2], p[i + 3])
      a1 += SIMD4(p[i + 4], p[i + 5], p[i + 6], p[i + 7])
      a2 += SIMD4(p[i + 8], p[i + 9], p[i + 10], p[i + 11])
      a3 += SIMD4(p[i + 12], p[i + 13], p[i + 14], p[i + 15])
      i += 16
    }
    var tail = 0.0
    while i < n {
      tail += p[i]
      i += 1
    }
    let lanes = (a0 + a1) + (a2 + a3)
    return ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + tail
  }
}
