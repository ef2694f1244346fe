import WorkbenchNumerics

/// Squared Euclidean distances written out term by term, as the definition states them.
///
/// The k-means tests compare the fitted inertia and assignments against these
/// instead of the project's `Distance` kernels, so a wrong kernel cannot also
/// produce the expected value. Sums run left to right over the columns; the
/// kernels block and vectorise, so the tests allow a relative 1e-12.
enum NaiveSquaredDistances {
  /// Σ_j (x[row, j] − centers[center, j])².
  static func between(_ x: Matrix, row: Int, _ centers: Matrix, center: Int) -> Double {
    var total = 0.0
    for j in 0..<x.columns {
      let d = x[row, j] - centers[center, j]
      total += d * d
    }
    return total
  }

  /// The inertia of a labelling: Σ_rows the squared distance to the row's center.
  static func inertia(_ x: Matrix, labels: [Int], centers: Matrix) -> Double {
    (0..<x.rows).reduce(0.0) { $0 + between(x, row: $1, centers, center: labels[$1]) }
  }

  /// The index of the nearest center (the first on ties).
  static func nearest(_ x: Matrix, row: Int, among centers: Matrix) -> Int {
    var best = 0
    for c in 1..<centers.rows where between(x, row: row, centers, center: c) < between(x, row: row, centers, center: best) { best = c }
    return best
  }
}
