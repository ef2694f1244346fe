import WorkbenchNumerics

/// What a box plot draws of a set of values: the 5th, 25th, 50th, 75th and 95th percentiles, the mean and the count.
///
/// Percentiles are numpy's default linear interpolation
/// (``Quantile/linear(sorted:_:)``); missing values (NaN) are left out. The
/// mean of values near the largest doubles is summed over n-ths, so it does
/// not overflow.
struct BoxSummary: Sendable, Equatable {
  var p5: Double, q1: Double, median: Double, q3: Double, p95: Double
  var mean: Double
  var count: Int

  /// The summary of `values`, or nil when none is present.
  /// - Complexity: O(n log n).
  init?(_ values: [Double]) {
    let sorted = values.filter { !$0.isNaN }.sorted()
    guard !sorted.isEmpty else { return nil }
    p5 = Quantile.linear(sorted: sorted, 0.05)
    q1 = Quantile.linear(sorted: sorted, 0.25)
    median = Quantile.linear(sorted: sorted, 0.5)
    q3 = Quantile.linear(sorted: sorted, 0.75)
    p95 = Quantile.linear(sorted: sorted, 0.95)
    let total = PairwiseSum.sum(sorted)
    mean = total.isFinite ? total / Double(sorted.count) : PairwiseSum.sum(sorted.map { $0 / Double(sorted.count) })
    count = sorted.count
  }
}
