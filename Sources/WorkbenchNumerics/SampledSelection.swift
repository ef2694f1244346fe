/// The values at a few ranks of a large array, from one counting pass bracketed by a sorted sample.
///
/// Why: a box plot of a million values needs up to ten ranks; quickselect
/// partitions the array again for each level of ranks, with a mispredicted
/// branch per comparison. Here a sample of evenly spaced values is sorted;
/// around each wanted rank's place in it, two sample values bracket the
/// wanted value with near certainty (2.5 √s sample places either side, over
/// five standard deviations of a sample quantile's place). One pass counts
/// the values below each bracket and collects those inside; each rank is
/// then selected among the collected few. Exact: when a bracket misses its
/// rank (adversarial data), the caller is told and selects the usual way.
/// - SeeAlso: R. W. Floyd and R. L. Rivest, "Expected time bounds for selection", CACM 1975 (the sampling idea).
enum SampledSelection {
  /// Values below which the plain partitioning selection is as fast.
  static let minimumCount = 65_536
  /// Values in the sorted sample.
  static let sampleSize = 8_192

  /// The value at each of `ranks` (ascending, distinct, in `0..<values.count`) in sorted order of `values` (no NaN),
  /// or `nil` when there are fewer than ``minimumCount`` values (select them the usual way) or a bracket missed its rank.
  /// - Complexity: O(n · brackets) for the pass, plus selecting among about 5 % of n per bracket.
  static func values(at ranks: [Int], of values: [Double]) -> [Double]? {
    let n = values.count
    guard n >= minimumCount, !ranks.isEmpty else { return nil }
    let stride = n / sampleSize
    let sample = (0..<sampleSize).map { values[$0 * stride] }.sorted()
    let halfWidth = Int(2.5 * Double(sampleSize).squareRoot()) + 1
    // Each rank's place in the sample, widened; overlapping places merge into one bracket.
    var brackets: [(first: Int, last: Int, ranks: [Int])] = []
    for rank in ranks {
      let place = Int((Double(rank) / Double(n - 1) * Double(sampleSize - 1)).rounded())
      let (first, last) = (place - halfWidth, place + halfWidth)
      if let previous = brackets.last, first <= previous.last {
        brackets[brackets.count - 1].last = last
        brackets[brackets.count - 1].ranks.append(rank)
      } else {
        brackets.append((first, last, [rank]))
      }
    }
    let lows = brackets.map { $0.first <= 0 ? -Double.infinity : sample[$0.first] }
    let highs = brackets.map { $0.last >= sampleSize - 1 ? Double.infinity : sample[$0.last] }
    guard let (below, inside) = counted(values, lows: lows, highs: highs) else { return nil }
    var found: [Double] = []
    for b in brackets.indices {
      var inside = inside[b]
      let local = brackets[b].ranks.map { $0 - below[b] }
      guard local.allSatisfy({ $0 >= 0 && $0 < inside.count }) else { return nil }
      Selection.select(&inside, range: 0..<inside.count, ranks: local[...])
      found += local.map { inside[$0] }
    }
    return found
  }

  /// For each bracket `lows[b]...highs[b]`: how many values lie below it, and the values inside it; `nil` unless the
  /// brackets are ordered and apart (`lows[b] ≤ highs[b] < lows[b + 1]`), as the sample's distinct values make them.
  ///
  /// One pass places each value in a region between the 2 · brackets bounds (a count of bounds passed, no branch)
  /// and counts the regions; a second copies the values of the odd regions, the brackets, into one buffer.
  private static func counted(_ values: [Double], lows: [Double], highs: [Double]) -> (below: [Int], inside: [[Double]])? {
    let brackets = lows.count
    for b in 0..<brackets where lows[b] > highs[b] || (b > 0 && highs[b - 1] >= lows[b]) { return nil }
    var regions = [Int](repeating: 0, count: 2 * brackets + 1)
    let regionOf = [UInt8](unsafeUninitializedCapacity: values.count) { region, initialized in
      values.withUnsafeBufferPointer { values in
        lows.withUnsafeBufferPointer { lows in
          highs.withUnsafeBufferPointer { highs in
            regions.withUnsafeMutableBufferPointer { regions in
              for (i, v) in values.enumerated() {
                var r = 0
                for b in 0..<brackets { r &+= (v >= lows[b] ? 1 : 0) &+ (v > highs[b] ? 1 : 0) }
                region[i] = UInt8(truncatingIfNeeded: r)
                regions[r] &+= 1
              }
            }
          }
        }
      }
      initialized = values.count
    }
    // Region 2b + 1 is bracket b; every region up to 2b lies below it.
    let below = (0..<brackets).map { b in regions[0...(2 * b)].reduce(0, +) }
    var starts = [0]
    for b in 0..<brackets { starts.append(starts[b] + regions[2 * b + 1]) }
    var next = Array(starts.dropLast())
    let all = [Double](unsafeUninitializedCapacity: starts[brackets]) { buffer, initialized in
      for (i, v) in values.enumerated() where regionOf[i] & 1 == 1 {
        let b = Int(regionOf[i] >> 1)
        buffer[next[b]] = v
        next[b] += 1
      }
      initialized = starts[brackets]
    }
    return (below, (0..<brackets).map { Array(all[starts[$0]..<starts[$0 + 1]]) })
  }
}
