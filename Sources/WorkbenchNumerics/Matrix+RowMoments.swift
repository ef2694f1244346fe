extension Matrix {
  /// Σ of each column over the rows `rows`, summed in chunks of `chunkRows` rows (row order within a chunk) that are
  /// added in chunk order, so the bits do not depend on the thread count.
  /// - Complexity: O(rows.count · columns) spread over the cores.
  public func columnSums(ofRows rows: [Int], chunkRows: Int) -> [Double] {
    let p = columns
    return addedInOrder(width: p, Parallel.map(count: Parallel.chunkCount(rows.count, size: chunkRows)) { chunk in
      var sums = [Double](repeating: 0, count: p)
      withStorage { storage in
        sums.withUnsafeMutableBufferPointer { sums in
          for i in Parallel.chunkRange(chunk, size: chunkRows, total: rows.count) {
            let base = rows[i] * p
            for c in 0..<p { sums[c] += storage[base + c] }
          }
        }
      }
      return sums
    })
  }

  /// Σ over the rows `rows` of (x − `centre`)(x − `centre`)ᵀ, its lower triangle (a ≥ b) at `a · columns + b`
  /// (zeros above), chunked as ``columnSums(ofRows:chunkRows:)``: the scatter matrix a covariance divides.
  /// - Complexity: O(rows.count · columns²) spread over the cores.
  public func centredCrossProducts(ofRows rows: [Int], centre: [Double], chunkRows: Int) -> [Double] {
    let p = columns
    precondition(centre.count == p, "one centre value per column")
    return addedInOrder(width: p * p, Parallel.map(count: Parallel.chunkCount(rows.count, size: chunkRows)) { chunk in
      var products = [Double](repeating: 0, count: p * p)
      var d = [Double](repeating: 0, count: p)
      withStorage { storage in
        products.withUnsafeMutableBufferPointer { m in
          d.withUnsafeMutableBufferPointer { d in
            for i in Parallel.chunkRange(chunk, size: chunkRows, total: rows.count) {
              let base = rows[i] * p
              for c in 0..<p { d[c] = storage[base + c] - centre[c] }
              // Whole rows (the upper triangle too) so the inner loop vectorises; each entry's sum is the same either way.
              for a in 0..<p {
                let da = d[a]
                for b in 0..<p { m[a * p + b] += da * d[b] }
              }
            }
          }
        }
      }
      for a in 0..<p { for b in (a + 1)..<p { products[a * p + b] = 0 } }
      return products
    })
  }

  /// The element-wise sum of `parts`, each of `width` values, added to zero in order.
  private func addedInOrder(width: Int, _ parts: [[Double]]) -> [Double] {
    var total = [Double](repeating: 0, count: width)
    for part in parts { for j in 0..<width { total[j] += part[j] } }
    return total
  }
}

extension Matrix {
  /// Per-group column sums over the rows in row order (`groupOfRow[i]` < 0 leaves row `i` out): one sequential pass,
  /// so each sum is the same bits as a plain loop's, as the metrics that compare against references need.
  /// - Complexity: O(`rows` · `columns`).
  public func groupSumsInRowOrder(groupOfRow: [Int], groups: Int) -> Matrix {
    precondition(groupOfRow.count == rows, "\(groupOfRow.count) groups for \(rows) rows")
    precondition(groupOfRow.allSatisfy { $0 < groups }, "a group beyond \(groups)")
    let d = columns
    var sums = Matrix(rows: groups, columns: d)
    withStorage { x in
      sums.withMutableStorage { sums in
        for i in 0..<rows where groupOfRow[i] >= 0 {
          let base = groupOfRow[i] * d
          for j in 0..<d { sums[base + j] += x[i * d + j] }
        }
      }
    }
    return sums
  }
}
