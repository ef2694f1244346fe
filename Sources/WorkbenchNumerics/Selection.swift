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
    var lo = range.lowerBound
    var hi = range.upperBound - 1
    var rounds = 0
    while lo < hi {
      rounds += 1
      guard rounds <= 64 else {
        items[lo...hi].sort { key($0) < key($1) }
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
