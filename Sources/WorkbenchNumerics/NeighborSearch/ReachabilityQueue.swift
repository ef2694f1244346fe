/// The rows OPTICS may visit next: a min-heap on (reachability, row), with stale entries skipped lazily.
///
/// The order matches scikit-learn's choice of the unprocessed row with the
/// smallest reachability, ties to the smallest row index. A row whose
/// reachability drops is pushed again; the older entry is discarded when it
/// surfaces (its value no longer matches the row's current one).
struct ReachabilityQueue {
  struct Entry {
    var reachability: Double
    var row: Int
    var position: Int
  }

  private var heap: [Entry] = []

  @inline(__always)
  private static func precedes(_ a: Entry, _ b: Entry) -> Bool {
    a.reachability != b.reachability ? a.reachability < b.reachability : a.row < b.row
  }

  /// Adds a row with its new reachability.
  /// - Complexity: O(log entries).
  mutating func push(_ entry: Entry) {
    heap.append(entry)
    var child = heap.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard Self.precedes(heap[child], heap[parent]) else { break }
      heap.swapAt(parent, child)
      child = parent
    }
  }

  /// Removes and returns the first entry that is still current (`isCurrent`), or `nil` when none is left.
  /// - Complexity: O(log entries) per entry removed.
  mutating func popCurrent(_ isCurrent: (Entry) -> Bool) -> Entry? {
    while let top = heap.first {
      let last = heap.removeLast()
      if !heap.isEmpty {
        heap[0] = last
        siftDown()
      }
      if isCurrent(top) { return top }
    }
    return nil
  }

  private mutating func siftDown() {
    var parent = 0
    while true {
      let left = 2 * parent + 1
      guard left < heap.count else { return }
      var first = left
      if left + 1 < heap.count, Self.precedes(heap[left + 1], heap[left]) { first = left + 1 }
      guard Self.precedes(heap[first], heap[parent]) else { return }
      heap.swapAt(parent, first)
      parent = first
    }
  }
}
