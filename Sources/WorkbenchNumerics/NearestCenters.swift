import WorkbenchKernels

/// Centers laid out for the assignment kernel: a transposed copy padded to whole vectors and the squared norms it ranks with.
///
/// Why: labelling a million rows against k centers is the inner loop of every
/// k-means iteration. The kernel (`wb_assign_nearest`, C, AVX2 + FMA where
/// the CPU has them) ranks centers by ‖c‖² − 2x·c, a product of the row with
/// all centers at once, and recomputes the exact distance only for the
/// winner, or for every center when the two best candidates lie within the
/// ranking form's rounding bound. That bound is 8(d + 2)·2⁻⁵²·(‖x‖² + max‖c‖²):
/// it covers the error of both the ranking (a dot product of length d) and
/// the exact distances (each within γ_{d+2}·(‖x‖² + ‖c‖²) of the true value),
/// with a factor 2 to spare. Labels are therefore exactly those of the exact
/// distances (lowest index on ties), whichever instruction set ran.
struct NearestCenters: Sendable {
  let centers: Matrix
  private let transposed: [Double]
  private let norms: [Double]
  let paddedCount: Int
  private let largestNorm: Double

  init(_ centers: Matrix) {
    let k = centers.rows
    let d = centers.columns
    let padded = (k + 3) / 4 * 4
    var transposed = [Double](repeating: 0, count: d * padded)
    var norms = [Double](repeating: .infinity, count: padded)
    for c in 0..<k {
      var norm = 0.0
      for j in 0..<d {
        let value = centers[c, j]
        transposed[j * padded + c] = value
        norm += value * value
      }
      norms[c] = norm
    }
    self.centers = centers
    self.transposed = transposed
    self.norms = norms
    paddedCount = padded
    largestNorm = norms.prefix(k).filter(\.isFinite).max() ?? 0
  }

  /// Labels `rows` of `x` into `labels` (one entry per row of the range); returns Σ of their exact squared distances.
  ///
  /// When `partial` is given, it receives the per-center sums (rows added in
  /// row order) and counts of these rows, exactly as
  /// ``Matrix/clusterSums(labels:into:counts:)`` computes one chunk.
  func assign(_ x: Matrix, rows: Range<Int>, labels: UnsafeMutableBufferPointer<Int>, partial: inout ClusterPartial?) -> Double {
    assign(x, rows: rows, labels: labels, partial: &partial, kernel: wb_assign_nearest)
  }

  /// ``assign(_:rows:labels:partial:)`` through a given kernel entry point (tests compare the portable one with it).
  func assign(
    _ x: Matrix, rows: Range<Int>, labels: UnsafeMutableBufferPointer<Int>, partial: inout ClusterPartial?, kernel: Kernel
  ) -> Double {
    precondition(labels.count == rows.count, "\(labels.count) labels for \(rows.count) rows")
    precondition(x.columns == centers.columns && rows.upperBound <= x.rows, "rows \(rows) of a \(x.rows) × \(x.columns) matrix")
    let d = centers.columns
    return x.withStorage { all in
      centers.withStorage { exact in
        transposed.withUnsafeBufferPointer { transposed in
          norms.withUnsafeBufferPointer { norms in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 4 * paddedCount) { scratch in
              var layout = wb_centers(
                centers: exact.baseAddress, transposed: transposed.baseAddress, norms: norms.baseAddress, count: centers.rows,
                padded_count: paddedCount, columns: d, largest_norm: largestNorm)
              let first = all.baseAddress.map { $0 + rows.lowerBound * d }
              guard var chunk = partial else {
                return kernel(first, rows.count, &layout, labels.baseAddress, nil, nil, scratch.baseAddress)
              }
              let total = chunk.sums.withUnsafeMutableBufferPointer { sums in
                chunk.counts.withUnsafeMutableBufferPointer { counts in
                  kernel(first, rows.count, &layout, labels.baseAddress, sums.baseAddress, counts.baseAddress, scratch.baseAddress)
                }
              }
              partial = chunk
              return total
            }
          }
        }
      }
    }
  }

  /// The C signature shared by `wb_assign_nearest` and `wb_assign_nearest_baseline`.
  typealias Kernel = @convention(c) (
    UnsafePointer<Double>?, Int, UnsafePointer<wb_centers>?, UnsafeMutablePointer<Int>?, UnsafeMutablePointer<Double>?,
    UnsafeMutablePointer<Int>?, UnsafeMutablePointer<Double>?
  ) -> Double
}
