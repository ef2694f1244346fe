extension Matrix {
  /// The row-major matrix whose columns are `columns` (each of `rows` values), and whether every value is finite.
  ///
  /// Filled in parallel chunks of rows, each 512 rows at a time across all
  /// columns, so each cache line of the matrix is written once; finiteness
  /// is checked in the same pass.
  /// - Complexity: O(rows · columns).
  public static func fromColumns(_ columns: [[Double]], rows: Int) -> (matrix: Matrix, allFinite: Bool) {
    precondition(columns.allSatisfy { $0.count == rows }, "every column needs \(rows) values")
    let width = columns.count
    let chunkRows = 16_384
    var finite = true
    let storage = [Double](unsafeUninitializedCapacity: rows * width) { buffer, initialized in
      HugePages.advise(buffer)
      let target = DisjointWrites(buffer)
      let finiteChunks = Parallel.map(count: Parallel.chunkCount(rows, size: chunkRows)) { chunk in
        var finite = true
        let chunkRange = Parallel.chunkRange(chunk, size: chunkRows, total: rows)
        for first in stride(from: chunkRange.lowerBound, to: chunkRange.upperBound, by: 512) {
          let last = min(first + 512, chunkRange.upperBound)
          for (c, column) in columns.enumerated() {
            column.withUnsafeBufferPointer { values in
              for r in first..<last {
                let v = values[r]
                finite = finite && v.isFinite
                target.store(v, at: r * width + c)
              }
            }
          }
        }
        return finite
      }
      finite = !finiteChunks.contains(false)
      initialized = rows * width
    }
    return (Matrix(rows: rows, columns: width, storage: storage), finite)
  }
}
