/// A dense, row-major matrix of doubles: the one shape every algorithm and metric consumes.
///
/// Rows are observations (customers), columns are features. Storage is one
/// contiguous array so kernels can stream it; element `(r, c)` lives at
/// `r * columns + c`.
public struct Matrix: Sendable, Equatable {
  /// Number of rows (observations).
  public let rows: Int
  /// Number of columns (features).
  public let columns: Int
  /// Row-major values; `count == rows * columns`.
  public var storage: [Double] { _storage }
  @usableFromInline var _storage: [Double]

  /// Wraps row-major `storage`; its count must be `rows * columns`.
  public init(rows: Int, columns: Int, storage: [Double]) {
    precondition(rows >= 0 && columns >= 0, "negative matrix shape")
    precondition(storage.count == rows * columns, "storage does not match \(rows) × \(columns)")
    self.rows = rows
    self.columns = columns
    self._storage = storage
  }

  /// A `rows × columns` matrix filled with `value`.
  public init(rows: Int, columns: Int, repeating value: Double = 0) {
    self.init(rows: rows, columns: columns, storage: Array(repeating: value, count: rows * columns))
  }

  /// Builds a matrix from rows of equal length.
  public init(_ rowArrays: [[Double]]) {
    let columns = rowArrays.first?.count ?? 0
    precondition(rowArrays.allSatisfy { $0.count == columns }, "rows of unequal length")
    self.init(rows: rowArrays.count, columns: columns, storage: rowArrays.flatMap { $0 })
  }

  /// The element at row `r`, column `c`.
  @inlinable
  public subscript(r: Int, c: Int) -> Double {
    get { _storage[r * columns + c] }
    set { _storage[r * columns + c] = newValue }
  }

  /// Row `r` as a slice of the storage (indices are storage offsets).
  public func row(_ r: Int) -> ArraySlice<Double> {
    precondition(r >= 0 && r < rows, "row \(r) out of 0..<\(rows)")
    return storage[(r * columns)..<((r + 1) * columns)]
  }

  /// Row `r` as a fresh array, for code that wants zero-based indices.
  public func rowArray(_ r: Int) -> [Double] { Array(row(r)) }

  /// The rows at `indices`, in that order (used for resamples and subsets).
  public func selecting(rows indices: [Int]) -> Matrix {
    var out = [Double]()
    out.reserveCapacity(indices.count * columns)
    for r in indices { out.append(contentsOf: row(r)) }
    return Matrix(rows: indices.count, columns: columns, storage: out)
  }

  /// Column `c` as an array.
  public func column(_ c: Int) -> [Double] {
    precondition(c >= 0 && c < columns, "column \(c) out of 0..<\(columns)")
    return (0..<rows).map { storage[$0 * columns + c] }
  }

  /// Calls `body` with row `r` as a zero-based buffer; the buffer must not escape.
  @inlinable
  func withRow<R>(_ r: Int, _ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
    precondition(r >= 0 && r < rows, "row out of range")
    return try _storage.withUnsafeBufferPointer { all in
      try body(UnsafeBufferPointer(rebasing: all[(r * columns)..<((r + 1) * columns)]))
    }
  }

  /// Calls `body` with the whole row-major storage; the buffer must not escape.
  @inlinable
  func withStorage<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
    try _storage.withUnsafeBufferPointer(body)
  }

  /// Calls `body` with mutable row-major storage; the buffer must not escape.
  @inlinable
  mutating func withMutableStorage<R>(_ body: (inout UnsafeMutableBufferPointer<Double>) throws -> R) rethrows -> R {
    try _storage.withUnsafeMutableBufferPointer(body)
  }
}
