extension BlockedPoints {
  /// The live point nearest to row `r` of `x` under `metric`, and its distance: the lowest id among equal distances;
  /// `nil` when no point is live.
  ///
  /// Euclidean points are ranked by their squared distance (summed in column
  /// order, as everywhere here) and the square root is taken of the winner's
  /// alone. For the Euclidean and Manhattan metrics a block is dropped once
  /// its partial sums, taken every four columns, all exceed the best distance
  /// so far (partial sums of non-negative terms never exceed the full sums, so
  /// the answer is the full scan's); cosine distances are all computed, as
  /// ``distances(fromRow:of:metric:into:)`` computes them. Serial: callers
  /// labelling many rows spread the rows over the cores.
  /// Domain: `x.columns == columns`, `r` a row of `x` (checked).
  /// - Complexity: O(`count` · `columns`).
  public func nearest(toRow r: Int, of x: Matrix, metric: PointMetric) -> (id: Int, distance: Double)? {
    precondition(x.columns == columns, "a row of \(x.columns) columns against points of \(columns)")
    guard count > 0 else { return nil }
    return x.withRow(r) { query in
      switch metric {
      case .euclidean:
        let (id, squared) = nearestBySums(to: query) { $0 * $0 }
        return (id, squared.squareRoot())
      case .manhattan:
        return nearestBySums(to: query) { $0.replacing(with: -$0, where: $0 .< 0) }
      case .cosine:
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { out in
          scan(from: query, positions: 0..<count, metric: .cosine, into: out)
          var best = 0
          for p in 1..<count where out[p] < out[best] || (out[p] == out[best] && ids[p] < ids[best]) { best = p }
          return (ids[best], out[best])
        }
      }
    }
  }

  /// The live point with the smallest Σⱼ term(qⱼ − pⱼ) (non-negative terms, added in column order), lowest id on ties.
  @inline(__always)
  private func nearestBySums(to query: UnsafeBufferPointer<Double>, _ term: (Lanes) -> Lanes) -> (id: Int, distance: Double) {
    let d = columns, lanes = Self.lanes
    return storage.withUnsafeBufferPointer { s in
      var best = (position: 0, value: Double.infinity)
      var bound = Lanes(repeating: .infinity)
      blocks: for block in 0..<((count + lanes - 1) / lanes) {
        var sum = Lanes()
        var j = 0
        while j < d {
          let end = min(j + Self.panelColumns, d), at = slot(block, j) - j
          while j < end {
            sum += term(Lanes(repeating: query[j]) - s[at + j])
            j += 1
          }
          if !any(sum .<= bound) { continue blocks }
        }
        for lane in 0..<lanes {
          let p = block * lanes + lane
          guard p < count, sum[lane] < best.value || (sum[lane] == best.value && ids[p] < ids[best.position]) else { continue }
          best = (p, sum[lane])
        }
        bound = Lanes(repeating: best.value)
      }
      return (ids[best.position], best.value)
    }
  }
}
