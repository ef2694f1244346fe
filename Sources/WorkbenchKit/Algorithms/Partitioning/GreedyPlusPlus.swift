import Foundation
import WorkbenchNumerics

/// Greedy ++ seeding, shared by k-means++ (scikit-learn's `_kmeans_plusplus`) and k-medoids++ (scikit-learn-extra's
/// `_kpp_init`), which differ only in the dissimilarity.
///
/// The first row is uniform. Each further row is the best of `2 + ⌊ln k⌋`
/// candidates drawn with probability proportional to D², the squared
/// dissimilarity to the nearest row chosen so far: the one that minimises the
/// total potential Σ D² after adding it (the first on ties).
enum GreedyPlusPlus {
  /// `count` distinct-by-construction row indices out of `rows`; `squaredDistances(row, &out)` writes D² from `row`
  /// to every row into `out` (`rows` entries).
  ///
  /// A step's candidates are drawn first (the draws depend only on the distances so far) and measured side by
  /// side, each on its own thread when there is one; they are then compared in draw order, so the choice is the
  /// one measuring them one after another would make.
  /// - Complexity: O(`count` · (2 + ln `count`)) calls of `squaredDistances`, plus O(`rows`) per call.
  static func choose(
    rows n: Int, count: Int, using rng: inout SeededGenerator, squaredDistances: @Sendable (Int, inout [Double]) -> Void
  ) -> [Int] {
    let trials = 2 + Int(log(Double(count)))
    var chosen = [rng.nextIndex(below: n)]
    chosen.reserveCapacity(count)
    var closest = Array(repeating: 0.0, count: n)
    squaredDistances(chosen[0], &closest)
    var potential = closest.reduce(0, +)
    var cumulative = Array(repeating: 0.0, count: n)
    while chosen.count < count {
      var running = 0.0
      for i in 0..<n {
        running += closest[i]
        cumulative[i] = running
      }
      let rows = (0..<trials).map { _ in firstIndex(in: cumulative, reaching: rng.nextUnit() * potential) }
      let nearest = closest
      let measured = Parallel.map(count: trials) { t -> (distances: [Double], total: Double) in
        var candidate = Array(repeating: 0.0, count: n)
        squaredDistances(rows[t], &candidate)
        var total = 0.0
        for i in 0..<n {
          candidate[i] = min(nearest[i], candidate[i])
          total += candidate[i]
        }
        return (candidate, total)
      }
      var best = 0
      for t in 1..<trials where measured[t].total < measured[best].total { best = t }
      chosen.append(rows[best])
      potential = measured[best].total
      closest = measured[best].distances
    }
    return chosen
  }

  /// The first index whose cumulative value is ≥ `target` (numpy's `searchsorted`, side left), clipped to the last index.
  static func firstIndex(in cumulative: [Double], reaching target: Double) -> Int {
    var low = 0
    var high = cumulative.count
    while low < high {
      let mid = (low + high) / 2
      if cumulative[mid] < target { low = mid + 1 } else { high = mid }
    }
    return min(low, cumulative.count - 1)
  }
}
