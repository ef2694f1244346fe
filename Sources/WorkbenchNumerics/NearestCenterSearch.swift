/// The rows of a matrix prepared for repeated nearest-center passes, as every k-means (Lloyd) iteration makes.
///
/// Why: at a million rows an iteration is one pass that labels every row and
/// sums the rows of each cluster, and its speed decides the whole fit. The
/// pass ranks centers with the vectorised ‖c‖² − 2x·c form and confirms
/// each label against exact distances (`wb_assign_nearest`, documented in
/// WorkbenchKernels.h), so labels are exactly ``Distance/nearest(_:row:among:)``'s
/// (lowest index on ties) on any instruction set. The rows' squared norms,
/// which size the rounding margin, are computed once here (one extra double
/// per row) rather than in every pass.
///
/// Rows are cut into chunks of ``Distance/chunkRows`` processed concurrently;
/// per-chunk values are combined in chunk order, so every result is the same
/// on any thread count.
public struct NearestCenterSearch: Sendable {
  /// The rows searched.
  public let rows: Matrix
  private let norms: [Double]

  /// Prepares `rows` (computes their squared norms, in fixed chunks concurrently).
  /// - Complexity: O(`rows.rows` · `rows.columns`) time; O(`rows.rows`) memory.
  public init(_ rows: Matrix) {
    self.rows = rows
    let d = rows.columns
    let chunks = Parallel.chunkCount(rows.rows, size: Distance.chunkRows)
    let parts = Parallel.map(count: chunks) { chunk in
      rows.withStorage { all in
        Parallel.chunkRange(chunk, size: Distance.chunkRows, total: rows.rows).map { r in
          var norm = 0.0
          for j in (r * d)..<((r + 1) * d) { norm += all[j] * all[j] }
          return norm
        }
      }
    }
    norms = parts.flatMap { $0 }
  }

  /// Labels every row with its nearest row of `centers`; returns the inertia Σ ‖x − c_label‖², equal to
  /// ``Distance/totalSquaredDistance(_:to:labels:)`` of the new labels bit for bit (the same exact distances in
  /// the same chunks and order), so a final assignment needs no separate inertia pass.
  /// Domain: `centers.rows ≥ 1`, equal column counts, `labels.count == rows.rows` (all checked).
  /// - Complexity: O(`rows.rows` · `centers.rows` · `rows.columns`) time spread over the cores; no allocation per row.
  public func assign(to centers: Matrix, labels: inout [Int]) -> Double {
    passes(to: centers, labels: &labels, previous: nil, summing: false).map(\.objective).reduce(0, +)
  }

  /// One Lloyd pass: labels every row as ``assign(to:labels:)`` does and, in the same pass over the rows,
  /// computes the per-cluster sums and counts of ``Matrix/clusterSums(labels:into:counts:)``, bit for bit, and
  /// whether the new labels repeat `previous` (scikit-learn's strict convergence test). The objective it returns
  /// is the inertia up to rounding (rows the ranking decides contribute ‖x‖² + ‖c‖² − 2x·c, accurate to a few ulps
  /// of ‖x‖² + ‖c‖²): for progress reports.
  ///
  /// Why: the iteration is bound by reading the rows; one pass instead of three (labels, sums, comparison)
  /// makes it nearly that of the assignment alone. `sums` must be `centers.rows × rows.columns`, `counts` hold
  /// `centers.rows` entries (checked; both overwritten) and `previous` one label per row (checked).
  /// - Complexity: as ``assign(to:labels:)``, plus O(chunks · `centers.rows` · `rows.columns`) memory for the partials.
  public func assign(
    to centers: Matrix, labels: inout [Int], comparedWith previous: [Int], sums: inout Matrix, counts: inout [Int]
  ) -> (objective: Double, labelsRepeated: Bool) {
    precondition(
      sums.rows == centers.rows && sums.columns == rows.columns, "sums of \(sums.rows) × \(sums.columns) for \(centers.rows) × \(rows.columns)")
    precondition(counts.count == centers.rows, "\(counts.count) counts for \(centers.rows) clusters")
    precondition(previous.count == rows.rows, "\(previous.count) previous labels for \(rows.rows) rows")
    let chunks = passes(to: centers, labels: &labels, previous: previous, summing: true)
    Matrix.combine(chunks.compactMap(\.partial), into: &sums, counts: &counts)
    return (chunks.map(\.objective).reduce(0, +), chunks.allSatisfy(\.repeated))
  }

  /// The chunks of both passes, in chunk order; `repeated` says whether the chunk's labels equal `previous`'s.
  private func passes(
    to centers: Matrix, labels: inout [Int], previous: [Int]?, summing: Bool
  ) -> [(objective: Double, partial: ClusterPartial?, repeated: Bool)] {
    precondition(centers.rows >= 1, "no centers")
    precondition(rows.columns == centers.columns, "matrices of \(rows.columns) and \(centers.columns) columns")
    precondition(labels.count == rows.rows, "\(labels.count) labels for \(rows.rows) rows")
    let prepared = NearestCenters(centers)
    let chunks = Parallel.chunkCount(rows.rows, size: Distance.chunkRows)
    return labels.withUnsafeMutableBufferPointer { buffer in
      let target = DisjointWrites(buffer)
      return Parallel.map(count: chunks) { chunk in
        let range = Parallel.chunkRange(chunk, size: Distance.chunkRows, total: rows.rows)
        var partial = summing ? ClusterPartial(clusters: centers.rows, columns: rows.columns) : nil
        var repeated = false
        let objective = target.withRange(range) { labels in
          let objective = prepared.assign(rows, rowNorms: norms, rows: range, labels: labels, partial: &partial, exactly: !summing)
          repeated = previous.map { labels.elementsEqual($0[range]) } ?? false
          return objective
        }
        return (objective, partial, repeated)
      }
    }
  }

}
