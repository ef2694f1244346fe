/// Whether two labelings are the same partition up to renaming clusters.
///
/// Every label of `a` must map to one label of `b` and back; noise (−1) is
/// an ordinary label here. Labelings of different lengths are never the same.
/// - Complexity: O(rows) expected (two hash maps of labels).
public func samePartition(_ a: [Int], _ b: [Int]) -> Bool {
  guard a.count == b.count else { return false }
  var forward: [Int: Int] = [:]
  var backward: [Int: Int] = [:]
  for (p, q) in zip(a, b) {
    if forward[p, default: q] != q || backward[q, default: p] != p { return false }
    forward[p] = q
    backward[q] = p
  }
  return true
}
