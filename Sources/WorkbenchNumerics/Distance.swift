/// Distances between rows, the kernels every centroid algorithm and metric is built on.
///
/// Sums run over a fixed four-lane SIMD accumulator, lane `l` holding
/// elements `l, l + 4, l + 8, …`, followed by a scalar tail, and the lanes are
/// added in lane order. The order of floating-point additions is therefore
/// ours and not the optimiser's: a result is bit-identical on every build.
/// Products and sums are rounded separately (`acc += d * d`, not the fused
/// `addProduct`): on baseline x86-64 the fused form becomes a library call
/// per lane, and separate rounding gives the same bits on every platform.
public enum Distance {
  /// The squared Euclidean distance Σ (aᵢ − bᵢ)² between two vectors of equal length.
  ///
  /// Domain: finite values; equal counts (checked). Empty vectors are at distance 0.
  /// - Complexity: O(`a.count`).
  public static func squaredEuclidean(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count, "vectors of unequal length \(a.count) and \(b.count)")
    return a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in squaredEuclidean(pa, pb) } }
  }

  /// The squared Euclidean distance between row `i` of `x` and row `j` of `y`.
  ///
  /// Domain: `x.columns == y.columns` (checked), rows in range (checked).
  /// - Complexity: O(`x.columns`).
  public static func squaredEuclidean(_ x: Matrix, row i: Int, _ y: Matrix, row j: Int) -> Double {
    onRows(x, row: i, y, row: j, squaredEuclidean)
  }

  /// `kernel` applied to row `i` of `x` and row `j` of `y`: the row access every row-pair distance shares.
  ///
  /// Domain: `x.columns == y.columns` (checked), rows in range (checked).
  /// - Complexity: O(1) plus the kernel's.
  @inline(__always)
  static func onRows(
    _ x: Matrix, row i: Int, _ y: Matrix, row j: Int,
    _ kernel: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>) -> Double
  ) -> Double {
    precondition(x.columns == y.columns, "matrices of \(x.columns) and \(y.columns) columns")
    return x.withRow(i) { a in y.withRow(j) { b in kernel(a, b) } }
  }

  /// The kernel: Σ (aᵢ − bᵢ)² over `a.count` elements, in the fixed lane order described on ``Distance``.
  static func squaredEuclidean(_ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>) -> Double {
    let n = a.count
    assert(b.count == n, "buffers of unequal length")
    var acc = SIMD4<Double>()
    var i = 0
    while i + 4 <= n {
      let d = SIMD4(a[i], a[i + 1], a[i + 2], a[i + 3]) - SIMD4(b[i], b[i + 1], b[i + 2], b[i + 3])
      acc += d * d
      i += 4
    }
    var tail = 0.0
    while i < n {
      let d = a[i] - b[i]
      tail += d * d
      i += 1
    }
    return ((acc[0] + acc[1]) + (acc[2] + acc[3])) + tail
  }
}
