extension Distance {
  /// The Manhattan (city-block, L1) distance Σ |aᵢ − bᵢ| between row `i` of `x` and row `j` of `y`.
  ///
  /// Matches `scipy.spatial.distance.cityblock` and R's `daisy(metric =
  /// "manhattan")`; summed in the fixed lane order described on ``Distance``.
  /// Domain: finite values; `x.columns == y.columns` and rows in range (checked).
  /// - Complexity: O(`x.columns`).
  public static func manhattan(_ x: Matrix, row i: Int, _ y: Matrix, row j: Int) -> Double {
    onRows(x, row: i, y, row: j, manhattan)
  }

  /// The kernel: Σ |aᵢ − bᵢ| over `a.count` elements, in the fixed lane order described on ``Distance``.
  static func manhattan(_ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>) -> Double {
    let n = a.count
    assert(b.count == n, "buffers of unequal length")
    var acc = SIMD4<Double>()
    var i = 0
    while i + 4 <= n {
      let d = SIMD4(a[i], a[i + 1], a[i + 2], a[i + 3]) - SIMD4(b[i], b[i + 1], b[i + 2], b[i + 3])
      acc += d.replacing(with: -d, where: d .< 0)
      i += 4
    }
    var tail = 0.0
    while i < n {
      tail += abs(a[i] - b[i])
      i += 1
    }
    return ((acc[0] + acc[1]) + (acc[2] + acc[3])) + tail
  }
}
