extension Distance {
  /// Rows per chunk of the whole-matrix kernels (``NearestCenterSearch``,
  /// ``totalSquaredDistance(_:to:labels:)``, ``Matrix/clusterSums(labels:into:counts:)``).
  ///
  /// A constant, never derived from the core count or `--jobs`: per-chunk
  /// partial sums are combined in chunk order, so results are bit-identical
  /// on any machine.
  public static let chunkRows = 4096

  /// Σ over rows of the squared distance from row i of `x` to row `labels[i]` of `centers` (the k-means inertia).
  ///
  /// Chunks of ``chunkRows`` rows run concurrently, each summing in row
  /// order; chunk sums are added in chunk order (deterministic on any thread
  /// count). Domain: equal column counts, `labels.count == x.rows`, every
  /// label a row of `centers` (checked).
  /// - Complexity: O(`x.rows` · `x.columns`) time spread over the cores.
  public static func totalSquaredDistance(_ x: Matrix, to centers: Matrix, labels: [Int]) -> Double {
    precondition(x.columns == centers.columns, "matrices of \(x.columns) and \(centers.columns) columns")
    precondition(labels.count == x.rows, "\(labels.count) labels for \(x.rows) rows")
    let chunks = Parallel.chunkCount(x.rows, size: chunkRows)
    let partials = Parallel.map(count: chunks) { chunk in
      assignedDistances(x, rows: Parallel.chunkRange(chunk, size: chunkRows, total: x.rows), centers: centers, labels: labels)
    }
    return partials.reduce(0, +)
  }

  /// One chunk of ``totalSquaredDistance(_:to:labels:)``.
  private static func assignedDistances(_ x: Matrix, rows: Range<Int>, centers: Matrix, labels: [Int]) -> Double {
    let d = x.columns
    return x.withStorage { all in
      centers.withStorage { means in
        labels.withUnsafeBufferPointer { owner in
          var total = 0.0
          for i in rows {
            let c = owner[i]
            precondition(c >= 0 && c < centers.rows, "label \(c) is not a center")
            total += squaredEuclidean(
              UnsafeBufferPointer(rebasing: all[(i * d)..<((i + 1) * d)]), UnsafeBufferPointer(rebasing: means[(c * d)..<((c + 1) * d)]))
          }
          return total
        }
      }
    }
  }
}
