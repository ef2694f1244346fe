/// Quantiles of a sample, as numpy computes them by default.
public enum Quantile {
  /// The `q`-quantile of `values`, ignoring NaN, with numpy's default linear interpolation; `nil` when no value is present.
  ///
  /// Matches `numpy.nanquantile(values, q)` (`method="linear"`, Hyndman &
  /// Fan type 7): with the `n` present values sorted, the virtual index is
  /// `h = (n − 1)·q`, and the result interpolates between the values at
  /// `⌊h⌋` and `⌊h⌋ + 1` the way numpy's `_lerp` does (from the upper value
  /// when the fraction is at least ½), so results agree bit for bit.
  ///
  /// `q` must lie in [0, 1] (checked by precondition).
  /// - Complexity: O(n log n) for the sort.
  public static func linear(_ values: [Double], _ q: Double) -> Double? {
    let sorted = values.filter { !$0.isNaN }.sorted()
    guard !sorted.isEmpty else { return nil }
    return linear(sorted: sorted, q)
  }

  /// ``linear(_:_:)`` for values already sorted ascending, without NaN and not empty.
  ///
  /// Where the two neighbours are finite but their difference is not
  /// (values near ∓1.8e308), the halves are interpolated and the result
  /// doubled, both exact, so the quantile stays the finite value between
  /// them instead of numpy's ∞ or NaN.
  /// - Complexity: O(1).
  public static func linear(sorted: [Double], _ q: Double) -> Double {
    precondition(!sorted.isEmpty && q >= 0 && q <= 1, "quantile of an empty sample or q outside [0, 1]")
    let h = Double(sorted.count - 1) * q
    let lower = min(Int(h.rounded(.down)), sorted.count - 1)
    let upper = min(lower + 1, sorted.count - 1)
    let t = h - Double(lower)
    let a = sorted[lower], b = sorted[upper]
    if a.isFinite, b.isFinite, !(b - a).isFinite { return 2 * interpolate(a * 0.5, b * 0.5, t) }
    return interpolate(a, b, t)
  }

  /// numpy's `_lerp(a, b, t)`: from `a` below t = ½, from `b` at and above, so the ends are exact.
  private static func interpolate(_ a: Double, _ b: Double, _ t: Double) -> Double {
    let difference = b - a
    return t >= 0.5 ? b - difference * (1 - t) : a + difference * t
  }
}
