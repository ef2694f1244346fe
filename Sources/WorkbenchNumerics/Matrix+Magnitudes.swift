extension Matrix {
  /// Each column's largest absolute value (0 for no rows), or NaN when the column holds a NaN.
  ///
  /// Why: every metric and fit checks its input's scale before trusting a
  /// result, and at a million rows a subscripted double loop over the matrix
  /// costs more than some metrics. Rows are cut into chunks of
  /// ``Distance/chunkRows`` scanned concurrently; a maximum does not depend
  /// on the order it is taken in, so neither does the result.
  /// - Complexity: O(`rows` · `columns`) spread over the cores.
  public func largestMagnitudes() -> [Double] {
    let d = columns
    let partials = Parallel.map(count: Parallel.chunkCount(rows, size: Distance.chunkRows)) { chunk in
      var largest = [Double](repeating: 0, count: d)
      withStorage { storage in
        largest.withUnsafeMutableBufferPointer { largest in
          for r in Parallel.chunkRange(chunk, size: Distance.chunkRows, total: rows) {
            for c in 0..<d { largest[c] = Self.larger(largest[c], abs(storage[r * d + c])) }
          }
        }
      }
      return largest
    }
    var largest = [Double](repeating: 0, count: d)
    for partial in partials { for c in 0..<d { largest[c] = Self.larger(largest[c], partial[c]) } }
    return largest
  }

  /// The larger of two magnitudes, NaN when either is (NaN compares false, so it is carried explicitly).
  @inline(__always)
  private static func larger(_ a: Double, _ b: Double) -> Double {
    a.isNaN || b.isNaN ? .nan : max(a, b)
  }
}
