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
  /// Each row gets exactly ``nearest(_:row:among:)``'s answer (the exact
  /// distances, ties to the lowest center index, as scikit-learn's `argmin`),
  /// found by the vectorised kernel described on `NearestCenters`. Rows are
  /// cut into chunks of ``chunkRows`` processed concurrently; each chunk sums
  /// its own squared distances in row order and the chunk sums are added in
  /// chunk order, so the total is the same on any thread count (it differs
  /// from a strict row-order sum only by rounding).
  /// Domain: `centers.rows ≥ 1`, equal column counts, `labels.count == x.rows` (all checked).
  /// - Complexity: O(`x.rows` · `centers.rows` · `x.columns`) time spread over the cores; no allocation per row.
  public static func assignNearest(_ x: Matrix, among centers: Matrix, labels: inout [Int]) -> Double {
    assignInChunks(x, among: centers, labels: &labels, summing: false).map(\.distance).reduce(0, +)
  }

  /// One Lloyd pass: labels every row as ``assignNearest(_:among:labels:)`` does and, in the same pass over `x`,
  /// computes the per-cluster sums and counts of ``Matrix/clusterSums(labels:into:counts:)`` (bit for bit).
  ///
  /// Why: at a million rows the iteration is bound by reading `x`; one pass instead of two nearly halves it.
  /// `sums` must be `centers.rows × x.columns` and `counts` hold `centers.rows` entries (checked; overwritten).
  /// - Complexity: as ``assignNearest(_:among:labels:)``, plus O(chunks · `centers.rows` · `x.columns`) memory for the partials.
  public static func assignNearest(_ x: Matrix, among centers: Matrix, labels: inout [Int], sums: inout Matrix, counts: inout [Int]) -> Double {
    precondition(sums.rows == centers.rows && sums.columns == x.columns, "sums of \(sums.rows) × \(sums.columns) for \(centers.rows) × \(x.columns)")
    precondition(counts.count == centers.rows, "\(counts.count) counts for \(centers.rows) clusters")
    let chunks = assignInChunks(x, among: centers, labels: &labels, summing: true)
    Matrix.combine(chunks.compactMap(\.partial), into: &sums, counts: &counts)
    return chunks.map(\.distance).reduce(0, +)
  }

  /// The chunks of both assignment passes, in chunk order.
  private static func assignInChunks(
    _ x: Matrix, among centers: Matrix, labels: inout [Int], summing: Bool
  ) -> [(distance: Double, partial: ClusterPartial?)] {
    precondition(centers.rows >= 1, "no centers")
    precondition(x.columns == centers.columns, "matrices of \(x.columns) and \(centers.columns) columns")
    precondition(labels.count == x.rows, "\(labels.count) labels for \(x.rows) rows")
    let prepared = NearestCenters(centers)
    let chunks = Parallel.chunkCount(x.rows, size: chunkRows)
    return labels.withUnsafeMutableBufferPointer { buffer in
      let target = DisjointWrites(buffer)
      return Parallel.map(count: chunks) { chunk in
        let rows = Parallel.chunkRange(chunk, size: chunkRows, total: x.rows)
        var partial = summing ? ClusterPartial(clusters: centers.rows, columns: x.columns) : nil
        let distance = target.withRange(rows) { labels in prepared.assign(x, rows: rows, labels: labels, partial: &partial) }
        return (distance, partial)
      }
    }
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
