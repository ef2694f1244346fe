import Foundation
import WorkbenchNumerics

/// Count, mean, spread and quartiles of one numeric column in one segment (or the whole population).
///
/// Missing values are skipped and counted. The standard deviation is the
/// sample one (n − 1, as pandas' `describe`); quartiles use numpy's default
/// linear interpolation (``Quantile/linear(sorted:_:)``). Nothing is NaN: a
/// statistic that does not exist is ``Score/undefined(_:)`` with the reason
/// (no values; a single value has no standard deviation).
public struct NumericSummary: Sendable, Equatable {
  /// Values present.
  public var count: Int
  /// Values missing (skipped).
  public var missing: Int
  /// Arithmetic mean.
  public var mean: Score
  /// Sample standard deviation (n − 1).
  public var standardDeviation: Score
  /// Smallest value.
  public var minimum: Score
  /// 25th percentile.
  public var lowerQuartile: Score
  /// 50th percentile.
  public var median: Score
  /// 75th percentile.
  public var upperQuartile: Score
  /// Largest value.
  public var maximum: Score

  /// The summary of `sorted` (ascending, no NaN), with `missing` values left out.
  /// - Complexity: O(n).
  init(sorted: [Double], missing: Int) {
    count = sorted.count
    self.missing = missing
    guard let first = sorted.first, let last = sorted.last else {
      let reason = missing > 0 ? "no values: all \(missing) are missing" : "no rows"
      mean = .undefined(reason)
      standardDeviation = .undefined(reason)
      minimum = .undefined(reason)
      lowerQuartile = .undefined(reason)
      median = .undefined(reason)
      upperQuartile = .undefined(reason)
      maximum = .undefined(reason)
      return
    }
    // Scale-aware moments (the standard scaler's), so columns near ±1.8e308 or 1e-300 summarise without overflow.
    let moments = ColumnMoments(sorted)!
    mean = Self.finite(moments.mean)
    if sorted.count < 2 {
      standardDeviation = .undefined("a single value has no standard deviation")
    } else {
      let n = Double(sorted.count)
      // Through the variance where it is representable (exact for small integers), else the scaled deviation.
      let sampleSD = moments.variance.map { ($0 * n / (n - 1)).squareRoot() } ?? moments.standardDeviation * (n / (n - 1)).squareRoot()
      standardDeviation = Self.finite(sampleSD)
    }
    minimum = .value(first)
    lowerQuartile = Self.finite(Quantile.linear(sorted: sorted, 0.25))
    median = Self.finite(Quantile.linear(sorted: sorted, 0.5))
    upperQuartile = Self.finite(Quantile.linear(sorted: sorted, 0.75))
    maximum = .value(last)
  }

  /// `value`, or undefined when it overflowed (values so large that interpolating between them leaves the doubles).
  private static func finite(_ value: Double) -> Score {
    value.isFinite ? .value(value) : .undefined("the values are too large to summarise in double precision")
  }
}
