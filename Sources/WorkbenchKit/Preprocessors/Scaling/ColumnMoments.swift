/// Mean and spread of a column, computed so that neither overflows nor underflows at any finite scale.
///
/// Why: the textbook sums overflow for values near ±1e154 and beyond (a sum
/// of squares) or ±1e308 (a plain sum), and the variance of values near
/// 1e-300 underflows to zero, after which a scaler takes the column for a
/// constant and leaves it unscaled (Iris × 1e-300 then clusters as one
/// blob). Here a column whose largest magnitude is outside
/// ``FeatureMagnitude``'s band is first divided by a power of two near that
/// magnitude, the moments are taken of the scaled values and multiplied
/// back. Scaling by a power of two is exact, so inside the band (where no
/// scaling happens) and outside it alike the results are the rounded values
/// of the same formulas: scikit-learn's `_incremental_mean_and_var` (two
/// passes with a correction term) and its relative constant-column test.
///
/// Edge cases: NaN cells (missing) are skipped; no value at all gives `nil`.
/// The variance itself may not be representable (values beyond ~1e154 have
/// a variance beyond the largest double, values below ~1e-154 one below the
/// smallest): ``variance`` is then `nil` while ``standardDeviation`` is exact.
/// - Complexity: O(count), three passes.
struct ColumnMoments: Equatable {
  /// Non-missing values.
  var count: Int
  /// Their mean.
  var mean: Double
  /// Their population standard deviation (ddof 0).
  var standardDeviation: Double
  /// Their population variance, when it is a finite double that has not underflowed; `nil` otherwise.
  var variance: Double?
  /// Whether the values are equal up to rounding (scikit-learn's `_is_constant_feature`, taken on the scaled values).
  var isConstant: Bool

  /// The moments of the non-NaN values of `x`, or `nil` when there are none.
  init?(_ x: [Double]) {
    var largest = 0.0
    var n = 0
    for v in x where !v.isNaN {
      largest = max(largest, abs(v))
      n += 1
    }
    guard n > 0 else { return nil }
    let scale = ColumnMoments.powerOfTwoScale(forMagnitude: largest)
    var sum = 0.0
    for v in x where !v.isNaN { sum += v / scale }
    let scaledMean = sum / Double(n)
    var correction = 0.0, squares = 0.0
    for v in x where !v.isNaN {
      let d = v / scale - scaledMean
      correction += d
      squares += d * d
    }
    let scaledVariance = (squares - correction * correction / Double(n)) / Double(n)
    let count = Double(n)
    isConstant =
      scaledVariance <= count * .ulpOfOne * scaledVariance + (count * scaledMean * .ulpOfOne) * (count * scaledMean * .ulpOfOne)
    self.count = n
    mean = scaledMean * scale
    standardDeviation = max(scaledVariance, 0).squareRoot() * scale
    let variance = scaledVariance * scale * scale
    self.variance = variance.isFinite && (variance > 0 || scaledVariance <= 0) ? variance : nil
  }

  /// 1 inside ``FeatureMagnitude``'s band, else the power of two nearest below `magnitude`.
  static func powerOfTwoScale(forMagnitude magnitude: Double) -> Double {
    guard magnitude > 0, !(FeatureMagnitude.smallest...FeatureMagnitude.largest).contains(magnitude) else { return 1 }
    return Double(sign: .plus, exponent: magnitude.exponent, significand: 1)
  }

  /// Whether a column's spread (a range, a quantile range, a largest magnitude) counts as zero, so its scale becomes 1.
  ///
  /// scikit-learn's `_handle_zeros_in_scale` treats a spread below 10 ε as
  /// zero, which is right for values of order one and wrong for a column of
  /// tiny values (all of 1e-300 is "zero" to it). The threshold here is
  /// 10 ε · min(1, magnitude): scikit-learn's for columns whose largest
  /// magnitude is at least 1 (so results match it there), relative to the
  /// magnitude below that.
  static func isNegligible(spread: Double, magnitude: Double) -> Bool {
    spread < 10 * .ulpOfOne * min(1, magnitude)
  }
}
