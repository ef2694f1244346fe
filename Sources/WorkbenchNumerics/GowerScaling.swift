/// The per-column minimum and range Gower's dissimilarity scales numeric features by, learned from the fit rows.
///
/// As R's `cluster::daisy(metric = "gower")`: a column's range is max − min
/// over the fit rows, and a zero range (a constant column) is replaced by 1,
/// so the column contributes 0 instead of dividing by zero.
public struct GowerScaling: Sendable, Equatable {
  /// Each numeric column's minimum over the fit rows.
  public let minimums: [Double]
  /// Each numeric column's range over the fit rows; 1 where the column is constant.
  public let ranges: [Double]

  /// Learns the minimums and ranges of the columns of `x`.
  ///
  /// Edge cases: a matrix with no rows gives minimum 0 and range 1 per column.
  /// - Complexity: O(rows · columns).
  public init(fitting x: Matrix) {
    var low = Array(repeating: 0.0, count: x.columns)
    var high = Array(repeating: 0.0, count: x.columns)
    for c in 0..<x.columns where x.rows > 0 {
      low[c] = x[0, c]
      high[c] = x[0, c]
      for r in 1..<x.rows {
        low[c] = min(low[c], x[r, c])
        high[c] = max(high[c], x[r, c])
      }
    }
    minimums = low
    ranges = zip(low, high).map { $1 - $0 == 0 ? 1 : $1 - $0 }
  }

  /// A scaling read back from a saved model; `ranges` must be positive and as long as `minimums` (checked).
  public init(minimums: [Double], ranges: [Double]) {
    precondition(minimums.count == ranges.count, "\(minimums.count) minimums but \(ranges.count) ranges")
    precondition(ranges.allSatisfy { $0 > 0 }, "Gower ranges must be positive")
    self.minimums = minimums
    self.ranges = ranges
  }

  /// `x` with every column mapped to (value − minimum) / range: the fit rows land in [0, 1].
  /// - Complexity: O(rows · columns).
  public func scale(_ x: Matrix) -> Matrix {
    precondition(x.columns == minimums.count, "\(x.columns) columns but a scaling for \(minimums.count)")
    var out = x
    for r in 0..<x.rows {
      for c in 0..<x.columns { out[r, c] = (x[r, c] - minimums[c]) / ranges[c] }
    }
    return out
  }
}
