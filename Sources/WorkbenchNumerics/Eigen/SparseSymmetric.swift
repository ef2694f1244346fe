/// A symmetric sparse matrix in compressed rows, for eigenvalue problems on graphs (a k-nearest-neighbour affinity).
///
/// Every stored entry is kept in both its rows (the caller passes each row's
/// entries); products run over fixed chunks of rows, so they never depend on
/// the thread count.
public struct SparseSymmetric: Sendable {
  /// Rows (and columns).
  public let count: Int
  /// Where each row's entries start in ``columns`` and ``values``; `count + 1` offsets.
  let rowStarts: [Int]
  /// Column of each entry, increasing within a row.
  let columns: [Int]
  /// Value of each entry.
  let values: [Double]

  /// Rows per parallel chunk of a product.
  static let chunkRows = 256

  /// The matrix whose row `i` holds `rows[i]` (columns in `0..<rows.count`, each at most once, in any order).
  ///
  /// Symmetry is the caller's promise (a graph's edges listed from both ends); it is checked in debug builds.
  public init(rows: [[(column: Int, value: Double)]]) {
    count = rows.count
    var starts = [0]
    var columns: [Int] = []
    var values: [Double] = []
    for row in rows {
      for entry in row.sorted(by: { $0.column < $1.column }) {
        precondition(entry.column >= 0 && entry.column < rows.count, "column \(entry.column) out of 0..<\(rows.count)")
        columns.append(entry.column)
        values.append(entry.value)
      }
      starts.append(columns.count)
    }
    rowStarts = starts
    self.columns = columns
    self.values = values
    assert(isSymmetric, "a SparseSymmetric built from entries that are not symmetric")
  }

  /// Whether every entry (i, j) has its mirror (j, i) with the same value.
  var isSymmetric: Bool {
    (0..<count).allSatisfy { i in
      (rowStarts[i]..<rowStarts[i + 1]).allSatisfy { e in self[columns[e], i] == values[e] }
    }
  }

  /// The entry at (`i`, `j`), 0 when none is stored.
  public subscript(i: Int, j: Int) -> Double {
    let range = rowStarts[i]..<rowStarts[i + 1]
    guard let e = range.first(where: { columns[$0] == j }) else { return 0 }
    return values[e]
  }

  /// The dense form (for small problems and tests).
  public var dense: Matrix {
    var m = Matrix(rows: count, columns: count)
    for i in 0..<count { for e in rowStarts[i]..<rowStarts[i + 1] { m[i, columns[e]] = values[e] } }
    return m
  }

  /// This matrix times the block `x` (`count` × b): each output row sums its entries in column order.
  /// - Complexity: O(entries · b), rows in fixed chunks over the cores.
  public func multiply(_ x: Matrix) -> Matrix {
    precondition(x.rows == count, "a block of \(x.rows) rows for a \(count) × \(count) matrix")
    let b = x.columns
    let chunks = Parallel.map(count: Parallel.chunkCount(count, size: Self.chunkRows)) { chunk in
      var out: [Double] = []
      out.reserveCapacity(Parallel.chunkRange(chunk, size: Self.chunkRows, total: count).count * b)
      for i in Parallel.chunkRange(chunk, size: Self.chunkRows, total: count) {
        var row = Array(repeating: 0.0, count: b)
        for e in rowStarts[i]..<rowStarts[i + 1] {
          let (value, j) = (values[e], columns[e])
          for c in 0..<b { row[c] += value * x[j, c] }
        }
        out.append(contentsOf: row)
      }
      return out
    }
    return Matrix(rows: count, columns: b, storage: chunks.flatMap { $0 })
  }
}
