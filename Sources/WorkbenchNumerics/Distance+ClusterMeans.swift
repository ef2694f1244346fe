extension Distance {
  /// Partner rows compared at once, one per `SIMD8` lane.
  public static let panelWidth = 8

  /// Positions per tile in ``meanClusterDistances(_:rowsByCluster:clusterStarts:shouldStop:)``; a constant,
  /// so the order of additions never depends on the core count.
  public static let tileSize = 128

  /// For every row, the mean Euclidean distance to the other rows of its cluster (a) and the smallest mean distance to another cluster (b).
  ///
  /// The silhouette's two ingredients without a rows × rows matrix, each
  /// distance computed once. Rows are given grouped by cluster:
  /// `rowsByCluster[clusterStarts[c]..<clusterStarts[c + 1]]` are cluster c's
  /// rows, and results are indexed by that position. The position range is cut
  /// into tiles of ``tileSize``; tile pairs (I, J ≥ I) are processed row of
  /// tiles by row of tiles, the J tiles of one row concurrently. One distance
  /// block feeds both sides: its row sums go to the rows of I (folded after the
  /// row of tiles, in J order) and its column sums to the rows of J. A row
  /// therefore receives its partners in increasing position, so each of its
  /// per-cluster sums is complete before the next cluster starts and only a
  /// running sum, a and b are kept per row. Each distance is the square root of Σ_c (x_ic − x_jc)² over
  /// exact differences in column order (no ‖x‖² − 2x·y + ‖y‖² cancellation),
  /// eight partners at a time in `SIMD8` lanes; lanes are added as
  /// ((r₀ + r₁) + (r₂ + r₃)) + ((r₄ + r₅) + (r₆ + r₇)) at the end of each cluster run; every addition's order is fixed by the
  /// arguments, so results are bit-identical on any thread count.
  ///
  /// Domain: `clusterStarts` increasing from 0 to `rowsByCluster.count`, every
  /// row in range. A cluster with one row gets a = 0; b is +∞ with one cluster.
  /// Returns `nil` when `shouldStop` (polled once per row of tiles) says so.
  /// - Complexity: O(rows² · columns / 2) time; O(rows + clusters) memory
  ///   plus an 8 × columns panel and ``tileSize`` lanes of sums per running tile.
  public static func meanClusterDistances(
    _ x: Matrix, rowsByCluster: [Int], clusterStarts: [Int], shouldStop: @Sendable () -> Bool
  ) throws -> (own: [Double], nearestOther: [Double])? {
    let count = rowsByCluster.count
    precondition(clusterStarts.first == 0 && clusterStarts.last == count, "cluster starts must span every position")
    var clusterOf = [Int](repeating: 0, count: count)
    for c in 0..<(clusterStarts.count - 1) {
      for p in clusterStarts[c]..<clusterStarts[c + 1] { clusterOf[p] = c }
    }
    let layout = TileLayout(x: x, rows: rowsByCluster, clusterOf: clusterOf, clusterStarts: clusterStarts)
    let state = ClusterSumState(count: count, clusterOf: clusterOf, clusterStarts: clusterStarts)
    let tiles = (count + tileSize - 1) / tileSize
    for i in 0..<tiles {
      if shouldStop() { return nil }
      let partials = Parallel.map(count: tiles - i) { offset in layout.tile(i, i + offset, columnsTo: offset == 0 ? nil : state) }
      for partial in partials {
        for (s, cluster) in partial.clusters.enumerated() {
          for q in 0..<partial.rowCount { state.add(partial.sums[s * partial.rowCount + q], cluster: cluster, at: partial.firstPosition + q) }
        }
      }
    }
    return state.finish()
  }
}

/// The rows of one tile's distance block, summed per cluster of the partner tile.
private struct RowPartials: Sendable {
  var firstPosition: Int
  var rowCount: Int
  /// The partner tile's clusters, in position order.
  var clusters: [Int]
  /// `clusters.count × rowCount` sums, cluster-major.
  var sums: [Double]
}

/// The positions and clusters the tiles are cut from.
private struct TileLayout: Sendable {
  let x: Matrix
  let rows: [Int]
  let clusterOf: [Int]
  let clusterStarts: [Int]

  /// `(start, end, cluster)` runs of one cluster inside tile `t`.
  func segments(_ t: Int) -> [(start: Int, end: Int, cluster: Int)] {
    let start = t * Distance.tileSize, end = min(start + Distance.tileSize, rows.count)
    var out: [(start: Int, end: Int, cluster: Int)] = []
    var p = start
    while p < end {
      let c = clusterOf[p]
      let stop = min(end, clusterStarts[c + 1])
      out.append((p, stop, c))
      p = stop
    }
    return out
  }

  /// Distances between tiles `ti` and `tj`: row sums returned, column sums added to `state` (off-diagonal tiles only).
  func tile(_ ti: Int, _ tj: Int, columnsTo state: ClusterSumState?) -> RowPartials {
    let d = x.columns
    let width = Distance.panelWidth
    let iSegments = segments(ti), jSegments = segments(tj)
    let firstI = ti * Distance.tileSize
    let rowCount = iSegments.last!.end - firstI
    var out = RowPartials(firstPosition: firstI, rowCount: rowCount, clusters: [], sums: [])
    out.sums.reserveCapacity(jSegments.count * rowCount)
    var rowAcc = [SIMD8<Double>](repeating: SIMD8(), count: rowCount)
    var panel = [Double](repeating: 0, count: width * d)
    x.withStorage { all in
      panel.withUnsafeMutableBufferPointer { p in
        rowAcc.withUnsafeMutableBufferPointer { acc in
          let raw = UnsafeRawPointer(p.baseAddress!)
          for segment in jSegments {
            for q in 0..<rowCount { acc[q] = SIMD8() }
            var start = segment.start
            while start < segment.end {
              let lanes = min(width, segment.end - start)
              for l in 0..<width {
                let row = rows[start + min(l, lanes - 1)]
                for c in 0..<d { p[c * width + l] = all[row * d + c] }
              }
              var used = SIMDMask<SIMD8<Int64>>()
              for l in 0..<lanes { used[l] = true }
              for iSegment in iSegments {
                var column = SIMD8<Double>()
                for position in iSegment.start..<iSegment.end {
                  let base = rows[position] * d
                  var squared = SIMD8<Double>()
                  for c in 0..<d {
                    let diff = SIMD8(repeating: all[base + c]) - raw.loadUnaligned(fromByteOffset: c * width * 8, as: SIMD8<Double>.self)
                    squared += diff * diff
                  }
                  let r = SIMD8<Double>().replacing(with: squared.squareRoot(), where: used)
                  acc[position - firstI] += r
                  column += r
                }
                if let state {
                  for l in 0..<lanes { state.add(column[l], cluster: iSegment.cluster, at: start + l) }
                }
              }
              start += lanes
            }
            out.clusters.append(segment.cluster)
            for q in 0..<rowCount {
              let r = acc[q]
              out.sums.append(((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7])))
            }
          }
        }
      }
    }
    return out
  }
}

/// Per position: the cluster whose distance sum is being added up, that running sum, and a and b so far.
///
/// Shared by the tiles of one row of tiles; each writes only the positions
/// of its own J tile (and the fold after the row writes those of I), so no
/// two threads touch one position at once.
private final class ClusterSumState: @unchecked Sendable {
  private let count: Int
  private let clusterOf: [Int]
  private let sizes: [Int]
  private let current: UnsafeMutablePointer<Int>
  private let sum: UnsafeMutablePointer<Double>
  private let own: UnsafeMutablePointer<Double>
  private let nearest: UnsafeMutablePointer<Double>

  init(count: Int, clusterOf: [Int], clusterStarts: [Int]) {
    self.count = count
    self.clusterOf = clusterOf
    sizes = (0..<(clusterStarts.count - 1)).map { clusterStarts[$0 + 1] - clusterStarts[$0] }
    current = .allocate(capacity: max(count, 1))
    current.initialize(repeating: -1, count: count)
    sum = .allocate(capacity: max(count, 1))
    sum.initialize(repeating: 0, count: count)
    own = .allocate(capacity: max(count, 1))
    own.initialize(repeating: 0, count: count)
    nearest = .allocate(capacity: max(count, 1))
    nearest.initialize(repeating: .infinity, count: count)
  }

  deinit {
    current.deallocate()
    sum.deallocate()
    own.deallocate()
    nearest.deallocate()
  }

  /// Adds a partial distance sum from position `p` to rows of `cluster`, closing the previous cluster's sum when it changes.
  func add(_ value: Double, cluster: Int, at p: Int) {
    assert(p >= 0 && p < count, "position out of range")
    if current[p] == cluster {
      sum[p] += value
    } else {
      close(p)
      current[p] = cluster
      sum[p] = value
    }
  }

  /// Turns the running sum of position `p` into a mean and keeps it as a or as a candidate b.
  private func close(_ p: Int) {
    let c = current[p]
    guard c >= 0 else { return }
    if c == clusterOf[p] {
      if sizes[c] > 1 { own[p] = sum[p] / Double(sizes[c] - 1) }
    } else {
      nearest[p] = min(nearest[p], sum[p] / Double(sizes[c]))
    }
  }

  /// a and b for every position, after closing the last running sums.
  func finish() -> (own: [Double], nearestOther: [Double]) {
    for p in 0..<count { close(p) }
    return (Array(UnsafeBufferPointer(start: own, count: count)), Array(UnsafeBufferPointer(start: nearest, count: count)))
  }
}
