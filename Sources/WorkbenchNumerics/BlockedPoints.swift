/// Weighted points stored four to a block, column by column, so one point is compared with four others per vector step.
///
/// Why: hierarchical clustering compares one point (a cluster centroid, the
/// vertex just added to a spanning tree) with every other live point, over and
/// over. With four points side by side in each column of a block, one query
/// coordinate is subtracted from four points at once, and each lane adds its
/// own point's terms one column after the other, so every distance is summed in
/// plain column order: bit for bit the scalar loop Σⱼ (qⱼ − pⱼ)², on any
/// instruction set and thread count.
///
/// Points are named by the id they were created with (their row in the input
/// matrix) and live at a *position*; ``remove(_:)`` moves the last point into
/// the freed position, so the live points stay packed and scans never visit
/// a dead one. Each point carries a weight (a cluster size, 1 to start with).
///
/// Layout: the point at position p, column j, lives at
/// `(p / 4) · 4 · columns + j · 4 + p % 4`; positions from ``count`` up to the
/// end of the last block are padding with weight 0.
/// - Complexity: O(rows · columns) memory; ``remove(_:)`` is O(columns).
public struct BlockedPoints: Sendable {
  /// Points per block, one per vector lane.
  public static let lanes = 4

  /// Coordinates per point.
  public let columns: Int
  /// Live points.
  public private(set) var count: Int
  /// The blocks, as described on the type.
  var storage: [Double]
  /// Weight of the point at each position (0 in padding and freed positions).
  var weights: [Double]
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
    count = x.rows
    ids = Array(0..<x.rows)
    positions = Array(0..<x.rows)
    weights = Array(repeating: 0, count: blocks * Self.lanes)
    storage = Array(repeating: 0, count: blocks * Self.lanes * d)
    for r in 0..<x.rows {
      weights[r] = 1
      for j in 0..<d { storage[Self.offset(position: r, column: j, columns: d)] = x[r, j] }
    }
  }

  /// Where coordinate `column` of the point at `position` is stored.
  @inline(__always)
  static func offset(position: Int, column: Int, columns: Int) -> Int {
    (position / lanes) * lanes * columns + column * lanes + position % lanes
  }

  /// Whether the point `id` is live.
  public func contains(_ id: Int) -> Bool { id >= 0 && id < positions.count && positions[id] >= 0 }

  /// The weight of the live point `id`.
  public func weight(of id: Int) -> Double { weights[position(of: id)] }

  /// The coordinates of the live point `id`.
  public func point(_ id: Int) -> [Double] {
    let p = position(of: id)
    return (0..<columns).map { storage[Self.offset(position: p, column: $0, columns: columns)] }
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
    if p != last {
      let moved = ids[last]
      for j in 0..<columns {
        storage[Self.offset(position: p, column: j, columns: columns)] = storage[Self.offset(position: last, column: j, columns: columns)]
      }
      weights[p] = weights[last]
      ids[p] = moved
      positions[moved] = p
    }
    for j in 0..<columns { storage[Self.offset(position: last, column: j, columns: columns)] = 0 }
    weights[last] = 0
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
    let wa = weights[pa], wb = weights[pb], total = wa + wb
    for j in 0..<columns {
      let ia = Self.offset(position: pa, column: j, columns: columns), ib = Self.offset(position: pb, column: j, columns: columns)
      storage[ib] = (wa * storage[ia] + wb * storage[ib]) / total
    }
    weights[pb] = total
    remove(a)
  }
}
