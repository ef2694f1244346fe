/// A bounded max-heap of neighbours on (distance, index): the k best so far, worst on top.
///
/// The order is total (equal distances fall back to the row index), so the
/// k kept are the same whatever order candidates arrive in.
enum NeighborHeap {
  /// Whether `a` comes before `b`: nearer, or as near with a lower index.
  @inline(__always)
  static func precedes(_ a: Neighbor, _ b: Neighbor) -> Bool {
    a.distance != b.distance ? a.distance < b.distance : a.index < b.index
  }

  /// Adds `item`, keeping the worst on top.
  /// - Complexity: O(log count).
  static func push(_ item: Neighbor, into heap: inout [Neighbor]) {
    heap.append(item)
    var child = heap.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard precedes(heap[parent], heap[child]) else { break }
      heap.swapAt(parent, child)
      child = parent
    }
  }

  /// Replaces the worst item by `item` and restores the order.
  /// - Complexity: O(log count).
  static func replaceTop(with item: Neighbor, in heap: inout [Neighbor]) {
    heap[0] = item
    var parent = 0
    while true {
      let left = 2 * parent + 1
      guard left < heap.count else { return }
      let right = left + 1
      var worst = left
      if right < heap.count, precedes(heap[left], heap[right]) { worst = right }
      guard precedes(heap[parent], heap[worst]) else { return }
      heap.swapAt(parent, worst)
      parent = worst
    }
  }
}
