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
  static let sampleSize = 16_384

  /// The value at each of `ranks` (ascending, distinct, in `0..<values.count`) in sorted order of `values` (no NaN),
  /// or `nil` when a bracket missed its rank.
  /// - Complexity: O(n · brackets) for the pass, plus selecting among about 5 % of n per bracket.
  static func values(at ranks: [Int], of values: [Double]) -> [Double]? {
    let n = values.count
    guard n >= sampleSize * 2, !ranks.isEmpty else { return nil }
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
    let (below, inside) = counted(values, lows: lows, highs: highs)
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

  /// For each bracket `lows[b]...highs[b]`: how many values lie below it, and the values inside it.
  ///
  /// Two tight passes (count; then copy each value into its brackets' places in one buffer) instead of appending to
  /// growing arrays in the hot loop.
  private static func counted(_ values: [Double], lows: [Double], highs: [Double]) -> (below: [Int], inside: [[Double]]) {
    let brackets = lows.count
    var below = [Int](repeating: 0, count: brackets)
    var sizes = [Int](repeating: 0, count: brackets)
    var starts = [Int](repeating: 0, count: brackets + 1)
    let all = values.withUnsafeBufferPointer { values in
      lows.withUnsafeBufferPointer { lows in
        highs.withUnsafeBufferPointer { highs in
          below.withUnsafeMutableBufferPointer { below in
            sizes.withUnsafeMutableBufferPointer { sizes in
              for v in values {
                for b in 0..<brackets {
                  below[b] &+= v < lows[b] ? 1 : 0
                  sizes[b] &+= v >= lows[b] && v <= highs[b] ? 1 : 0
                }
              }
            }
          }
          for b in 0..<brackets { starts[b + 1] = starts[b] + sizes[b] }
          var next = Array(starts.dropLast())
          return [Double](unsafeUninitializedCapacity: starts[brackets]) { buffer, initialized in
            next.withUnsafeMutableBufferPointer { next in
              for v in values {
                for b in 0..<brackets where v >= lows[b] && v <= highs[b] {
                  buffer[next[b]] = v
                  next[b] += 1
                }
              }
            }
            initialized = starts[brackets]
          }
        }
      }
    }
    return (below, (0..<brackets).map { Array(all[starts[$0]..<starts[$0 + 1]]) })
  }
}
