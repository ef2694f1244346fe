/// Rows prepared for radius and nearest-neighbour questions: built once, then queried with any points.
///
/// Why: density and hierarchical clustering ask, for every row, which rows
/// lie within a radius or which are nearest. Asking naively costs rows²
/// distances and, as scikit-learn's DBSCAN does, may keep every
/// neighbourhood in memory at once (10 GB at 100,000 rows). An index
/// answers each question from a kd-tree (``KDTree``) in about
/// O(log rows + answer) and the batched queries stream their answers chunk
/// by chunk, so memory stays O(rows).
///
/// **Tree or blocks.** A kd-tree prunes only while the rows outnumber the
/// cells its boxes can separate, about 2^columns; beyond that every query
/// visits most leaves and the box tests are wasted work. The rule
/// (``usesTree(rows:columns:)``): a tree when `columns ≤ log2(rows) + 4`
/// and there are more rows than one leaf holds; otherwise one leaf holding
/// every row, so each query scans all rows in memory order (brute force in
/// blocks). Answers are identical either way.
///
/// **Determinism.** Batched queries cut their query rows into chunks of
/// ``chunkRows`` (a constant), run the chunks concurrently with
/// ``Parallel/map(count:_:)`` and return results in query order; every
/// per-query answer is a function of the data alone. Neighbours at equal
/// distance are ordered by row index (nearest-neighbour lists keep the
/// lowest indices), so no result depends on the thread count.
///
/// **Distances.** Euclidean comparisons use squared distances summed in the
/// fixed lane order of ``Distance``; a radius query includes distances equal
/// to the radius (d² ≤ r², as scikit-learn's trees compare). Manhattan sums
/// absolute differences; cosine works on unit rows (``NeighborMetric``).
public struct NeighborIndex: Sendable {
  /// The metric of every question.
  public let metric: NeighborMetric
  /// Whether the rows sit in a kd-tree (`false`: one block, brute force).
  public let usesTree: Bool
  let tree: KDTree

  /// Rows per chunk of a batched query.
  public static let chunkRows = 512
  /// Rows per kd-tree leaf.
  public static let leafSize = 32

  /// Indexes the rows of `points` for `metric`.
  ///
  /// Domain: finite values (checked by callers); for cosine, no all-zero row
  /// (``firstZeroRow(_:)``), which would otherwise sit at cosine distance ½ from every unit row.
  /// - Complexity: O(rows · columns · log rows) time; the rows are copied once (O(rows · columns) memory).
  public init(_ points: Matrix, metric: NeighborMetric) {
    self.metric = metric
    usesTree = NeighborIndex.usesTree(rows: points.rows, columns: points.columns)
    let storage = metric == .cosine ? NeighborIndex.unitRows(points).storage : points.storage
    tree = KDTree(
      storage: storage, count: points.rows, columns: points.columns, leafSize: usesTree ? NeighborIndex.leafSize : max(points.rows, 1))
  }

  /// Number of indexed rows.
  public var count: Int { tree.count }
  /// Number of coordinates per row.
  public var columns: Int { tree.columns }

  /// Whether rows of this shape are searched with a kd-tree (see the rule on ``NeighborIndex``).
  public static func usesTree(rows: Int, columns: Int) -> Bool {
    guard rows > leafSize else { return false }
    var log2Rows = 0
    while (1 << (log2Rows + 1)) <= rows { log2Rows += 1 }
    return columns <= log2Rows + 4
  }

  /// The first row of `x` whose values are all zero (it has no cosine direction), if any.
  public static func firstZeroRow(_ x: Matrix) -> Int? {
    (0..<x.rows).first { r in x.row(r).allSatisfy { $0 == 0 } }
  }

  /// `x` with every non-zero row divided by its Euclidean norm (`sklearn.preprocessing.normalize`).
  static func unitRows(_ x: Matrix) -> Matrix {
    var out = x
    let d = x.columns
    out.withMutableStorage { values in
      for r in 0..<x.rows {
        var norm = 0.0
        for j in (r * d)..<((r + 1) * d) { norm += values[j] * values[j] }
        norm = norm.squareRoot()
        guard norm > 0 else { continue }
        for j in (r * d)..<((r + 1) * d) { values[j] /= norm }
      }
    }
    return out
  }

  /// Calls `body` with the tree's view and the query rows in the tree's geometry (unit rows for cosine).
  func withQueries<R>(_ queries: Matrix, _ body: (KDTree.View, QueryRows) throws -> R) rethrows -> R {
    precondition(queries.columns == columns, "queries have \(queries.columns) columns, the index \(columns)")
    let prepared = metric == .cosine ? NeighborIndex.unitRows(queries) : queries
    return try tree.withView(metric: metric) { view in
      try prepared.withStorage { storage in try body(view, QueryRows(storage: storage, columns: columns)) }
    }
  }

  /// Query rows as buffers, shared by the chunks of one batched query.
  struct QueryRows: @unchecked Sendable {
    let storage: UnsafeBufferPointer<Double>
    let columns: Int

    var count: Int { columns == 0 ? 0 : storage.count / columns }

    @inline(__always)
    func row(_ i: Int) -> UnsafeBufferPointer<Double> {
      UnsafeBufferPointer(rebasing: storage[(i * columns)..<((i + 1) * columns)])
    }
  }

  /// Runs `body` on fixed chunks of `total` queries concurrently and returns the chunks' results in order.
  static func chunked<T: Sendable>(_ total: Int, _ body: @Sendable (Range<Int>) -> T) -> [T] {
    Parallel.map(count: Parallel.chunkCount(total, size: chunkRows)) { chunk in
      body(Parallel.chunkRange(chunk, size: chunkRows, total: total))
    }
  }

  /// A reduced radius widened by a relative margin, so box tests never exclude a row whose own distance is within it.
  @inline(__always)
  static func outerBound(_ reduced: Double) -> Double { reduced * (1 + 1e-12) + Double.leastNormalMagnitude }

  /// A reduced radius narrowed by a relative margin, so box tests never include a row whose own distance exceeds it.
  @inline(__always)
  static func innerBound(_ reduced: Double) -> Double { reduced * (1 - 1e-12) }
}
