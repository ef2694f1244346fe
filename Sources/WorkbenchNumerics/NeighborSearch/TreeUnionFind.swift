/// Disjoint sets over `0..<count` with path halving and union by size, for component searches over tree positions.
///
/// Used sequentially between parallel rounds; every operation's result
/// depends only on the sequence of unions, never on timing.
struct TreeUnionFind {
  private var parent: [Int]
  private var size: [Int]

  init(count: Int) {
    parent = Array(0..<count)
    size = Array(repeating: 1, count: count)
  }

  /// The representative of `x`'s set.
  /// - Complexity: amortised nearly O(1).
  mutating func find(_ x: Int) -> Int {
    var x = x
    while parent[x] != x {
      parent[x] = parent[parent[x]]
      x = parent[x]
    }
    return x
  }

  /// Joins the sets of `a` and `b`; returns whether they were apart.
  @discardableResult
  mutating func union(_ a: Int, _ b: Int) -> Bool {
    var (ra, rb) = (find(a), find(b))
    guard ra != rb else { return false }
    if size[ra] < size[rb] || (size[ra] == size[rb] && rb < ra) { swap(&ra, &rb) }
    parent[rb] = ra
    size[ra] += size[rb]
    return true
  }
}
