extension Distance {
  /// The row of `centers` nearest to row `i` of `x`, and its squared Euclidean distance.
  ///
  /// Ties go to the lowest center index, as scikit-learn's `argmin` does, so
  /// label assignment is reproducible. Domain: `centers.rows ≥ 1`, equal
  /// column counts (both checked).
  /// - Complexity: O(`centers.rows` · `x.columns`).
  public static func nearest(_ x: Matrix, row i: Int, among centers: Matrix) -> (index: Int, squaredDistance: Double) {
    precondition(centers.rows >= 1, "no centers")
    precondition(x.columns == centers.columns, "matrices of \(x.columns) and \(centers.columns) columns")
    let d = x.columns
    return x.withRow(i) { point in
      centers.withStorage { all in
        var best = 0
        var bestDistance = Double.infinity
        for c in 0..<centers.rows {
          let distance = squaredEuclidean(point, UnsafeBufferPointer(rebasing: all[(c * d)..<((c + 1) * d)]))
          if distance < bestDistance || c == 0 {
            best = c
            bestDistance = distance
          }
        }
        return (best, bestDistance)
      }
    }
  }

  /// Writes the squared Euclidean distance from row `i` of `x` to every row of `y` into `out`.
  ///
  /// `out` is resized to `y.rows` only when its count differs, so a caller
  /// that reuses one buffer allocates once. Domain: equal column counts (checked).
  /// - Complexity: O(`y.rows` · `x.columns`).
  public static func squaredEuclidean(_ x: Matrix, row i: Int, toEveryRowOf y: Matrix, into out: inout [Double]) {
    precondition(x.columns == y.columns, "matrices of \(x.columns) and \(y.columns) columns")
    if out.count != y.rows { out = Array(repeating: 0, count: y.rows) }
    let d = x.columns
    x.withRow(i) { point in
      y.withStorage { all in
        out.withUnsafeMutableBufferPointer { target in
          for r in 0..<y.rows {
            target[r] = squaredEuclidean(point, UnsafeBufferPointer(rebasing: all[(r * d)..<((r + 1) * d)]))
          }
        }
      }
    }
  }
}
