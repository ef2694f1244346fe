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
  /// ``nearestByWardCost(to:atMost:)`` computes it, so both agree bit for bit; the
  /// value is symmetric in `a` and `b`. Domain: live, distinct points (checked).
  /// - Complexity: O(`columns`).
  public func wardCost(_ a: Int, _ b: Int) -> Double {
    let pa = position(of: a), pb = position(of: b)
    let (blockA, laneA, blockB, laneB) = (pa / Self.lanes, pa % Self.lanes, pb / Self.lanes, pb % Self.lanes)
    var sum = 0.0
    for j in 0..<columns {
      let diff = storage[slot(blockA, j)][laneA] - storage[slot(blockB, j)][laneB]
      sum += diff * diff
    }
    let wa = weights[blockA][laneA], wb = weights[blockB][laneB]
    return (2 * wa * wb) / (wa + wb) * sum
  }

  /// The live point other than `id` with the smallest ``wardCost(_:_:)`` with `id`, if that cost is at most `limit`:
  /// the lowest id among equal costs; `nil` when no other point costs `limit` or less.
  ///
  /// A finite `limit` (the cost of a merge already known, as in the
  /// nearest-neighbour chain) lets the scan drop far points early. The scan
  /// runs over chunks of ``chunkPoints`` positions, concurrently when there
  /// are several; each chunk keeps its own best (cost, id) and the chunks are
  /// combined by the same rule, which is exact, so the answer never depends on
  /// the thread count. Domain: `id` live (checked).
  /// - Complexity: O(`count` · `columns`), spread over the cores; no allocation beyond one result per chunk.
  public func nearestByWardCost(to id: Int, atMost limit: Double = .infinity) -> (id: Int, cost: Double)? {
    let query = position(of: id)
    let start = Candidate(cost: limit, id: Int.max)
    let chunks = Parallel.chunkCount(count, size: Self.chunkPoints)
    let best: Candidate
    if chunks == 1 {
      best = wardScan(query: query, positions: 0..<count, from: start)
    } else {
      best = Parallel.map(count: chunks) { chunk in
        wardScan(query: query, positions: Parallel.chunkRange(chunk, size: Self.chunkPoints, total: count), from: start)
      }.reduce(start) { $0.better($1) }
    }
    return best.id == Int.max ? nil : (best.id, best.cost)
  }

  /// A candidate nearest point: its cost and id, ordered by cost, then id.
  struct Candidate: Sendable {
    var cost: Double
    var id: Int

    /// The better of the two: the lower cost, the lower id on equal costs.
    func better(_ other: Candidate) -> Candidate {
      other.cost < cost || (other.cost == cost && other.id < id) ? other : self
    }
  }

  /// The best candidate among `positions` (a range starting on a block boundary), the query's own position excluded,
  /// if it is better than `start` (a cost limit with id `Int.max`, which any candidate at that cost beats).
  ///
  /// Lanes are the positions of a block: the query's coordinate j is
  /// subtracted from all of them at once and each lane adds its square, column
  /// after column (products and sums rounded separately), then the sums are
  /// weighted and compared. Every four columns, a block is dropped when even
  /// the smallest weight factor any point can have (its weight is at least 1,
  /// and 2·w_q·w / (w_q + w) grows with w, also after rounding) times the
  /// partial sums exceeds the best cost so far: partial sums of squares never
  /// exceed the full sums, so a dropped block held no candidate and the answer
  /// is that of the full scan. Most blocks far from the query go after four
  /// columns and without a division.
  private func wardScan(query: Int, positions range: Range<Int>, from start: Candidate) -> Candidate {
    let d = columns, lanes = Self.lanes
    assert(range.lowerBound % lanes == 0 && range.upperBound <= count, "scan range \(range) is not block-aligned in 0..<\(count)")
    let (queryBlock, queryLane) = (query / lanes, query % lanes)
    return storage.withUnsafeBufferPointer { s in
      weights.withUnsafeBufferPointer { w in
        ids.withUnsafeBufferPointer { idOf in
          withUnsafeTemporaryAllocation(of: Lanes.self, capacity: max(d, 1)) { q in
            for j in 0..<d { q[j] = Lanes(repeating: s[slot(queryBlock, j)][queryLane]) }
            let queryWeight = w[queryBlock][queryLane]
            let twice = Lanes(repeating: 2 * queryWeight), own = Lanes(repeating: queryWeight)
            let smallestFactor = Lanes(repeating: (2 * queryWeight) / (queryWeight + 1))
            var best = start
            var bound = Lanes(repeating: start.cost)
            blocks: for block in (range.lowerBound / lanes)..<((range.upperBound + lanes - 1) / lanes) {
              var sum = Lanes()
              var j = 0
              while j + 4 <= d {
                let at = slot(block, j)
                let d0 = q[j] - s[at], d1 = q[j + 1] - s[at + 1], d2 = q[j + 2] - s[at + 2], d3 = q[j + 3] - s[at + 3]
                sum += d0 * d0
                sum += d1 * d1
                sum += d2 * d2
                sum += d3 * d3
                j += 4
                if j < d && !any(smallestFactor * sum .<= bound) { continue blocks }
              }
              while j < d {
                let diff = q[j] - s[slot(block, j)]
                sum += diff * diff
                j += 1
              }
              guard any(smallestFactor * sum .<= bound) else { continue }
              let weight = w[block]
              let cost = (twice * weight) / (own + weight) * sum
              guard any(cost .<= bound) else { continue }
              for lane in 0..<lanes {
                let p = block * lanes + lane
                guard p < range.upperBound, p != query else { continue }
                best = best.better(Candidate(cost: cost[lane], id: idOf[p]))
              }
              bound = Lanes(repeating: best.cost)
            }
            return best
          }
        }
      }
    }
  }
}
