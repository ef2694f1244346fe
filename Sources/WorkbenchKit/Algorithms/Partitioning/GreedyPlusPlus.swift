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
  /// - Complexity: O(`count` · (2 + ln `count`)) calls of `squaredDistances`, plus O(`rows`) per call.
  static func choose(
    rows n: Int, count: Int, using rng: inout SeededGenerator, squaredDistances: (Int, inout [Double]) -> Void
  ) -> [Int] {
    let trials = 2 + Int(log(Double(count)))
    var chosen = [rng.nextIndex(below: n)]
    chosen.reserveCapacity(count)
    var closest = Array(repeating: 0.0, count: n)
    squaredDistances(chosen[0], &closest)
    var potential = closest.reduce(0, +)
    var cumulative = Array(repeating: 0.0, count: n)
    var candidate = Array(repeating: 0.0, count: n)
    var bestCandidate = Array(repeating: 0.0, count: n)
    while chosen.count < count {
      var running = 0.0
      for i in 0..<n {
        running += closest[i]
        cumulative[i] = running
      }
      var bestRow = -1
      var bestPotential = Double.infinity
      for _ in 0..<trials {
        let row = firstIndex(in: cumulative, reaching: rng.nextUnit() * potential)
        squaredDistances(row, &candidate)
        var total = 0.0
        for i in 0..<n {
          candidate[i] = min(closest[i], candidate[i])
          total += candidate[i]
        }
        if bestRow < 0 || total < bestPotential {
          bestRow = row
          bestPotential = total
          swap(&candidate, &bestCandidate)
        }
      }
      chosen.append(bestRow)
      potential = bestPotential
      swap(&closest, &bestCandidate)
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
