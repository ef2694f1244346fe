import Foundation
import WorkbenchNumerics

extension KMedoids {
  /// How the first medoids are chosen (the values of `init`).
  public enum Initialization: String, Sendable, CaseIterable {
    /// PAM's BUILD: deterministic, O(k · rows²) dissimilarities.
    case build
    /// Greedy k-medoids++ (scikit-learn-extra's): like k-means++ with probabilities ∝ D², D the metric's dissimilarity.
    case kMedoidsPlusPlus = "k-medoids++"
    /// `k` distinct rows chosen uniformly at random.
    case random
  }

  /// The starting medoids (row indices, one per slot).
  func initialMedoids<D: Dissimilarities>(_ d: D, using rng: inout SeededGenerator, context: FitContext) throws -> [Int] {
    switch initialization {
    case .build: try KMedoids.build(d, count: clusterCount, context: context)
    case .random: KMedoids.randomRows(d.count, count: clusterCount, using: &rng)
    case .kMedoidsPlusPlus: KMedoids.greedyPlusPlus(d, count: clusterCount, using: &rng)
    }
  }

  /// `count` distinct row indices chosen uniformly (a partial Fisher–Yates shuffle).
  static func randomRows(_ rows: Int, count: Int, using rng: inout SeededGenerator) -> [Int] {
    var indices = Array(0..<rows)
    for c in 0..<count { indices.swapAt(c, c + rng.nextIndex(below: rows - c)) }
    return Array(indices[0..<count])
  }

  /// Greedy k-medoids++ as scikit-learn-extra's `_kpp_init`: a uniform first medoid, then each next one the best of
  /// `2 + ⌊ln k⌋` candidates drawn with probability ∝ D² (D the dissimilarity to the nearest chosen medoid),
  /// keeping the candidate that minimises Σ D² (the first on ties).
  /// - Complexity: O(k · (2 + ln k) · rows) dissimilarities.
  static func greedyPlusPlus<D: Dissimilarities>(_ d: D, count: Int, using rng: inout SeededGenerator) -> [Int] {
    let n = d.count
    let trials = 2 + Int(log(Double(count)))
    var chosen = [rng.nextIndex(below: n)]
    var closest = (0..<n).map { i -> Double in
      let distance = d(chosen[0], i)
      return distance * distance
    }
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
      var bestRow = -1, bestPotential = Double.infinity
      for _ in 0..<trials {
        let row = KMeans.firstIndex(in: cumulative, reaching: rng.nextUnit() * potential)
        var total = 0.0
        for i in 0..<n {
          let distance = d(row, i)
          candidate[i] = min(closest[i], distance * distance)
          total += candidate[i]
        }
        if bestRow < 0 || total < bestPotential {
          (bestRow, bestPotential) = (row, total)
          swap(&candidate, &bestCandidate)
        }
      }
      chosen.append(bestRow)
      potential = bestPotential
      swap(&closest, &bestCandidate)
    }
    return chosen
  }
}
