extension Matrix {
  /// Per-cluster column sums and row counts of the rows with each label (the k-means center update before dividing).
  ///
  /// Rows are cut into chunks of ``Distance/chunkRows`` processed
  /// concurrently; each chunk sums its rows in row order into its own
  /// `clusters × columns` partial, and the partials are added in chunk order.
  /// The result is therefore the same on any thread count; it differs from a
  /// strict row-order sum only by rounding (about 1e-15 relative), as
  /// scikit-learn's own chunked, per-thread sums do. `sums` must be
  /// `clusters × columns` and `counts` hold `clusters` entries (both checked;
  /// their previous contents are overwritten). Every label must lie in
  /// `0..<clusters` (checked).
  /// - Complexity: O(`rows` · `columns`) time spread over the cores;
  ///   O(chunks · clusters · columns) memory for the partials.
  public func clusterSums(labels: [Int], into sums: inout Matrix, counts: inout [Int]) {
    let k = sums.rows
    let d = columns
    precondition(sums.columns == d, "sums of \(sums.columns) columns for \(d)")
    precondition(counts.count == k, "\(counts.count) counts for \(k) clusters")
    precondition(labels.count == rows, "\(labels.count) labels for \(rows) rows")
    let chunks = Parallel.chunkCount(rows, size: Distance.chunkRows)
    let partials = Parallel.map(count: chunks) { chunk in
      partialSums(labels: labels, rows: Parallel.chunkRange(chunk, size: Distance.chunkRows, total: rows), clusters: k)
    }
    Matrix.combine(partials, into: &sums, counts: &counts)
  }

  /// Adds chunk partials in chunk order into `sums` and `counts` (overwritten); the one combination step of
  /// every chunked cluster-sum pass, so passes that chunk alike give identical bits.
  static func combine(_ partials: [ClusterPartial], into sums: inout Matrix, counts: inout [Int]) {
    for c in 0..<counts.count { counts[c] = 0 }
    sums.withMutableStorage { total in
      for p in 0..<total.count { total[p] = 0 }
      for partial in partials {
        for p in 0..<total.count { total[p] += partial.sums[p] }
        for c in 0..<counts.count { counts[c] += partial.counts[c] }
      }
    }
  }

  /// One chunk's per-cluster sums (`clusters × columns`, row-major) and counts.
  private func partialSums(labels: [Int], rows range: Range<Int>, clusters k: Int) -> ClusterPartial {
    let d = columns
    var sums = [Double](repeating: 0, count: k * d)
    var counts = [Int](repeating: 0, count: k)
    withStorage { all in
      labels.withUnsafeBufferPointer { owner in
        sums.withUnsafeMutableBufferPointer { sums in
          for i in range {
            let c = owner[i]
            precondition(c >= 0 && c < k, "label \(c) is not a cluster")
            counts[c] += 1
            assert((i + 1) * d <= all.count && (c + 1) * d <= sums.count, "row or cluster beyond its storage")
            for j in 0..<d { sums[c * d + j] += all[i * d + j] }
          }
        }
      }
    }
    return ClusterPartial(sums: sums, counts: counts)
  }
}

/// Sums (`clusters × columns`, row-major) and counts of one chunk of rows, per cluster.
struct ClusterPartial: Sendable {
  var sums: [Double]
  var counts: [Int]

  init(sums: [Double], counts: [Int]) {
    self.sums = sums
    self.counts = counts
  }

  /// Zero sums and counts.
  init(clusters: Int, columns: Int) {
    self.init(sums: [Double](repeating: 0, count: clusters * columns), counts: [Int](repeating: 0, count: clusters))
  }
}
