import Foundation
import WorkbenchNumerics

extension KMeans {
  /// The named ways a run can choose its initial centers (the string values of `init`).
  public enum Seeding: String, Sendable, CaseIterable {
    /// Greedy k-means++: each new center is the best of `2 + ⌊ln k⌋` candidates drawn with probability ∝ D².
    case kMeansPlusPlus = "k-means++"
    /// `k` distinct rows chosen uniformly at random.
    case random
  }

  /// How a run chooses its initial centers: seeded, or the same explicit centers every time.
  public enum Initialization: Sendable, Equatable {
    /// Centers drawn from the data with the run's generator.
    case seeded(Seeding)
    /// These centers, one row per cluster.
    case explicit(Matrix)

    /// Reads a validated `init` value; explicit centers must have one row per cluster.
    init(_ value: JSONValue, clusterCount: Int) throws(ParameterError) {
      if let name = value.string, let seeding = Seeding(rawValue: name) {
        self = .seeded(seeding)
        return
      }
      guard let rows = value.array, let columns = rows.first?.array?.count else {
        throw ParameterError(parameter: "init", message: "'init' must be a method name or a list of centers", fix: ParameterKind.realMatrix.fix)
      }
      guard rows.count == clusterCount else {
        throw ParameterError(
          parameter: "init", message: "'init' gives \(rows.count) centers but k is \(clusterCount)",
          fix: "set k to \(rows.count), or give \(clusterCount) rows in 'init'.")
      }
      let storage = rows.flatMap { $0.array?.compactMap(\.number) ?? [] }
      guard storage.count == rows.count * columns else {
        throw ParameterError(parameter: "init", message: "the rows of 'init' differ in length", fix: ParameterKind.realMatrix.fix)
      }
      self = .explicit(Matrix(rows: rows.count, columns: columns, storage: storage))
    }

    /// Throws when explicit centers do not have one value per numeric feature of `input` (the `init` parameter of `algorithm`).
    func checkWidth(_ input: FeatureShape, algorithm: String) throws(FeatureShape.Problem) {
      guard case .explicit(let centers) = self else { return }
      try input.requireNumericWidth(centers.columns, parameter: "init", of: algorithm)
    }
  }

  /// The starting centers of one run (`k × columns`).
  func initialCenters(_ x: Matrix, using rng: inout SeededGenerator) -> Matrix {
    switch initialization {
    case .explicit(let centers): centers
    case .seeded(.random): KMeans.randomRows(x, count: clusterCount, using: &rng)
    case .seeded(.kMeansPlusPlus): KMeans.greedyKMeansPlusPlus(x, count: clusterCount, using: &rng)
    }
  }

  /// `count` distinct rows chosen uniformly (a partial Fisher–Yates shuffle of the row indices).
  static func randomRows(_ x: Matrix, count: Int, using rng: inout SeededGenerator) -> Matrix {
    var indices = Array(0..<x.rows)
    for c in 0..<count {
      indices.swapAt(c, c + rng.nextIndex(below: x.rows - c))
    }
    return x.selecting(rows: Array(indices[0..<count]))
  }

  /// Greedy k-means++ seeding as scikit-learn's `_kmeans_plusplus` does it (``GreedyPlusPlus`` with squared
  /// Euclidean distances).
  static func greedyKMeansPlusPlus(_ x: Matrix, count: Int, using rng: inout SeededGenerator) -> Matrix {
    let chosen = GreedyPlusPlus.choose(rows: x.rows, count: count, using: &rng) { row, out in
      Distance.squaredEuclidean(x, row: row, toEveryRowOf: x, into: &out)
    }
    return x.selecting(rows: chosen)
  }
}
