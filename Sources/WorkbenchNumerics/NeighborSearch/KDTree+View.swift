extension KDTree {
  /// The tree's arrays as buffers for the duration of `body`: the one place queries touch raw memory.
  ///
  /// The buffers must not escape `body`; the view is `@unchecked Sendable`
  /// so the fixed chunks of a parallel query can share it while `body` runs.
  func withView<R>(metric: NeighborMetric, _ body: (View) throws -> R) rethrows -> R {
    try points.withUnsafeBufferPointer { points in
      try order.withUnsafeBufferPointer { order in
        try nodeStart.withUnsafeBufferPointer { starts in
          try nodeEnd.withUnsafeBufferPointer { ends in
            try lower.withUnsafeBufferPointer { lower in
              try upper.withUnsafeBufferPointer { upper in
                try body(
                  View(
                    columns: columns, squared: metric.isSquaredEuclidean, points: points, order: order, starts: starts, ends: ends,
                    lower: lower, upper: upper))
              }
            }
          }
        }
      }
    }
  }

  /// Read-only access to a tree's rows and boxes, with the distance kernels every query uses.
  ///
  /// Distances here are *reduced*: squared Euclidean for the Euclidean and
  /// cosine metrics, the plain sum for Manhattan (see ``NeighborMetric``).
  /// Row sums run in the fixed four-lane order of ``Distance``.
  struct View: @unchecked Sendable {
    let columns: Int
    let squared: Bool
    let points: UnsafeBufferPointer<Double>
    let order: UnsafeBufferPointer<Int>
    let starts: UnsafeBufferPointer<Int>
    let ends: UnsafeBufferPointer<Int>
    let lower: UnsafeBufferPointer<Double>
    let upper: UnsafeBufferPointer<Double>

    var nodeCount: Int { starts.count }

    @inline(__always)
    func isLeaf(_ node: Int) -> Bool { 2 * node + 1 >= starts.count }

    /// The row stored at `position`.
    @inline(__always)
    func row(_ position: Int) -> UnsafeBufferPointer<Double> {
      assert(position >= 0 && position < order.count, "position \(position) out of range")
      return UnsafeBufferPointer(rebasing: points[(position * columns)..<((position + 1) * columns)])
    }

    /// `positions()[row]` is the position at which original row `row` is stored (the inverse of `order`).
    func positions() -> [Int] {
      var out = Array(repeating: 0, count: order.count)
      for position in order.indices { out[order[position]] = position }
      return out
    }

    /// The reduced distance between `query` and the row at `position`.
    @inline(__always)
    func distance(_ query: UnsafeBufferPointer<Double>, _ position: Int) -> Double {
      squared ? Distance.squaredEuclidean(query, row(position)) : Distance.manhattan(query, row(position))
    }

    /// The reduced distance between `query` and the row at `position` when it is at most `bound`; otherwise some value above `bound`.
    ///
    /// The same sums as ``distance(_:_:)``, in the same order, but it stops
    /// after any block of four coordinates whose partial sum, added in the
    /// same shape, already exceeds `bound`; rounding is monotone and the
    /// remaining terms are non-negative, so `distance(query, position, atMost: b) ≤ b`
    /// exactly when `distance(query, position) ≤ b`, and then they are equal.
    @inline(__always)
    func distance(_ query: UnsafeBufferPointer<Double>, _ position: Int, atMost bound: Double) -> Double {
      guard columns >= 8 else { return distance(query, position) }
      let base = position * columns
      var acc = SIMD4<Double>()
      var i = 0
      while i + 4 <= columns {
        let d = SIMD4(query[i], query[i + 1], query[i + 2], query[i + 3])
          - SIMD4(points[base + i], points[base + i + 1], points[base + i + 2], points[base + i + 3])
        acc += squared ? d * d : d.replacing(with: -d, where: d .< 0)
        i += 4
        let partial = (acc[0] + acc[1]) + (acc[2] + acc[3])
        if partial > bound { return partial }
      }
      return distance(query, position)
    }

    /// Whether the row at `position` lies within reduced distance `bound` of `query` (equal counts).
    @inline(__always)
    func isWithin(_ query: UnsafeBufferPointer<Double>, _ position: Int, _ bound: Double) -> Bool {
      distance(query, position, atMost: bound) <= bound
    }

    /// The smallest reduced distance from `query` to any point of `node`'s box.
    func minimumDistance(_ query: UnsafeBufferPointer<Double>, node: Int) -> Double {
      var total = 0.0
      let base = node * columns
      for j in 0..<columns {
        let q = query[j]
        let gap = max(lower[base + j] - q, 0, q - upper[base + j])
        total += squared ? gap * gap : gap
      }
      return total
    }

    /// The largest reduced distance from `query` to any point of `node`'s box.
    func maximumDistance(_ query: UnsafeBufferPointer<Double>, node: Int) -> Double {
      var total = 0.0
      let base = node * columns
      for j in 0..<columns {
        let q = query[j]
        let far = max(abs(q - lower[base + j]), abs(upper[base + j] - q))
        total += squared ? far * far : far
      }
      return total
    }
  }
}
