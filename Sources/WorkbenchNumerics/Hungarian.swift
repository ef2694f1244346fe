/// Optimal one-to-one matching of rows to columns (the assignment problem).
public enum Hungarian {
  /// For each row of `weights`, the column it is matched to (or nil), maximising the total weight.
  ///
  /// Rectangular inputs are padded with zero weights; rows matched to
  /// padding get nil. Among optimal matchings the result is deterministic
  /// (it depends only on the weights and their order).
  /// - Complexity: O(n³) with n = max(rows, columns) (Kuhn–Munkres with potentials).
  public static func maximumWeightMatching(_ weights: [[Double]]) -> [Int?] {
    let rows = weights.count
    let columns = weights.first?.count ?? 0
    let n = max(rows, columns)
    guard n > 0 else { return [] }
    let largest = weights.flatMap { $0 }.max() ?? 0
    // Minimise cost = largest − weight on an n × n matrix (padding costs `largest`, i.e. weight 0).
    func cost(_ i: Int, _ j: Int) -> Double { i < rows && j < columns ? largest - weights[i][j] : largest }
    var u = [Double](repeating: 0, count: n + 1), v = [Double](repeating: 0, count: n + 1)
    var match = [Int](repeating: 0, count: n + 1)  // match[j] = row (1-based) assigned to column j
    var way = [Int](repeating: 0, count: n + 1)
    for i in 1...n {
      match[0] = i
      var j0 = 0
      var minimum = [Double](repeating: .infinity, count: n + 1)
      var used = [Bool](repeating: false, count: n + 1)
      repeat {
        used[j0] = true
        let i0 = match[j0]
        var delta = Double.infinity
        var j1 = 0
        for j in 1...n where !used[j] {
          let reduced = cost(i0 - 1, j - 1) - u[i0] - v[j]
          if reduced < minimum[j] {
            minimum[j] = reduced
            way[j] = j0
          }
          if minimum[j] < delta {
            delta = minimum[j]
            j1 = j
          }
        }
        for j in 0...n {
          if used[j] {
            u[match[j]] += delta
            v[j] -= delta
          } else {
            minimum[j] -= delta
          }
        }
        j0 = j1
      } while match[j0] != 0
      repeat {
        let j1 = way[j0]
        match[j0] = match[j1]
        j0 = j1
      } while j0 != 0
    }
    var result = [Int?](repeating: nil, count: rows)
    for j in 1...n where match[j] >= 1 && match[j] <= rows && j <= columns { result[match[j] - 1] = j - 1 }
    return result
  }
}
