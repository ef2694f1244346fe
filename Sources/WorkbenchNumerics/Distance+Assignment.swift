extension Distance {
  /// Rows per chunk of the whole-matrix kernels (``assignNearest(_:among:labels:)``,
  /// ``totalSquaredDistance(_:to:labels:)``, ``Matrix/clusterSums(labels:into:counts:)``).
  ///
  /// A constant, never derived from the core count or `--jobs`: per-chunk
  /// partial sums are combined in chunk order, so results are bit-identical
  /// on any machine.
  public static let chunkRows = 4096

  /// Labels every row of `x` with its nearest row of `centers`; returns Σ of the squared distances.
  ///
  /// Each row gets exactly ``nearest(_:row:among:)``'s answer (the same
  /// per-distance kernel, ties to the lowest center index, as scikit-learn's
  /// `argmin`). Rows are cut into chunks of ``chunkRows`` processed
  /// concurrently; each chunk sums its own squared distances in row order and
  /// the chunk sums are added in chunk order, so the total is the same on any
  /// thread count (it differs from a strict row-order sum only by rounding).
  /// Domain: `centers.rows ≥ 1`, equal column counts, `labels.count == x.rows` (all checked).
  /// - Complexity: O(`x.rows` · `centers.rows` · `x.columns`) time spread over the cores; no allocation per row.
  public static func assignNearest(_ x: Matrix, among centers: Matrix, labels: inout [Int]) -> Double {
    precondition(centers.rows >= 1, "no centers")
    precondition(x.columns == centers.columns, "matrices of \(x.columns) and \(centers.columns) columns")
    precondition(labels.count == x.rows, "\(labels.count) labels for \(x.rows) rows")
    let chunks = Parallel.chunkCount(x.rows, size: chunkRows)
    let partials = labels.withUnsafeMutableBufferPointer { buffer in
      let target = DisjointWrites(buffer)
      return Parallel.map(count: chunks) { chunk in
        nearest(x, rows: Parallel.chunkRange(chunk, size: chunkRows, total: x.rows), among: centers, labels: target)
      }
    }
    return partials.reduce(0, +)
  }

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

  /// One chunk of ``assignNearest(_:among:labels:)``: writes the labels of `rows`, returns their squared distances' sum.
  private static func nearest(_ x: Matrix, rows: Range<Int>, among centers: Matrix, labels: DisjointWrites<Int>) -> Double {
    let d = x.columns
    let k = centers.rows
    return x.withStorage { all in
      centers.withStorage { means in
        var total = 0.0
        for i in rows {
          assert((i + 1) * d <= all.count, "row \(i) beyond the storage")
          let point = UnsafeBufferPointer(rebasing: all[(i * d)..<((i + 1) * d)])
          var best = 0
          var bestDistance = Double.infinity
          for c in 0..<k {
            let center = UnsafeBufferPointer(rebasing: means[(c * d)..<((c + 1) * d)])
            let distance = c == 0 ? squaredEuclidean(point, center) : squaredEuclidean(point, center, unlessAbove: bestDistance)
            if distance < bestDistance || c == 0 {
              best = c
              bestDistance = distance
            }
          }
          labels.store(best, at: i)
          total += bestDistance
        }
        return total
      }
    }
  }

  /// ``squaredEuclidean(_:_:)`` bit for bit, or +∞ as soon as the result is sure to exceed `bound`.
  ///
  /// Every term is a square (≥ 0 or NaN) and rounded addition is monotone,
  /// so the lanes only grow and ((l₀ + l₁) + (l₂ + l₃)) after any block is at
  /// most the final ((L₀ + L₁) + (L₂ + L₃)) + tail. Once that partial value
  /// is strictly above `bound`, the exact result is too, and a caller that
  /// keeps only results `≤ bound` loses nothing (ties are still computed in
  /// full). A NaN partial never compares above, so NaN rows are computed in full.
  private static func squaredEuclidean(_ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>, unlessAbove bound: Double) -> Double {
    let n = a.count
    assert(b.count == n, "buffers of unequal length")
    var acc = SIMD4<Double>()
    var i = 0
    while i + 4 <= n {
      let d = SIMD4(a[i], a[i + 1], a[i + 2], a[i + 3]) - SIMD4(b[i], b[i + 1], b[i + 2], b[i + 3])
      acc += d * d
      i += 4
      if (acc[0] + acc[1]) + (acc[2] + acc[3]) > bound { return .infinity }
    }
    var tail = 0.0
    while i < n {
      let d = a[i] - b[i]
      tail += d * d
      i += 1
    }
    return ((acc[0] + acc[1]) + (acc[2] + acc[3])) + tail
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
