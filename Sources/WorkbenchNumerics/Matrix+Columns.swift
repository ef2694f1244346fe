extension Matrix {
  /// The row-major matrix whose columns are `columns` (each of `rows` values), and whether every value is finite.
  ///
  /// Filled 512 rows at a time across all columns, so each cache line of the
  /// matrix is written once; finiteness is checked in the same pass.
  /// - Complexity: O(rows · columns).
  public static func fromColumns(_ columns: [[Double]], rows: Int) -> (matrix: Matrix, allFinite: Bool) {
    precondition(columns.allSatisfy { $0.count == rows }, "every column needs \(rows) values")
    let width = columns.count
    var finite = true
    let storage = [Double](unsafeUninitializedCapacity: rows * width) { buffer, initialized in
      let blockRows = 512
      for first in stride(from: 0, to: rows, by: blockRows) {
        let last = min(first + blockRows, rows)
        for (c, column) in columns.enumerated() {
          column.withUnsafeBufferPointer { values in
            for r in first..<last {
              let v = values[r]
              finite = finite && v.isFinite
              buffer[r * width + c] = v
            }
          }
        }
      }
      initialized = rows * width
    }
    return (Matrix(rows: rows, columns: width, storage: storage), finite)
  }
}
