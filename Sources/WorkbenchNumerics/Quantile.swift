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
  /// - Complexity: O(n) expected (a selection, see ``linear(_:_:)-([Double],[Double])``).
  public static func linear(_ values: [Double], _ q: Double) -> Double? {
    linear(values, [q])?[0]
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
    let (lower, upper, t) = neighbours(count: sorted.count, q)
    return interpolate(sorted[lower], sorted[upper], t)
  }

  /// Several quantiles of `values`, ignoring NaN, each equal to ``linear(_:_:)``'s; `nil` when no value is present.
  ///
  /// Why: a box plot of a million values needs five order statistics, not
  /// a sort. The needed ranks are selected together (``Selection``; from a
  /// bracketing sample when there are many values, ``SampledSelection``),
  /// so the values at those ranks are exactly the sorted array's.
  /// - Complexity: O(n log qs.count) expected, O(n log n) at worst.
  public static func linear(_ values: [Double], _ qs: [Double]) -> [Double]? {
    var present = values.filter { !$0.isNaN }
    return linear(reordering: &present, qs)
  }

  /// ``linear(_:_:)-(_,[Double])`` of `values`, which hold no NaN, reordered in place instead of copied (the order
  /// left is unspecified); `nil` when empty.
  public static func linear(reordering present: inout [Double], _ qs: [Double]) -> [Double]? {
    precondition(!present.contains { $0.isNaN }, "NaN among the values")
    guard !present.isEmpty else { return nil }
    precondition(qs.allSatisfy { $0 >= 0 && $0 <= 1 }, "q outside [0, 1]")
    let n = present.count
    let places = qs.map { neighbours(count: n, $0) }
    let ranks = Set(places.flatMap { [$0.lower, $0.upper] }).sorted()
    if let values = SampledSelection.values(at: ranks, of: present) {
      let valueAt = Dictionary(uniqueKeysWithValues: zip(ranks, values))
      return places.map { interpolate(valueAt[$0.lower]!, valueAt[$0.upper]!, $0.t) }
    }
    Selection.select(&present, range: 0..<n, ranks: ranks[...])
    return places.map { interpolate(present[$0.lower], present[$0.upper], $0.t) }
  }

  /// numpy's virtual index for `q` among `count` sorted values: the two ranks around it and the fraction between them.
  private static func neighbours(count: Int, _ q: Double) -> (lower: Int, upper: Int, t: Double) {
    let h = Double(count - 1) * q
    let lower = min(Int(h.rounded(.down)), count - 1)
    return (lower, min(lower + 1, count - 1), h - Double(lower))
  }

  /// numpy's `_lerp(a, b, t)` (from `a` below t = ½, from `b` at and above, so the ends are exact), done on the halves
  /// when `b − a` overflows.
  private static func interpolate(_ a: Double, _ b: Double, _ t: Double) -> Double {
    if a.isFinite, b.isFinite, !(b - a).isFinite { return 2 * interpolate(a * 0.5, b * 0.5, t) }
    let difference = b - a
    return t >= 0.5 ? b - difference * (1 - t) : a + difference * t
  }
}
