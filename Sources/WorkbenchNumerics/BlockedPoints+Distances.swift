/// The distances ``BlockedPoints/distances(fromRow:of:metric:into:)`` and ``CondensedDistances`` compute between rows.
///
/// Each is summed over the columns in order, products and sums rounded
/// separately: Euclidean and Manhattan distances are then bit for bit
/// scipy's `pdist(metric="euclidean")` and `pdist(metric="cityblock")`.
public enum PointMetric: String, Sendable, CaseIterable {
  /// √Σ (aⱼ − bⱼ)².
  case euclidean
  /// Σ |aⱼ − bⱼ| (city block, L1).
  case manhattan
  /// 1 − a·b / (√(a·a) · √(b·b)), clipped to [0, 2]; 1 when either row is zero (scikit-learn's convention).
  /// Within a few ulps of 1, not bit for bit, of scipy's `pdist(metric="cosine")`, which groups the operations otherwise.
  case cosine
}

extension BlockedPoints {
  /// Writes the distance from row `r` of `x` to the live point at each position `p` into `out[p]`, for every
  /// live position (`out` is resized to ``count`` when its count differs).
  ///
  /// The scan runs over chunks of ``chunkPoints`` positions, concurrently when
  /// there are several; every value is computed alone, so the output does not
  /// depend on the thread count. Domain: `x.columns == columns`, `r` a row of `x` (checked).
  /// - Complexity: O(`count` · `columns`), spread over the cores.
  public func distances(fromRow r: Int, of x: Matrix, metric: PointMetric, into out: inout [Double]) {
    precondition(x.columns == columns, "a row of \(x.columns) columns against points of \(columns)")
    if out.count != count { out = Array(repeating: 0, count: count) }
    let total = count
    out.withUnsafeMutableBufferPointer { buffer in
      let target = DisjointWrites(buffer)
      _ = Parallel.map(count: Parallel.chunkCount(total, size: Self.chunkPoints)) { chunk in
        let range = Parallel.chunkRange(chunk, size: Self.chunkPoints, total: total)
        x.withRow(r) { query in target.withRange(range) { scan(from: query, positions: range, metric: metric, into: $0) } }
      }
    }
  }

  /// Distances from `query` to the points at `positions` (live or not), written to `out[p − positions.lowerBound]`.
  ///
  /// The positions of a block share each vector step; every lane sums its
  /// own terms in column order. Domain: `query.count == columns`,
  /// `out.count == positions.count`, positions inside the blocks (asserted).
  func scan(from query: UnsafeBufferPointer<Double>, positions: Range<Int>, metric: PointMetric, into out: UnsafeMutableBufferPointer<Double>) {
    let d = columns, lanes = Self.lanes
    assert(query.count == d && out.count == positions.count && positions.upperBound <= weights.count * lanes, "bad scan of \(positions)")
    var queryNorm = 0.0
    if metric == .cosine { for j in 0..<d { queryNorm += query[j] * query[j] } }
    let queryLength = queryNorm.squareRoot()
    storage.withUnsafeBufferPointer { s in
      var block = positions.lowerBound / lanes
      while block * lanes < positions.upperBound {
        let values: Lanes
        switch metric {
        case .euclidean:
          var sum = Lanes()
          for j in 0..<d {
            let diff = Lanes(repeating: query[j]) - s[slot(block, j)]
            sum += diff * diff
          }
          values = sum.squareRoot()
        case .manhattan:
          var sum = Lanes()
          for j in 0..<d {
            let diff = Lanes(repeating: query[j]) - s[slot(block, j)]
            sum += diff.replacing(with: -diff, where: diff .< 0)
          }
          values = sum
        case .cosine:
          var dot = Lanes(), norm = Lanes()
          for j in 0..<d {
            let point = s[slot(block, j)]
            dot += Lanes(repeating: query[j]) * point
            norm += point * point
          }
          let lengths = norm.squareRoot()
          var cosine = Lanes(repeating: 1)
          for lane in 0..<lanes where queryLength > 0 && lengths[lane] > 0 {
            cosine[lane] = min(max(1 - dot[lane] / (queryLength * lengths[lane]), 0), 2)
          }
          values = cosine
        }
        for lane in 0..<lanes {
          let p = block * lanes + lane
          if p >= positions.lowerBound && p < positions.upperBound { out[p - positions.lowerBound] = values[lane] }
        }
        block += 1
      }
    }
  }
}
