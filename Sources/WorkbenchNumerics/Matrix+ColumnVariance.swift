extension Matrix {
  /// The mean over columns of each column's population variance (1/n normalisation).
  ///
  /// Why: scikit-learn's k-means family scales `tol` by it (`np.mean(np.var(X, axis=0))`), and at a million rows
  /// a plain double loop over rows costs as much as several k-means iterations. Rows are cut into chunks of
  /// ``Distance/chunkRows`` processed concurrently; per-column partial sums are added in chunk order, so the
  /// result is the same on any thread count. Two passes (means, then squared deviations from them), as numpy.
  /// An empty matrix gives 0.
  /// - Complexity: O(`rows` · `columns`) time spread over the cores; O(chunks · `columns`) memory.
  public func meanColumnVariance() -> Double {
    guard rows > 0, columns > 0 else { return 0 }
    let n = Double(rows)
    let means = columnSums(around: nil).map { $0 / n }
    let squares = columnSums(around: means)
    var total = 0.0
    for c in 0..<columns { total += squares[c] / n }
    return total / Double(columns)
  }

  /// Per-column Σ x (when `center` is nil) or Σ (x − center)², in fixed row chunks added in chunk order.
  private func columnSums(around center: [Double]?) -> [Double] {
    let d = columns
    let chunks = Parallel.chunkCount(rows, size: Distance.chunkRows)
    let partials = Parallel.map(count: chunks) { chunk in
      let range = Parallel.chunkRange(chunk, size: Distance.chunkRows, total: rows)
      var sums = [Double](repeating: 0, count: d)
      withStorage { all in
        sums.withUnsafeMutableBufferPointer { sums in
          if let center {
            center.withUnsafeBufferPointer { center in
              for r in range {
                for c in 0..<d {
                  let deviation = all[r * d + c] - center[c]
                  sums[c] += deviation * deviation
                }
              }
            }
          } else {
            for r in range {
              for c in 0..<d { sums[c] += all[r * d + c] }
            }
          }
        }
      }
      return sums
    }
    var total = [Double](repeating: 0, count: d)
    for partial in partials {
      for c in 0..<d { total[c] += partial[c] }
    }
    return total
  }
}
