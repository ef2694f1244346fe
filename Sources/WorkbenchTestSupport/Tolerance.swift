/// Approximate comparison of floating-point results with a stated tolerance.
///
/// Tests compare computed floats through these helpers, never with `==`
/// (STYLE part 3, #13). Two values are close when
/// `|observed − expected| ≤ relative · max(|observed|, |expected|, floor)`;
/// `floor` (default 1) turns the relative test into an absolute one near zero,
/// where a relative error means nothing.
public enum Tolerance {
  /// The relative error of `observed` against `expected`, scaled by `max(|observed|, |expected|, floor)`.
  public static func relativeError(_ observed: Double, _ expected: Double, floor: Double = 1) -> Double {
    if observed == expected { return 0 }
    let scale = max(abs(observed), abs(expected), floor)
    return abs(observed - expected) / scale
  }

  /// Whether `observed` is within `relative` of `expected` (see ``Tolerance``); NaN is never close.
  public static func isClose(_ observed: Double, _ expected: Double, relative: Double, floor: Double = 1) -> Bool {
    relativeError(observed, expected, floor: floor) <= relative
  }

  /// Whether two equally long arrays are element-wise close.
  public static func isClose(_ observed: [Double], _ expected: [Double], relative: Double, floor: Double = 1) -> Bool {
    observed.count == expected.count
      && zip(observed, expected).allSatisfy { isClose($0, $1, relative: relative, floor: floor) }
  }

  /// The largest element-wise relative error, or infinity when the counts differ.
  public static func maximumRelativeError(_ observed: [Double], _ expected: [Double], floor: Double = 1) -> Double {
    guard observed.count == expected.count else { return .infinity }
    return zip(observed, expected).reduce(0) { max($0, relativeError($1.0, $1.1, floor: floor)) }
  }
}
