import WorkbenchKernels

/// Centers laid out for the assignment kernel (`wb_assign_nearest`, documented in WorkbenchKernels.h):
/// a transposed copy padded to whole vectors and the squared norms it ranks with.
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
    largestNorm = norms.prefix(k).allSatisfy(\.isFinite) ? norms.prefix(k).max() ?? 0 : .infinity
  }

  /// Labels `rows` of `x` (whose squared norms are `rowNorms`) into `labels` (one entry per row of the range);
  /// returns their objective as the kernel defines it: the exact inertia of these rows when `exactly`.
  ///
  /// When `partial` is given, it receives the per-center sums (rows added in
  /// row order) and counts of these rows, exactly as
  /// ``Matrix/clusterSums(labels:into:counts:)`` computes one chunk.
  func assign(
    _ x: Matrix, rowNorms: [Double], rows: Range<Int>, labels: UnsafeMutableBufferPointer<Int>, partial: inout ClusterPartial?,
    exactly: Bool, kernel: Kernel = wb_assign_nearest
  ) -> Double {
    precondition(labels.count == rows.count, "\(labels.count) labels for \(rows.count) rows")
    precondition(x.columns == centers.columns && rows.upperBound <= x.rows, "rows \(rows) of a \(x.rows) × \(x.columns) matrix")
    precondition(rowNorms.count == x.rows, "\(rowNorms.count) norms for \(x.rows) rows")
    let d = centers.columns
    return rowNorms.withUnsafeBufferPointer { rowNorms in x.withStorage { all in
      centers.withStorage { exact in
        transposed.withUnsafeBufferPointer { transposed in
          norms.withUnsafeBufferPointer { norms in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 4 * (paddedCount + centers.columns + 1)) { scratch in
              var layout = wb_centers(
                centers: exact.baseAddress, transposed: transposed.baseAddress, norms: norms.baseAddress, count: centers.rows,
                padded_count: paddedCount, columns: d, largest_norm: largestNorm)
              let first = all.baseAddress.map { $0 + rows.lowerBound * d }
              let norms = rowNorms.baseAddress.map { $0 + rows.lowerBound }
              guard var chunk = partial else {
                return kernel(first, norms, rows.count, &layout, labels.baseAddress, nil, nil, exactly ? 1 : 0, scratch.baseAddress)
              }
              let total = chunk.sums.withUnsafeMutableBufferPointer { sums in
                chunk.counts.withUnsafeMutableBufferPointer { counts in
                  kernel(
                    first, norms, rows.count, &layout, labels.baseAddress, sums.baseAddress, counts.baseAddress, exactly ? 1 : 0,
                    scratch.baseAddress)
                }
              }
              partial = chunk
              return total
            }
          }
        }
      }
    } }
  }

  /// The C signature shared by `wb_assign_nearest` and `wb_assign_nearest_baseline`.
  typealias Kernel = @convention(c) (
    UnsafePointer<Double>?, UnsafePointer<Double>?, Int, UnsafePointer<wb_centers>?, UnsafeMutablePointer<Int>?, UnsafeMutablePointer<Double>?,
    UnsafeMutablePointer<Int>?, Int32, UnsafeMutablePointer<Double>?
  ) -> Double
}
