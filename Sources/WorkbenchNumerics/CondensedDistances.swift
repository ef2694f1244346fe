/// All pairwise distances between the rows of a matrix, each pair once: scipy's condensed distance matrix.
///
/// The distance between rows i < j lives at `i·n − i(i+1)/2 + (j − i − 1)`,
/// scipy's `condensed_index`, so the values are those of
/// `scipy.spatial.distance.pdist` in the same order (bit for bit for the
/// Euclidean and Manhattan metrics, see ``PointMetric``). Entries can be
/// overwritten, as the Lance–Williams updates of hierarchical clustering do.
/// - Complexity: 8 · n(n − 1)/2 bytes (``byteCount(rows:)``); building it takes O(n² · columns), spread over the cores.
public struct CondensedDistances: Sendable {
  /// Rows of the matrix the distances are between.
  public let count: Int
  private var storage: [Double]

  /// Rows per parallel chunk while building (a constant, so the build never depends on the thread count).
  static let chunkRows = 32

  /// The bytes the distances of `rows` rows take, or `nil` when that does not fit in an `Int`.
  public static func byteCount(rows: Int) -> Int? {
    guard rows > 1 else { return 0 }
    let (pairs, overflow) = rows.multipliedReportingOverflow(by: rows - 1)
    guard !overflow else { return nil }
    let (bytes, overflow2) = (pairs / 2).multipliedReportingOverflow(by: MemoryLayout<Double>.stride)
    return overflow2 ? nil : bytes
  }

  /// The distances between every pair of rows of `x` under `metric`.
  /// - Complexity: O(`x.rows`² · `x.columns`) time spread over the cores; 8 · n(n − 1)/2 bytes.
  public init(_ x: Matrix, metric: PointMetric) {
    let n = x.rows
    count = n
    let total = n > 1 ? n * (n - 1) / 2 : 0
    let points = BlockedPoints(x)
    storage = Array(unsafeUninitializedCapacity: total) { buffer, initialized in
      let target = DisjointWrites(buffer)
      _ = Parallel.map(count: Parallel.chunkCount(n, size: Self.chunkRows)) { chunk in
        for i in Parallel.chunkRange(chunk, size: Self.chunkRows, total: n) where i + 1 < n {
          let start = Self.rowStart(i, count: n)
          x.withRow(i) { query in
            target.withRange(start..<(start + n - 1 - i)) { points.scan(from: query, positions: (i + 1)..<n, metric: metric, into: $0) }
          }
        }
      }
      initialized = total
    }
  }

  /// Index of the first pair (i, i + 1) of row i.
  @inline(__always)
  static func rowStart(_ i: Int, count n: Int) -> Int { i * n - i * (i + 1) / 2 }

  /// The distance between rows `i` and `j` (distinct, in range; checked).
  public subscript(i: Int, j: Int) -> Double {
    get { storage[index(i, j)] }
    set { storage[index(i, j)] = newValue }
  }

  private func index(_ i: Int, _ j: Int) -> Int {
    precondition(i != j && i >= 0 && j >= 0 && i < count && j < count, "no condensed entry (\(i), \(j)) among \(count) rows")
    let (a, b) = i < j ? (i, j) : (j, i)
    return Self.rowStart(a, count: count) + (b - a - 1)
  }
}
