import WorkbenchNumerics

/// The magnitudes of feature values that distances, variances and metrics handle exactly.
///
/// Why: algorithms and metrics square differences and sum them over rows
/// and columns. With every |x| ≤ 1e100, a squared difference is at most
/// 4e200 and a sum of up to 1e100 of them stays finite; with the largest
/// |x| of a column at least 1e-100, squares stay far above the smallest
/// normal double (2.2e-308) instead of underflowing to zero. Outside that
/// band results are silently wrong (values near ±1e300 overflow to ∞ and
/// split into one giant cluster; Iris × 1e-300 collapses into one cluster),
/// so a column outside it is refused with its name and the fix: a scaling
/// step, whose statistics are computed scale-aware (see ``ColumnMoments``).
public enum FeatureMagnitude {
  /// The largest magnitude a feature value may have.
  public static let largest = 1e100
  /// The largest value of a column that is not all zero must be at least this.
  public static let smallest = 1e-100

  /// What is wrong with one column and how to fix it.
  public struct Problem: Sendable, Equatable {
    /// "the column 'income' holds values up to 7.9e+300 in magnitude, …".
    public var message: String
    /// Whether the column holds a non-finite value (missing, ∞, NaN) rather than values of an extreme scale.
    public var isNonFinite: Bool
  }

  /// Why a column (named `name`) whose largest magnitude is `largestSeen` is outside the band, or `nil` when it is inside (or all zero).
  ///
  /// A non-finite `largestSeen` (∞, or NaN standing for a NaN cell) is a problem too.
  public static func problem(largestMagnitude largestSeen: Double, name: String) -> Problem? {
    if !largestSeen.isFinite {
      return Problem(message: "the column '\(name)' holds a value that is not a finite number (missing, ∞ or NaN)", isNonFinite: true)
    }
    if largestSeen > largest {
      return Problem(
        message: "the column '\(name)' holds values up to \(JSONNumber.format(largestSeen)) in magnitude, beyond ±\(JSONNumber.format(largest)), "
          + "where squared distances overflow", isNonFinite: false)
    }
    if largestSeen > 0, largestSeen < smallest {
      return Problem(
        message: "the column '\(name)' holds values no larger than \(JSONNumber.format(largestSeen)) in magnitude, below \(JSONNumber.format(smallest)), "
          + "where squared distances underflow to zero", isNonFinite: false)
    }
    return nil
  }

  /// The first column of `x` outside the band, or `nil` when all are inside.
  ///
  /// - Complexity: O(rows · columns).
  public static func problem(in x: Matrix, names: [String]) -> Problem? {
    let largestSeen = x.largestMagnitudes()
    for c in 0..<x.columns {
      if let problem = problem(largestMagnitude: largestSeen[c], name: c < names.count ? names[c] : "x\(c)") { return problem }
    }
    return nil
  }
}
