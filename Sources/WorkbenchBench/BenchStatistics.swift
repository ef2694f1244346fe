import WorkbenchKit
/// Median, minimum and maximum of a set of timings or ratios.
///
/// The median is the middle value, or the mean of the two middle values for
/// an even count (numpy's `median`). The spread is half the range relative
/// to the median, `(max − min) / (2 · median)`, shown as ± percent.
public struct BenchSummary: Sendable, Codable, Equatable {
  /// The median.
  public var median: Double
  /// The smallest value.
  public var min: Double
  /// The largest value.
  public var max: Double
  /// How many values.
  public var count: Int

  /// The summary of `values`; `nil` when there are none.
  public init?(_ values: [Double]) {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let n = sorted.count
    median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    min = sorted[0]
    max = sorted[n - 1]
    count = n
  }

  /// Half the range relative to the median (0.05 = ±5 %); 0 for a zero median.
  public var relativeSpread: Double { median == 0 ? 0 : (max - min) / (2 * median) }
}

/// Ratios of ours over theirs, pair by pair, from runs made alternately (A B A B …).
public enum BenchRatio {
  /// `ours[i] / theirs[i]` for every pair both have; a ratio below 1 means the workbench is faster.
  ///
  /// Pairs are matched by position (the i-th run of each side, made next to
  /// each other in time); extra runs on one side and pairs with a zero
  /// denominator are dropped.
  public static func pairwise(ours: [Double], theirs: [Double]) -> [Double] {
    zip(ours, theirs).compactMap { a, b in b > 0 ? a / b : nil }
  }
}
