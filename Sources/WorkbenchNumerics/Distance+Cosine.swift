extension Distance {
  /// The cosine distance 1 − a·b / (‖a‖ ‖b‖) between row `i` of `x` and row `j` of `y`, clipped to [0, 2].
  ///
  /// Matches `sklearn.metrics.pairwise.cosine_distances` for distinct rows,
  /// including its convention for a zero vector: its similarity to anything
  /// is 0, so its distance is 1. The three sums (a·b, ‖a‖², ‖b‖²) run in the
  /// fixed lane order described on ``Distance``. Callers that need d(i, i) = 0
  /// for a zero row (as scikit-learn sets the diagonal) handle `i == j` themselves.
  /// Domain: finite values; `x.columns == y.columns` and rows in range (checked).
  /// - Complexity: O(`x.columns`).
  public static func cosine(_ x: Matrix, row i: Int, _ y: Matrix, row j: Int) -> Double {
    onRows(x, row: i, y, row: j, cosine)
  }

  /// The kernel behind ``cosine(_:row:_:row:)``.
  static func cosine(_ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>) -> Double {
    let n = a.count
    assert(b.count == n, "buffers of unequal length")
    var dot = SIMD4<Double>(), aa = SIMD4<Double>(), bb = SIMD4<Double>()
    var i = 0
    while i + 4 <= n {
      let u = SIMD4(a[i], a[i + 1], a[i + 2], a[i + 3])
      let v = SIMD4(b[i], b[i + 1], b[i + 2], b[i + 3])
      dot += u * v
      aa += u * u
      bb += v * v
      i += 4
    }
    var dotTail = 0.0, aaTail = 0.0, bbTail = 0.0
    while i < n {
      dotTail += a[i] * b[i]
      aaTail += a[i] * a[i]
      bbTail += b[i] * b[i]
      i += 1
    }
    func total(_ s: SIMD4<Double>, _ tail: Double) -> Double { ((s[0] + s[1]) + (s[2] + s[3])) + tail }
    let normA = total(aa, aaTail).squareRoot()
    let normB = total(bb, bbTail).squareRoot()
    guard normA > 0, normB > 0 else { return 1 }
    return min(max(1 - total(dot, dotTail) / (normA * normB), 0), 2)
  }
}
