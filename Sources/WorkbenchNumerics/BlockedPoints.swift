/// Weighted points stored eight to a block, column by column, so one point is compared with eight others per vector step.
///
/// Why: hierarchical clustering compares one point (a cluster centroid, the
/// vertex just added to a spanning tree) with every other live point, over and
/// over. With eight points side by side in each column of a block, one query
/// coordinate is subtracted from eight points at once, and each lane adds its
/// own point's terms one column after the other, so every distance is summed in
/// plain column order: bit for bit the scalar loop Σⱼ (qⱼ − pⱼ)², on any
/// instruction set and thread count.
///
/// Points are named by the id they were created with (their row in the input
/// matrix) and live at a *position*; ``remove(_:)`` moves the last point into
/// the freed position, so the live points stay packed and scans never visit
/// a dead one. Each point carries a weight (a cluster size: 1 to start with,
/// and sums of weights after merges, so never below 1).
///
/// Layout: block b = p / 8 holds positions 8b…8b + 7, one per lane (eight
/// lanes are four independent pairs on baseline x86-64, enough to keep its
/// vector units busy while each lane's additions stay in column order), and
/// `weights[b]` their weights. Coordinates are stored in panels of four
/// columns: panel k holds columns 4k…4k + 3 of every block, block after
/// block (``slot(_:_:)``). A scan that drops a block after its first four
/// columns reads only the first panel for it, so far points cost a quarter of
/// the memory traffic as well as of the arithmetic.
/// Positions from ``count`` to the end of the last block are padding (zeros).
/// - Complexity: O(rows · columns) memory; ``remove(_:)`` is O(columns).
public struct BlockedPoints: Sendable {
  /// A block's worth of values, one per lane.
  typealias Lanes = SIMD8<Double>
  /// Points per block, one per vector lane.
  public static let lanes = Lanes.scalarCount
  /// Columns per panel.
  static let panelColumns = 4

  /// Coordinates per point.
  public let columns: Int
  /// Blocks of the storage (the rows it was made from, rounded up to whole blocks).
  let blockCount: Int
  /// Live points.
  public private(set) var count: Int
  /// The blocks, as described on the type.
  var storage: [Lanes]
  /// The weights, one block of positions per element (0 in padding and freed positions).
  var weights: [Lanes]
  /// The id of the point at each live position.
  public private(set) var ids: [Int]
  /// The position of each id, −1 once removed.
  var positions: [Int]

  /// Every row of `x` as a point of weight 1, its id being its row index.
  /// - Complexity: O(`x.rows` · `x.columns`).
  public init(_ x: Matrix) {
    let d = x.columns
    let blocks = (x.rows + Self.lanes - 1) / Self.lanes
    columns = d
    blockCount = blocks
    count = x.rows
    ids = Array(0..<x.rows)
    positions = Array(0..<x.rows)
    weights = Array(repeating: Lanes(), count: blocks)
    storage = Array(repeating: Lanes(), count: blocks * d)
    for r in 0..<x.rows {
      weights[r / Self.lanes][r % Self.lanes] = 1
      for j in 0..<d { storage[slot(r / Self.lanes, j)][r % Self.lanes] = x[r, j] }
    }
  }

  /// Where column `column` of block `block` is stored: panel `column / 4`, which holds `width` ≤ 4 columns of
  /// every block, starts at `4 · blockCount · (column / 4)`.
  @inline(__always)
  func slot(_ block: Int, _ column: Int) -> Int {
    let first = column - column % Self.panelColumns
    return first * blockCount + block * min(Self.panelColumns, columns - first) + column % Self.panelColumns
  }

  /// Whether the point `id` is live.
  public func contains(_ id: Int) -> Bool { id >= 0 && id < positions.count && positions[id] >= 0 }

  /// The weight of the live point `id`.
  public func weight(of id: Int) -> Double {
    let p = position(of: id)
    return weights[p / Self.lanes][p % Self.lanes]
  }

  /// The coordinates of the live point `id`.
  public func point(_ id: Int) -> [Double] {
    let p = position(of: id)
    return (0..<columns).map { storage[slot(p / Self.lanes, $0)][p % Self.lanes] }
  }

  /// The position of the live point `id` (checked).
  func position(of id: Int) -> Int {
    precondition(contains(id), "point \(id) is not live")
    return positions[id]
  }

  /// Removes the point `id`, moving the last live point into its position.
  /// - Complexity: O(`columns`).
  public mutating func remove(_ id: Int) {
    let p = position(of: id)
    let last = count - 1
    let (block, lane, lastBlock, lastLane) = (p / Self.lanes, p % Self.lanes, last / Self.lanes, last % Self.lanes)
    if p != last {
      let moved = ids[last]
      for j in 0..<columns { storage[slot(block, j)][lane] = storage[slot(lastBlock, j)][lastLane] }
      weights[block][lane] = weights[lastBlock][lastLane]
      ids[p] = moved
      positions[moved] = p
    }
    for j in 0..<columns { storage[slot(lastBlock, j)][lastLane] = 0 }
    weights[lastBlock][lastLane] = 0
    ids.removeLast()
    positions[id] = -1
    count = last
  }

  /// Replaces the point `b` by the weighted mean of `a` and `b`, with weight w_a + w_b, and removes `a`.
  ///
  /// Each coordinate is (w_a·a_j + w_b·b_j) / (w_a + w_b), rounded in that
  /// order; the expression is symmetric, so merging `b` into `a` would give the
  /// same bits. This is the centroid of the union of two clusters whose
  /// centroids and sizes `a` and `b` are.
  /// - Complexity: O(`columns`).
  public mutating func mergeWeightedMean(_ a: Int, into b: Int) {
    precondition(a != b, "a point cannot merge with itself")
    let pa = position(of: a), pb = position(of: b)
    let (blockA, laneA, blockB, laneB) = (pa / Self.lanes, pa % Self.lanes, pb / Self.lanes, pb % Self.lanes)
    let wa = weights[blockA][laneA], wb = weights[blockB][laneB], total = wa + wb
    for j in 0..<columns {
      let va = storage[slot(blockA, j)][laneA], vb = storage[slot(blockB, j)][laneB]
      storage[slot(blockB, j)][laneB] = (wa * va + wb * vb) / total
    }
    weights[blockB][laneB] = total
    remove(a)
  }
}
