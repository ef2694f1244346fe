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

  /// Greedy k-medoids++ as scikit-learn-extra's `_kpp_init` (``GreedyPlusPlus`` with the metric's dissimilarity
  /// squared).
  /// - Complexity: O(k · (2 + ln k) · rows) dissimilarities.
  static func greedyPlusPlus<D: Dissimilarities>(_ d: D, count: Int, using rng: inout SeededGenerator) -> [Int] {
    GreedyPlusPlus.choose(rows: d.count, count: count, using: &rng) { row, out in
      for i in 0..<d.count {
        let distance = d(row, i)
        out[i] = distance * distance
      }
    }
  }
}
