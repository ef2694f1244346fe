extension BlockedPoints {
  /// Positions per chunk of a parallel scan: a constant (a whole number of blocks), so scans give the same answer
  /// on any thread count.
  public static let chunkPoints = 2048

  /// The Ward cost of merging the live points `a` and `b`: 2·w_a·w_b / (w_a + w_b) · Σⱼ (a_j − b_j)².
  ///
  /// For clusters with centroids and sizes `a` and `b` this is the increase
  /// in the total within-cluster sum of squares times two, and its square
  /// root is scipy's Ward merge height (for two single rows, their Euclidean
  /// distance). The squares are added in column order and the weight factor
  /// is rounded as ((2·w_a)·w_b) / (w_a + w_b) before multiplying, exactly as
  /// ``nearestByWardCost(to:)`` computes it, so both agree bit for bit; the
  /// value is symmetric in `a` and `b`. Domain: live, distinct points (checked).
  /// - Complexity: O(`columns`).
  public func wardCost(_ a: Int, _ b: Int) -> Double {
    let pa = position(of: a), pb = position(of: b)
    var sum = 0.0
    for j in 0..<columns {
      let diff = storage[Self.offset(position: pa, column: j, columns: columns)] - storage[Self.offset(position: pb, column: j, columns: columns)]
      sum += diff * diff
    }
    let wa = weights[pa], wb = weights[pb]
    return (2 * wa * wb) / (wa + wb) * sum
  }

  /// The live point other than `id` with the smallest ``wardCost(_:_:)`` with `id`: the lowest id among equal
  /// costs, `nil` when `id` is the only live point.
  ///
  /// The scan runs over chunks of ``chunkPoints`` positions, concurrently
  /// when there are several; each chunk keeps its own best (cost, id) and the
  /// chunks are combined by the same rule, which is exact, so the answer never
  /// depends on the thread count. Domain: `id` live (checked).
  /// - Complexity: O(`count` · `columns`), spread over the cores; no allocation beyond one result per chunk.
  public func nearestByWardCost(to id: Int) -> (id: Int, cost: Double)? {
    let query = position(of: id)
    guard count > 1 else { return nil }
    let chunks = Parallel.chunkCount(count, size: Self.chunkPoints)
    let best: Candidate
    if chunks == 1 {
      best = wardScan(query: query, positions: 0..<count)
    } else {
      best = Parallel.map(count: chunks) { chunk in
        wardScan(query: query, positions: Parallel.chunkRange(chunk, size: Self.chunkPoints, total: count))
      }.reduce(Candidate.none) { $0.better($1) }
    }
    return (best.id, best.cost)
  }

  /// A candidate nearest point: its cost and id, ordered by cost, then id.
  struct Candidate: Sendable {
    var cost: Double
    var id: Int

    static let none = Candidate(cost: .infinity, id: Int.max)

    /// The better of the two: the lower cost, the lower id on equal costs.
    func better(_ other: Candidate) -> Candidate {
      other.cost < cost || (other.cost == cost && other.id < id) ? other : self
    }
  }

  /// The best candidate among `positions` (a range starting on a block boundary), the query's own position excluded.
  ///
  /// Lanes are four positions of one block: the query's coordinate j is
  /// subtracted from all four at once and each lane adds its square, column
  /// after column (products and sums rounded separately), then the four costs
  /// are weighted and compared in position order.
  private func wardScan(query: Int, positions: Range<Int>) -> Candidate {
    let d = columns
    let lanes = Self.lanes
    assert(positions.lowerBound % lanes == 0 && positions.upperBound <= count, "scan range \(positions) is not block-aligned in 0..<\(count)")
    return storage.withUnsafeBufferPointer { s in
      weights.withUnsafeBufferPointer { w in
        ids.withUnsafeBufferPointer { idOf in
          let queryBase = (query / lanes) * lanes * d + query % lanes
          let queryWeight = w[query]
          let twice = SIMD4(repeating: 2 * queryWeight), own = SIMD4(repeating: queryWeight)
          var best = Candidate.none
          var block = positions.lowerBound / lanes
          while block * lanes < positions.upperBound {
            let base = block * lanes * d
            var sum = SIMD4<Double>()
            for j in 0..<d {
              let at = base + j * lanes
              let diff = SIMD4(repeating: s[queryBase + j * lanes]) - SIMD4(s[at], s[at + 1], s[at + 2], s[at + 3])
              sum += diff * diff
            }
            let first = block * lanes
            let weight = SIMD4(w[first], w[first + 1], w[first + 2], w[first + 3])
            let cost = (twice * weight) / (own + weight) * sum
            for lane in 0..<lanes {
              let p = first + lane
              guard p < positions.upperBound, p != query else { continue }
              best = best.better(Candidate(cost: cost[lane], id: idOf[p]))
            }
            block += 1
          }
          return best
        }
      }
    }
  }
}
