/// A BIRCH clustering feature: the count, linear sum and sum of squared norms of a group of rows (scikit-learn's `_CFSubcluster`).
///
/// The centroid and its squared norm are kept beside the sums and recomputed
/// with scikit-learn's formulas, so a tree built from the same rows in the
/// same order makes the same decisions: ``absorb(_:)`` (a parent following its
/// child) divides the linear sum by the count, while ``merge(_:threshold:)``
/// (a row joining a leaf entry) multiplies it by 1/count, as scikit-learn does.
/// A non-leaf entry points at the node below it.
struct ClusteringFeature: Sendable {
  /// Rows summarised.
  var count: Int
  /// Σ x over the rows.
  var linearSum: [Double]
  /// Σ ‖x‖² over the rows.
  var squaredSum: Double
  /// The mean row.
  var centroid: [Double]
  /// ‖centroid‖².
  var squaredNorm: Double
  /// The node below a non-leaf entry (an index into ``CFTree/nodes``).
  var child: Int?

  /// The feature of one row.
  init(row: [Double]) {
    count = 1
    linearSum = row
    centroid = row
    squaredSum = Self.dot(row, row)
    squaredNorm = squaredSum
  }

  /// The feature of no rows, to be filled by ``absorb(_:)``, above `child`.
  init(columns: Int, child: Int) {
    count = 0
    linearSum = Array(repeating: 0, count: columns)
    centroid = linearSum
    squaredSum = 0
    squaredNorm = 0
    self.child = child
  }

  /// a·b, added in index order.
  static func dot(_ a: [Double], _ b: [Double]) -> Double {
    var sum = 0.0
    for j in a.indices { sum += a[j] * b[j] }
    return sum
  }

  /// Adds `other`'s rows: sums add up, the centroid is the linear sum / count (scikit-learn's `update`).
  mutating func absorb(_ other: ClusteringFeature) {
    count += other.count
    for j in linearSum.indices { linearSum[j] += other.linearSum[j] }
    squaredSum += other.squaredSum
    let n = Double(count)
    centroid = linearSum.map { $0 / n }
    squaredNorm = Self.dot(centroid, centroid)
  }

  /// Adds `other`'s rows if the merged feature's radius stays within `threshold`; returns whether it did.
  ///
  /// The squared radius Σ‖x − c‖² / n is computed as Σ‖x‖² / n − ‖c‖², with
  /// c = (1/n) · Σx, and compared with threshold² (scikit-learn's `merge_subcluster`).
  mutating func merge(_ other: ClusteringFeature, threshold: Double) -> Bool {
    let n = count + other.count
    let sum = zip(linearSum, other.linearSum).map { $0 + $1 }
    let squares = squaredSum + other.squaredSum
    let scale = 1 / Double(n)
    let mean = sum.map { scale * $0 }
    let norm = Self.dot(mean, mean)
    guard squares / Double(n) - norm <= threshold * threshold else { return false }
    (count, linearSum, squaredSum, centroid, squaredNorm) = (n, sum, squares, mean, norm)
    return true
  }
}
