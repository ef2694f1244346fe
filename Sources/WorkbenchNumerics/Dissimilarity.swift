/// The dissimilarities between rows that distance-based methods can use (k-medoids' `metric`, and others).
public enum Dissimilarity: String, Sendable, CaseIterable {
  /// √Σ (aᵢ − bᵢ)².
  case euclidean
  /// Σ |aᵢ − bᵢ| (city block).
  case manhattan
  /// 1 − a·b / (‖a‖ ‖b‖), scikit-learn's convention for zero rows (distance 1).
  case cosine
  /// Gower's mixed-data dissimilarity, as R's `cluster::daisy(metric = "gower")` (see ``GowerRows``).
  case gower
}

/// Pairwise dissimilarities among `count` rows, looked up or computed on demand; symmetric, zero on the diagonal.
public protocol Dissimilarities: Sendable {
  /// Number of rows.
  var count: Int { get }
  /// The dissimilarity between rows `i` and `j`.
  func callAsFunction(_ i: Int, _ j: Int) -> Double
}

/// Rows prepared for one ``Dissimilarity``: raw numeric rows, or Gower rows (range-scaled numbers and categorical codes).
public struct DissimilaritySpace: Dissimilarities, Sendable {
  /// The rows, in the form their dissimilarity reads.
  public enum Rows: Sendable {
    case numeric(Matrix)
    case gower(GowerRows)
  }

  /// The dissimilarity.
  public let metric: Dissimilarity
  /// The rows.
  public let rows: Rows

  /// Rows for `metric`; Gower needs `.gower` rows, the others `.numeric` rows (checked).
  public init(metric: Dissimilarity, rows: Rows) {
    switch (metric, rows) {
    case (.gower, .gower), (.euclidean, .numeric), (.manhattan, .numeric), (.cosine, .numeric): break
    default: preconditionFailure("\(metric) rows of the wrong kind")
    }
    self.metric = metric
    self.rows = rows
  }

  public var count: Int {
    switch rows {
    case .numeric(let x): x.rows
    case .gower(let g): g.rows
    }
  }

  /// The dissimilarity between rows `i` and `j` of this space; 0 when `i == j`.
  public func callAsFunction(_ i: Int, _ j: Int) -> Double {
    i == j ? 0 : DissimilaritySpace.between(self, i, self, j)
  }

  /// The dissimilarity between row `i` of `a` and row `j` of `b`, spaces of the same metric and width.
  public static func between(_ a: DissimilaritySpace, _ i: Int, _ b: DissimilaritySpace, _ j: Int) -> Double {
    precondition(a.metric == b.metric, "dissimilarity between spaces of different metrics")
    switch (a.rows, b.rows) {
    case (.numeric(let x), .numeric(let y)):
      switch a.metric {
      case .euclidean: return Distance.squaredEuclidean(x, row: i, y, row: j).squareRoot()
      case .manhattan: return Distance.manhattan(x, row: i, y, row: j)
      case .cosine: return Distance.cosine(x, row: i, y, row: j)
      case .gower: preconditionFailure("Gower rows are stored as GowerRows")
      }
    case (.gower(let x), .gower(let y)): return GowerRows.dissimilarity(x, row: i, y, row: j)
    default: preconditionFailure("dissimilarity between spaces of different kinds")
    }
  }
}

/// All pairwise dissimilarities of a space, stored as a full symmetric n × n matrix for O(n²) sweeps (PAM).
///
/// Each pair is computed once (i < j) and mirrored; the diagonal is 0.
/// - Complexity: O(n² · features) time to build, 8 · n² bytes.
public struct DissimilarityMatrix: Dissimilarities, Sendable {
  public let count: Int
  private var storage: [Double]

  /// Computes every pair of `space`; `checkpoint` is called every 256 rows and may throw to stop (cancellation).
  public init(_ space: DissimilaritySpace, checkpoint: () throws -> Void = {}) rethrows {
    let n = space.count
    count = n
    storage = Array(repeating: 0, count: n * n)
    for i in 0..<n {
      if i % 256 == 0 { try checkpoint() }
      for j in (i + 1)..<n {
        let d = space(i, j)
        storage[i * n + j] = d
        storage[j * n + i] = d
      }
    }
  }

  public func callAsFunction(_ i: Int, _ j: Int) -> Double { storage[i * count + j] }
}
