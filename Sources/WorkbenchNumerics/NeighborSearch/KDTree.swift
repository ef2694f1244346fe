/// A balanced kd-tree over the rows of a matrix: the storage every ``NeighborIndex`` query walks.
///
/// Rows are copied in tree order (each node's rows are contiguous, so a
/// leaf scan streams memory) and remembered by their original index. Node
/// `i` has children `2i + 1` and `2i + 2`; all leaves sit at the same depth
/// and hold between `leafSize / 2` and `leafSize` rows. A node splits its
/// rows at the middle position along its widest coordinate (a
/// deterministic quickselect), as scikit-learn's `KDTree` does, and keeps the
/// bounding box of its rows. With `leafSize ≥ rows` the tree is one leaf:
/// every query then scans all rows in blocks, which is the brute-force mode.
/// - Complexity: building is O(rows · columns · log(rows / leafSize)); memory is
///   the copied rows plus O(rows / leafSize · columns) for the boxes.
struct KDTree: Sendable {
  /// Number of coordinates per row.
  let columns: Int
  /// Number of rows.
  let count: Int
  /// The rows in tree order, row-major.
  let points: [Double]
  /// `order[position]` is the original row stored at `position`.
  let order: [Int]
  /// First position of each node's rows.
  let nodeStart: [Int]
  /// One past the last position of each node's rows.
  let nodeEnd: [Int]
  /// Smallest coordinates of each node's rows (`nodes × columns`).
  let lower: [Double]
  /// Largest coordinates of each node's rows (`nodes × columns`).
  let upper: [Double]

  /// Number of nodes.
  var nodeCount: Int { nodeStart.count }

  /// Whether `node` has no children.
  @inline(__always)
  func isLeaf(_ node: Int) -> Bool { 2 * node + 1 >= nodeStart.count }

  /// Builds the tree over the rows of `storage` (`count × columns`, row-major).
  init(storage: [Double], count: Int, columns: Int, leafSize: Int) {
    precondition(leafSize >= 1 && count >= 0 && columns >= 0 && storage.count == count * columns, "bad kd-tree input")
    self.columns = columns
    self.count = count
    var leaves = 1
    while count > leaves * leafSize { leaves *= 2 }
    let nodes = 2 * leaves - 1
    var permutation = Array(0..<count)
    var starts = Array(repeating: 0, count: nodes)
    var ends = Array(repeating: 0, count: nodes)
    var lower = Array(repeating: 0.0, count: nodes * columns)
    var upper = Array(repeating: 0.0, count: nodes * columns)
    ends[0] = count
    for node in 0..<nodes {
      let (start, end) = (starts[node], ends[node])
      KDTree.boundingBox(storage, columns: columns, rows: permutation[start..<end], lower: &lower, upper: &upper, node: node)
      guard 2 * node + 1 < nodes else { continue }
      var widest = 0
      var spread = -1.0
      for j in 0..<columns where upper[node * columns + j] - lower[node * columns + j] > spread {
        spread = upper[node * columns + j] - lower[node * columns + j]
        widest = j
      }
      let middle = start + (end - start) / 2
      if end - start > 1 && columns > 0 {
        Selection.select(&permutation, range: start..<end, nth: middle) { storage[$0 * columns + widest] }
      }
      (starts[2 * node + 1], ends[2 * node + 1]) = (start, middle)
      (starts[2 * node + 2], ends[2 * node + 2]) = (middle, end)
    }
    var points = [Double]()
    points.reserveCapacity(count * columns)
    for row in permutation { points.append(contentsOf: storage[(row * columns)..<((row + 1) * columns)]) }
    self.points = points
    self.order = permutation
    self.nodeStart = starts
    self.nodeEnd = ends
    self.lower = lower
    self.upper = upper
  }

  /// Writes the bounding box of `rows` into node `node`'s slots (zeros for an empty node).
  private static func boundingBox(
    _ storage: [Double], columns: Int, rows: ArraySlice<Int>, lower: inout [Double], upper: inout [Double], node: Int
  ) {
    guard let first = rows.first else { return }
    for j in 0..<columns {
      var lo = storage[first * columns + j]
      var hi = lo
      for row in rows {
        let v = storage[row * columns + j]
        lo = min(lo, v)
        hi = max(hi, v)
      }
      lower[node * columns + j] = lo
      upper[node * columns + j] = hi
    }
  }
}
