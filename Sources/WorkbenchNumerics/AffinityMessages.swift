/// The message passing of affinity propagation (Frey & Dueck): responsibilities and availabilities between every pair of rows.
///
/// Follows scikit-learn's `_affinity_propagation` operation for operation, so
/// the same similarities give the same messages to the last bit: each
/// iteration computes the responsibilities
/// r(i,k) ← d·r(i,k) + (1−d)·(s(i,k) − max over k′≠k of (a(i,k′) + s(i,k′))),
/// then the availabilities from the column sums of max(r, 0) (with r(k,k)
/// itself on the diagonal), summed row by row in order as `numpy.sum(axis=0)`:
/// a(i,k) ← d·a(i,k) − (1−d)·max(r⁺(i,k) − colsum(k), 0) for i ≠ k and
/// a(k,k) ← d·a(k,k) − (1−d)·(r(k,k) − colsum(k)). A row is an exemplar
/// while a(k,k) + r(k,k) > 0; the run has converged when, over the last
/// `convergenceIterations` iterations, no row changed its exemplar status and
/// there is at least one exemplar (checked from iteration `convergenceIterations` on).
///
/// Rows are updated in fixed chunks across the cores and column sums are taken
/// over fixed chunks of columns, each summing the rows in order, so the
/// messages never depend on the thread count.
/// - Complexity: O(iterations · rows²) time; three rows × rows matrices (similarities, responsibilities, availabilities).
/// - SeeAlso: Frey & Dueck, "Clustering by passing messages between data points", Science 2007.
public enum AffinityMessages {
  /// How a run ended.
  public struct Outcome: Sendable, Equatable {
    /// Rows that are exemplars after the last iteration (a(k,k) + r(k,k) > 0), in increasing order.
    public var exemplars: [Int]
    /// Iterations run (scikit-learn's `n_iter_`).
    public var iterations: Int
    /// Whether the exemplars stayed the same for `convergenceIterations` iterations before `maxIterations`.
    public var converged: Bool
  }

  /// Rows (or columns) per parallel chunk: a constant, so sums never depend on the thread count.
  static let chunkRows = 32

  /// Runs the message passing on `similarities` (rows × rows, preferences on the diagonal) with damping `damping`.
  ///
  /// `checkpoint` runs before every iteration (for cancellation) and may throw to stop.
  public static func propagate(
    _ similarities: Matrix, damping: Double, maxIterations: Int, convergenceIterations: Int, checkpoint: () throws -> Void
  ) rethrows -> Outcome {
    precondition(similarities.rows == similarities.columns && similarities.rows > 0, "similarities must be square")
    precondition(damping >= 0 && damping < 1 && maxIterations >= 1 && convergenceIterations >= 1, "bad affinity-propagation settings")
    let n = similarities.rows
    var responsibility = Array(repeating: 0.0, count: n * n)
    var availability = Array(repeating: 0.0, count: n * n)
    var history = Array(repeating: Array(repeating: false, count: n), count: convergenceIterations)
    var isExemplar = Array(repeating: false, count: n)
    var iteration = 0
    var converged = false
    while iteration < maxIterations {
      try checkpoint()
      updateResponsibilities(&responsibility, similarities.storage, availability, count: n, damping: damping)
      let sums = positiveColumnSums(responsibility, count: n)
      updateAvailabilities(&availability, responsibility, sums, count: n, damping: damping)
      isExemplar = (0..<n).map { availability[$0 * n + $0] + responsibility[$0 * n + $0] > 0 }
      history[iteration % convergenceIterations] = isExemplar
      if iteration >= convergenceIterations && isExemplar.contains(true)
        && (0..<n).allSatisfy({ i in history.allSatisfy { $0[i] } || history.allSatisfy { !$0[i] } })
      {
        converged = true
        break
      }
      iteration += 1
    }
    return Outcome(exemplars: isExemplar.indices.filter { isExemplar[$0] }, iterations: min(iteration + 1, maxIterations), converged: converged)
  }

  /// r ← d·r + (1−d)·(s − the best a + s of each row elsewhere), row by row.
  static func updateResponsibilities(_ r: inout [Double], _ s: [Double], _ a: [Double], count n: Int, damping: Double) {
    let keep = 1 - damping
    r.withUnsafeMutableBufferPointer { buffer in
      let target = DisjointWrites(buffer)
      _ = Parallel.map(count: Parallel.chunkCount(n, size: chunkRows)) { chunk in
        for i in Parallel.chunkRange(chunk, size: chunkRows, total: n) {
          let row = i * n
          var (best, bestColumn, second) = (-Double.infinity, 0, -Double.infinity)
          for k in 0..<n {
            let value = a[row + k] + s[row + k]
            if value > best {
              (second, best, bestColumn) = (best, value, k)
            } else if value > second {
              second = value
            }
          }
          target.withRange(row..<(row + n)) { out in
            for k in 0..<n {
              let new = s[row + k] - (k == bestColumn ? second : best)
              out[k] = out[k] * damping + new * keep
            }
          }
        }
      }
    }
  }

  /// For each column k, the sum over rows i in order of max(r(i,k), 0), with r(k,k) itself for i = k.
  static func positiveColumnSums(_ r: [Double], count n: Int) -> [Double] {
    Parallel.map(count: Parallel.chunkCount(n, size: chunkRows)) { chunk in
      let columns = Parallel.chunkRange(chunk, size: chunkRows, total: n)
      var sums = Array(repeating: 0.0, count: columns.count)
      for i in 0..<n {
        for (offset, k) in columns.enumerated() {
          let value = r[i * n + k]
          sums[offset] += i == k ? value : max(value, 0)
        }
      }
      return sums
    }.flatMap { $0 }
  }

  /// a ← d·a − (1−d)·t with t(i,k) = max(r⁺(i,k) − colsum(k), 0) off the diagonal and r(k,k) − colsum(k) on it.
  static func updateAvailabilities(_ a: inout [Double], _ r: [Double], _ sums: [Double], count n: Int, damping: Double) {
    let keep = 1 - damping
    a.withUnsafeMutableBufferPointer { buffer in
      let target = DisjointWrites(buffer)
      _ = Parallel.map(count: Parallel.chunkCount(n, size: chunkRows)) { chunk in
        for i in Parallel.chunkRange(chunk, size: chunkRows, total: n) {
          let row = i * n
          target.withRange(row..<(row + n)) { out in
            for k in 0..<n {
              let value = r[row + k]
              let t = i == k ? value - sums[k] : max(max(value, 0) - sums[k], 0)
              out[k] = out[k] * damping - t * keep
            }
          }
        }
      }
    }
  }
}
