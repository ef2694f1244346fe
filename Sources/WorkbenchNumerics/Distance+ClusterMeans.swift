extension Distance {
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
  /// running sum, a and b are kept per row. Rows are first copied into
  /// position order and centred on their column means; each distance is then
  /// √(‖x‖² + ‖y‖² − 2x·y), as `sklearn.metrics.pairwise.euclidean_distances`
  /// computes it, with dot products over columns in column order, four rows ×
  /// four partners in registers. Where that cancels (below 1e-3 of
  /// ‖x‖² + ‖y‖², including a row against itself) the squared distance is
  /// recomputed from exact differences, so the relative error per distance
  /// stays below about columns · 1e-13 and duplicate rows are exactly 0 apart. Lanes are
  /// added as (r₀ + r₁) + (r₂ + r₃) at the end of each cluster run; every
  /// addition's order is fixed by the arguments, so results are bit-identical
  /// on any thread count.
  ///
  /// Domain: `clusterStarts` increasing from 0 to `rowsByCluster.count`, every
  /// row in range. A cluster with one row gets a = 0; b is +∞ with one cluster.
  /// Returns `nil` when `shouldStop` (polled once per row of tiles) says so.
  /// - Complexity: O(rows² · columns / 2) time; O(rows · columns + clusters)
  ///   memory (the centred copy, 24 bytes per value with its broadcast form) plus a 4 × columns panel and ``tileSize``
  ///   lanes of sums per running tile.
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

/// The rows in position order, centred, with their squared norms; the tiles are cut from these positions.
private struct TileLayout: Sendable {
  /// `count × columns`, row-major: the row at each position minus the column means.
  let points: [Double]
  /// ``points`` with every value doubled into both lanes, so the kernel broadcasts a row's value with one load.
  let broadcasts: [SIMD2<Double>]
  /// ‖point‖² per position, summed in column order.
  let norms: [Double]
  let columns: Int
  let clusterOf: [Int]
  let clusterStarts: [Int]

  /// Copies the rows into position order and centres them on their column means (summed in position order).
  ///
  /// Centring shortens the norms, so ‖x‖² + ‖y‖² − 2x·y cancels less; it
  /// moves every distance by rounding only (≈ ε · |mean| per column).
  init(x: Matrix, rows: [Int], clusterOf: [Int], clusterStarts: [Int]) {
    let d = x.columns
    var mean = [Double](repeating: 0, count: d)
    var points = [Double](repeating: 0, count: rows.count * d)
    var norms = [Double](repeating: 0, count: rows.count)
    x.withStorage { all in
      for row in rows {
        for c in 0..<d { mean[c] += all[row * d + c] }
      }
      for c in 0..<d { mean[c] /= Double(max(rows.count, 1)) }
      for (p, row) in rows.enumerated() {
        var norm = 0.0
        for c in 0..<d {
          let v = all[row * d + c] - mean[c]
          points[p * d + c] = v
          norm += v * v
        }
        norms[p] = norm
      }
    }
    self.points = points
    broadcasts = points.map { SIMD2(repeating: $0) }
    self.norms = norms
    columns = d
    self.clusterOf = clusterOf
    self.clusterStarts = clusterStarts
  }

  /// `(start, end, cluster)` runs of one cluster inside tile `t`.
  func segments(_ t: Int) -> [(start: Int, end: Int, cluster: Int)] {
    let start = t * Distance.tileSize, end = min(start + Distance.tileSize, norms.count)
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
  ///
  /// Partners are taken four at a time (a panel, transposed so one load
  /// gives a column of all four) and rows four at a time, so sixteen dot
  /// products accumulate in registers over the columns. Each lane's dot
  /// product adds its column products in column order whatever the blocking,
  /// so a pair's distance does not depend on where it falls in a block.
  func tile(_ ti: Int, _ tj: Int, columnsTo state: ClusterSumState?) -> RowPartials {
    let d = columns
    let iSegments = segments(ti), jSegments = segments(tj)
    let firstI = ti * Distance.tileSize
    let rowCount = iSegments.last!.end - firstI
    var out = RowPartials(firstPosition: firstI, rowCount: rowCount, clusters: [], sums: [])
    out.sums.reserveCapacity(jSegments.count * rowCount)
    var rowAcc = [SIMD4<Double>](repeating: SIMD4(), count: rowCount)
    var panel = [SIMD4<Double>](repeating: SIMD4(), count: d)
    points.withUnsafeBufferPointer { pointBuffer in
      broadcasts.withUnsafeBufferPointer { broadcastBuffer in
        norms.withUnsafeBufferPointer { normBuffer in
          panel.withUnsafeMutableBufferPointer { panelBuffer in
            rowAcc.withUnsafeMutableBufferPointer { accBuffer in
              let xs = pointBuffer.baseAddress!, ns = normBuffer.baseAddress!
              let pan = panelBuffer.baseAddress!, acc = accBuffer.baseAddress! - firstI
              for segment in jSegments {
                for q in 0..<rowCount { accBuffer[q] = SIMD4() }
                var start = segment.start
                while start < segment.end {
                  let lanes = min(4, segment.end - start)
                  var partnerNorms = SIMD4<Double>()
                  for l in 0..<4 {
                    let q = start + min(l, lanes - 1)
                    partnerNorms[l] = ns[q]
                    for c in 0..<d { pan[c][l] = xs[q * d + c] }
                  }
                  let block = PairBlock(xs: xs, broadcasts: broadcastBuffer.baseAddress!, columns: d, panel: pan, partnerNorms: partnerNorms, firstPartner: start, lanes: lanes)
                  for iSegment in iSegments {
                    var column = SIMD4<Double>()
                    var p = iSegment.start
                    while p + 4 <= iSegment.end {
                      let (l0, l1, l2, l3) = block.lengths4(p, norms: ns)
                      acc[p] += l0
                      acc[p + 1] += l1
                      acc[p + 2] += l2
                      acc[p + 3] += l3
                      column += l0
                      column += l1
                      column += l2
                      column += l3
                      p += 4
                    }
                    while p < iSegment.end {
                      let l0 = block.lengths1(p, norm: ns[p])
                      acc[p] += l0
                      column += l0
                      p += 1
                    }
                    if let state {
                      for l in 0..<lanes { state.add(column[l], cluster: iSegment.cluster, at: start + l) }
                    }
                  }
                  start += lanes
                }
                out.clusters.append(segment.cluster)
                for q in 0..<rowCount {
                  let r = accBuffer[q]
                  out.sums.append((r[0] + r[1]) + (r[2] + r[3]))
                }
              }
            }
          }
        }
      }
    }
    return out
  }
}

/// Four partners (one per lane) against rows of the centred points: distances from ‖x‖² + ‖y‖² − 2x·y.
///
/// A lane whose ‖x‖² + ‖y‖² − 2x·y is below ``cancellationRatio`` ·
/// (‖x‖² + ‖y‖²), where cancellation could cost more than about columns · 1e-13
/// of the distance, is recomputed from exact differences; so is a row against
/// itself, which therefore gets exactly 0. Negative results are clamped to 0.
private struct PairBlock {
  /// Below this share of ‖x‖² + ‖y‖², a squared distance is recomputed from differences.
  static let cancellationRatio = 1e-3

  let xs: UnsafePointer<Double>
  /// `xs` with each value in both lanes.
  let broadcasts: UnsafePointer<SIMD2<Double>>
  let columns: Int
  /// `columns` lanes of four partners' coordinates.
  let panel: UnsafeMutablePointer<SIMD4<Double>>
  let partnerNorms: SIMD4<Double>
  let firstPartner: Int
  let lanes: Int

  /// The distances of rows p, p+1, p+2, p+3 to the four partners, unused lanes 0.
  @inline(__always)
  func lengths4(_ p: Int, norms: UnsafePointer<Double>) -> (SIMD4<Double>, SIMD4<Double>, SIMD4<Double>, SIMD4<Double>) {
    let d = columns
    let r0 = broadcasts + p * d, r1 = r0 + d, r2 = r1 + d, r3 = r2 + d
    var a0 = SIMD4<Double>(), a1 = SIMD4<Double>(), a2 = SIMD4<Double>(), a3 = SIMD4<Double>()
    for c in 0..<d {
      let v = panel[c]
      let b0 = r0[c], b1 = r1[c], b2 = r2[c], b3 = r3[c]
      a0 += SIMD4(lowHalf: b0, highHalf: b0) * v
      a1 += SIMD4(lowHalf: b1, highHalf: b1) * v
      a2 += SIMD4(lowHalf: b2, highHalf: b2) * v
      a3 += SIMD4(lowHalf: b3, highHalf: b3) * v
    }
    return (
      lengths(dot: a0, row: p, norm: norms[p]), lengths(dot: a1, row: p + 1, norm: norms[p + 1]),
      lengths(dot: a2, row: p + 2, norm: norms[p + 2]), lengths(dot: a3, row: p + 3, norm: norms[p + 3])
    )
  }

  /// The distances of row p to the four partners, unused lanes 0.
  @inline(__always)
  func lengths1(_ p: Int, norm: Double) -> SIMD4<Double> {
    let r0 = broadcasts + p * columns
    var a0 = SIMD4<Double>()
    for c in 0..<columns { a0 += SIMD4(lowHalf: r0[c], highHalf: r0[c]) * panel[c] }
    return lengths(dot: a0, row: p, norm: norm)
  }

  @inline(__always)
  private func lengths(dot: SIMD4<Double>, row p: Int, norm: Double) -> SIMD4<Double> {
    let scale = SIMD4(repeating: norm) + partnerNorms
    var squared = scale - 2 * dot
    let unsafe = squared .< Self.cancellationRatio * scale
    if any(unsafe) {
      for l in 0..<lanes where unsafe[l] { squared[l] = exactSquared(p, firstPartner + l) }
    }
    squared.replace(with: 0, where: squared .< 0)
    var out = squared.squareRoot()
    if lanes < 4 { out.replace(with: 0, where: SIMD4<Int64>(0, 1, 2, 3) .>= SIMD4(repeating: Int64(lanes))) }
    return out
  }

  /// Σ_c (x_pc − x_qc)² in column order.
  private func exactSquared(_ p: Int, _ q: Int) -> Double {
    let a = xs + p * columns, b = xs + q * columns
    var sum = 0.0
    for c in 0..<columns {
      let diff = a[c] - b[c]
      sum += diff * diff
    }
    return sum
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
