/// Summation in numpy's order, for results that must reproduce numpy's rounding.
public enum PairwiseSum {
  /// The sum of `x` as `numpy.sum` computes it for a contiguous float64 array: pairwise summation.
  ///
  /// Fewer than 8 values are added in order; up to 128 values go into eight
  /// running partial sums combined as `((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7))`,
  /// then the remainder is added in order; longer arrays are split at half
  /// (rounded down to a multiple of 8) and the halves summed recursively
  /// (numpy `pairwise_sum_DOUBLE`, `PW_BLOCKSIZE` 128). Bit-identical to numpy
  /// 2.x; the error grows as O(ε log n) rather than O(ε n).
  /// - Complexity: O(n).
  public static func sum(_ x: [Double]) -> Double {
    x.withUnsafeBufferPointer { sum($0[...]) }
  }

  private static func sum(_ a: Slice<UnsafeBufferPointer<Double>>) -> Double {
    let n = a.count, start = a.startIndex
    if n < 8 {
      var s = 0.0
      for v in a { s += v }
      return s
    }
    if n <= 128 {
      var r = (0..<8).map { a[start + $0] }
      var i = 8
      while i < n - n % 8 {
        for j in 0..<8 { r[j] += a[start + i + j] }
        i += 8
      }
      var s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
      while i < n {
        s += a[start + i]
        i += 1
      }
      return s
    }
    var half = n / 2
    half -= half % 8
    return sum(a[start..<(start + half)]) + sum(a[(start + half)...])
  }
}
