import WorkbenchKernels

/// Reductions over vectors that need care beyond a plain sum.
public enum Reduce {
  /// Normalises the first `rows` rows of `logs` (row-major, `columns` wide) into log probabilities in place,
  /// writes the probabilities themselves to `linear`, and returns the sum of the rows' normalisers.
  ///
  /// Each row is reduced by its log-sum-exp, m + log Σ exp(vᵢ − m) with m the
  /// largest value (scipy's `logsumexp`, the E step of a mixture); that
  /// normaliser is the row's log-likelihood, and the returned sum (added in
  /// row order) the data's. The exponentials are our own (`wb_exp` in
  /// WorkbenchKernels.h), not the C library's, so the values are the same on
  /// every machine. Edge cases: a row of −∞ (or no columns) has normaliser
  /// −∞; a +∞ anywhere gives +∞. Domain: both arrays hold at least
  /// `rows · columns` values (checked).
  /// - Complexity: O(rows · columns), two exponentials per value.
  public static func normalizeLogRows(_ logs: inout [Double], rows: Int, columns: Int, linear: inout [Double]) -> Double {
    precondition(rows >= 0 && columns >= 0 && logs.count >= rows * columns && linear.count >= rows * columns, "arrays too short")
    return logs.withUnsafeMutableBufferPointer { l in
      linear.withUnsafeMutableBufferPointer { e in wb_normalize_log_rows(l.baseAddress, rows, columns, e.baseAddress) }
    }
  }
}
