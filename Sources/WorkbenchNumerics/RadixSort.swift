/// Sorting of 64-bit keys by their bytes, least significant first.
///
/// Why: finding equal items among a million (duplicate ids) by sorting their
/// digests is a handful of sequential passes, where a hash table of strings
/// costs a random memory access and a SipHash per item, twice.
public enum RadixSort {
  /// Sorts `keys` ascending: eight stable counting passes of one byte each, skipping a byte all keys share.
  /// - Complexity: O(n), eight passes at most, n extra keys of memory.
  public static func sort(_ keys: inout [UInt64]) {
    let n = keys.count
    guard n > 1 else { return }
    var other = [UInt64](repeating: 0, count: n)
    var sortedInOther = false
    keys.withUnsafeMutableBufferPointer { a in
      other.withUnsafeMutableBufferPointer { b in
        var source = a
        var target = b
        for byte in 0..<8 {
          let shift = UInt64(byte * 8)
          var counts = [Int](repeating: 0, count: 256)
          for key in source { counts[Int((key >> shift) & 0xFF)] += 1 }
          guard !counts.contains(n) else { continue }
          var offset = 0
          for digit in 0..<256 {
            let count = counts[digit]
            counts[digit] = offset
            offset += count
          }
          for key in source {
            let digit = Int((key >> shift) & 0xFF)
            target[counts[digit]] = key
            counts[digit] += 1
          }
          swap(&source, &target)
          sortedInOther.toggle()
        }
      }
    }
    if sortedInOther { keys = other }
  }
}
