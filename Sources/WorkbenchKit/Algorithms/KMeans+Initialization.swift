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

  /// Greedy k-means++ seeding as scikit-learn's `_kmeans_plusplus` does it.
  ///
  /// The first center is a uniform row. Each further center samples
  /// `2 + ⌊ln k⌋` candidate rows with probability proportional to their
  /// squared distance D² to the nearest chosen center and keeps the one that
  /// minimises the total potential Σ D² after adding it (the first on ties).
  static func greedyKMeansPlusPlus(_ x: Matrix, count: Int, using rng: inout SeededGenerator) -> Matrix {
    let n = x.rows
    let trials = 2 + Int(log(Double(count)))
    var chosen = [rng.nextIndex(below: n)]
    chosen.reserveCapacity(count)
    var closest: [Double] = []
    Distance.squaredEuclidean(x, row: chosen[0], toEveryRowOf: x, into: &closest)
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
        Distance.squaredEuclidean(x, row: row, toEveryRowOf: x, into: &candidate)
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
    return x.selecting(rows: chosen)
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
