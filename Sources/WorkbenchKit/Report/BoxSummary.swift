import WorkbenchNumerics

/// What a box plot draws of a set of values: the 5th, 25th, 50th, 75th and 95th percentiles, the mean and the count.
///
/// Percentiles are numpy's default linear interpolation
/// (``Quantile/linear(_:_:)``); missing values (NaN) are left out. The
/// mean of values near the largest doubles is summed over n-ths, so it does
/// not overflow.
struct BoxSummary: Sendable, Equatable {
  var p5: Double, q1: Double, median: Double, q3: Double, p95: Double
  var mean: Double
  var count: Int

  /// The summary of `values`, or nil when none is present.
  /// - Complexity: O(n) expected (the percentiles are selected, not sorted: ``Quantile/linear(_:_:)``).
  init?(_ values: [Double]) {
    var present = values.filter { !$0.isNaN }
    // The mean is summed in data order, before the selection reorders the values.
    let total = PairwiseSum.sum(present)
    mean = total.isFinite ? total / Double(present.count) : PairwiseSum.sum(present.map { $0 / Double(present.count) })
    count = present.count
    guard let percentiles = Quantile.linear(reordering: &present, [0.05, 0.25, 0.5, 0.75, 0.95]) else { return nil }
    (p5, q1, median, q3, p95) = (percentiles[0], percentiles[1], percentiles[2], percentiles[3], percentiles[4])
  }
}
