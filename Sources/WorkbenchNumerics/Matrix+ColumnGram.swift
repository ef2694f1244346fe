extension Matrix {
  /// Output rows per parallel chunk of ``columnGram()``.
  static let gramChunkColumns = 32

  /// AᵀA for this matrix A: the `columns` × `columns` sums, over the rows, of the products of every two columns.
  ///
  /// Why: a covariance of centred rows (or, on the transposed rows, their
  /// Gram matrix) without partial matrices per chunk of rows, which would
  /// cost columns² memory each. The output rows are shared out over the
  /// cores in chunks of ``gramChunkColumns``; each entry is one sum in row
  /// order, so the result is the same bits on any thread count. Only the
  /// lower triangle is summed, then mirrored.
  /// - Complexity: O(rows · columns²) / 2 spread over the cores; O(columns²) memory.
  public func columnGram() -> Matrix {
    let (n, p, size) = (rows, columns, Self.gramChunkColumns)
    let chunks = Parallel.map(count: Parallel.chunkCount(p, size: size)) { chunk in
      let range = Parallel.chunkRange(chunk, size: size, total: p)
      var sums = [Double](repeating: 0, count: range.count * p)
      withStorage { x in
        sums.withUnsafeMutableBufferPointer { sums in
          for r in 0..<n {
            let row = r * p
            for a in range {
              let value = x[row + a], out = (a - range.lowerBound) * p
              for b in 0...a { sums[out + b] += value * x[row + b] }
            }
          }
        }
      }
      return sums
    }
    var gram = Matrix(rows: p, columns: p)
    for (chunk, sums) in chunks.enumerated() {
      for (i, a) in Parallel.chunkRange(chunk, size: size, total: p).enumerated() {
        for b in 0...a { (gram[a, b], gram[b, a]) = (sums[i * p + b], sums[i * p + b]) }
      }
    }
    return gram
  }
}
