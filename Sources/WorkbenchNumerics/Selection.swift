/// Quickselect: puts into one position of an array what sorting it would put there, without sorting.
///
/// Why: a k-d tree splits at the median of a range, and a box plot needs five
/// order statistics of a million values; both want a rank, not an order.
enum Selection {
  /// Reorders `items[range]` so the item at `nth` has the key it would have in sorted order, keys before it no larger,
  /// keys after it no smaller.
  ///
  /// Hoare-style quickselect with a median-of-three pivot, deterministic for
  /// given input. A part still unresolved after 64 rounds is sorted instead,
  /// so adversarial input costs O(n log n) rather than O(n²).
  /// - Complexity: O(n) expected.
  static func select<Item>(_ items: inout [Item], range: Range<Int>, nth: Int, key: (Item) -> Double) {
    items.withUnsafeMutableBufferPointer { buffer in select(buffer, range: range, nth: nth, key: key) }
  }

  /// Reorders `items[range]` so that every rank in `ranks` (ascending, inside `range`) holds what sorting would put
  /// there, with the parts between those ranks unordered.
  ///
  /// Why: a box plot needs five percentiles (up to ten ranks) of a million
  /// values. Selecting the middle rank first and then each side's ranks
  /// within that side touches about n · log₂(ranks) items instead of n per
  /// rank, and a rank at the edge of its part (the upper neighbour of an
  /// interpolated percentile) is a minimum or maximum scan, not a partition.
  /// - Complexity: O(n log ranks.count) expected.
  static func select(_ items: inout [Double], range: Range<Int>, ranks: ArraySlice<Int>) {
    items.withUnsafeMutableBufferPointer { buffer in select(buffer, range: range, ranks: ranks) }
  }

  private static func select(_ items: UnsafeMutableBufferPointer<Double>, range: Range<Int>, ranks: ArraySlice<Int>) {
    guard !ranks.isEmpty, range.count > 1 else { return }
    let middle = ranks.startIndex + ranks.count / 2
    let rank = ranks[middle]
    precondition(range.contains(rank), "rank \(rank) outside \(range)")
    if rank == range.lowerBound {
      var best = rank
      for i in range where items[i] < items[best] { best = i }
      items.swapAt(rank, best)
    } else if rank == range.upperBound - 1 {
      var best = rank
      for i in range where items[i] > items[best] { best = i }
      items.swapAt(rank, best)
    } else {
      select(items, range: range, nth: rank) { $0 }
    }
    select(items, range: range.lowerBound..<rank, ranks: ranks[..<middle])
    select(items, range: (rank + 1)..<range.upperBound, ranks: ranks[(middle + 1)...])
  }

  private static func select<Item>(_ items: UnsafeMutableBufferPointer<Item>, range: Range<Int>, nth: Int, key: (Item) -> Double) {
    var lo = range.lowerBound
    var hi = range.upperBound - 1
    var rounds = 0
    while lo < hi {
      rounds += 1
      guard rounds <= 64 else {
        var part = UnsafeMutableBufferPointer(rebasing: items[lo...hi])
        part.sort { key($0) < key($1) }
        return
      }
      let mid = lo + (hi - lo) / 2
      let pivot = median(key(items[lo]), key(items[mid]), key(items[hi]))
      var i = lo
      var j = hi
      while i <= j {
        while key(items[i]) < pivot { i += 1 }
        while key(items[j]) > pivot { j -= 1 }
        if i <= j {
          items.swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      if nth <= j {
        hi = j
      } else if nth >= i {
        lo = i
      } else {
        return
      }
    }
  }

  private static func median(_ a: Double, _ b: Double, _ c: Double) -> Double {
    max(min(a, b), min(max(a, b), c))
  }
}
