import WorkbenchNumerics

/// The first repeated text in a list (ids), found by sorting hashes instead of filling a dictionary.
///
/// Why: checking a million ids with a `[String: Int]` costs two lookups,
/// each a random access into a growing table, per id (half a second). Here
/// each text's hash value is taken in parallel chunks, the hashes are
/// radix-sorted with the position in their low bits, and only texts whose
/// hashes agree are compared. Equality is Swift's (canonically equivalent
/// spellings are equal, as in every dictionary keyed by id later), and the
/// answer depends on positions only, never on the hash values, which Swift
/// seeds per process.
enum UniqueTexts {
  /// Texts per parallel chunk of hashes.
  private static let chunkSize = 65_536

  /// The earliest position whose text equals an earlier one's, with that earlier position; nil when all differ.
  ///
  /// Positions in `skip` (missing ids, checked separately) take no part.
  /// - Complexity: O(n) expected.
  static func firstRepeat(_ texts: [String], skip: @Sendable (String) -> Bool) -> (position: Int, earlier: Int)? {
    let n = texts.count
    guard n > 1 else { return nil }
    let positionBits = UInt64(Int.bitWidth - (n - 1).leadingZeroBitCount)
    let positionMask: UInt64 = (1 << positionBits) - 1
    let chunks = Parallel.map(count: Parallel.chunkCount(n, size: chunkSize)) { chunk in
      Parallel.chunkRange(chunk, size: chunkSize, total: n).compactMap { i -> UInt64? in
        skip(texts[i]) ? nil : (UInt64(UInt(bitPattern: texts[i].hashValue)) & ~positionMask) | UInt64(i)
      }
    }
    var keys = chunks.flatMap { $0 }
    RadixSort.sort(&keys)
    var best: (position: Int, earlier: Int)?
    var start = 0
    while start < keys.count {
      var end = start + 1
      while end < keys.count, keys[end] & ~positionMask == keys[start] & ~positionMask { end += 1 }
      if end - start > 1 {
        // Hashes agree: positions ascend within the group, so the first text met twice gives the group's earliest repeat.
        var seen: [String: Int] = [:]
        for key in keys[start..<end] {
          let position = Int(key & positionMask)
          if let earlier = seen[texts[position]] {
            if position < best?.position ?? Int.max { best = (position, earlier) }
            break
          }
          seen[texts[position]] = position
        }
      }
      start = end
    }
    return best
  }
}
