import WorkbenchNumerics

/// The check that distances between rows stay finite, before a hierarchical algorithm sums squares of differences.
///
/// With m the largest |value|, no squared difference exceeds (2m)², no squared
/// distance d·(2m)², and no Ward cost rows · d · (2m)² (its weight factor is
/// below the cluster sizes). When that bound is finite, every distance, cost
/// and height computed from the data is finite too; otherwise the fit stops
/// with a fix instead of writing ∞.
enum DistanceRange {
  /// Throws ``FitError/degenerate(_:)`` naming `algorithm` when `x`'s values are large enough to overflow.
  static func check(_ x: Matrix, algorithm: String) throws(FitError) {
    let largest = x.storage.reduce(0) { max($0, abs($1)) }
    let bound = 2 * largest * (2 * largest) * Double(max(x.columns, 1)) * Double(max(x.rows, 1))
    guard bound.isFinite else {
      throw .degenerate(
        "\(algorithm) cannot compare rows with values as large as \(JSONNumber.plain(largest)): their squared distances overflow. "
          + "Fix: scale the features first (a \"standard-scaler\" step)")
    }
  }
}
