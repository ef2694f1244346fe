import WorkbenchNumerics

extension KMedoids {
  /// The dissimilarities k-medoids can use (the values of `metric`).
  public enum Metric: String, Sendable, CaseIterable {
    /// √Σ (aᵢ − bᵢ)².
    case euclidean
    /// Σ |aᵢ − bᵢ| (city block).
    case manhattan
    /// 1 − a·b / (‖a‖ ‖b‖), scikit-learn's convention for zero rows (distance 1).
    case cosine
    /// Gower's mixed-data dissimilarity, as R's `cluster::daisy(metric = "gower")` (see ``GowerRows``).
    case gower
  }

  /// Rows prepared for one metric: raw numeric rows, or Gower rows (range-scaled numbers and categorical codes).
  struct Space: Dissimilarities {
    enum Rows {
      case numeric(Matrix)
      case gower(GowerRows)
    }

    let metric: Metric
    let rows: Rows

    var count: Int {
      switch rows {
      case .numeric(let x): x.rows
      case .gower(let g): g.rows
      }
    }

    /// The dissimilarity between rows `i` and `j` of this space; 0 when `i == j`.
    func callAsFunction(_ i: Int, _ j: Int) -> Double {
      i == j ? 0 : Space.between(self, i, self, j)
    }

    /// The dissimilarity between row `i` of `a` and row `j` of `b`, which must be spaces of the same metric and shape.
    static func between(_ a: Space, _ i: Int, _ b: Space, _ j: Int) -> Double {
      switch (a.rows, b.rows) {
      case (.numeric(let x), .numeric(let y)):
        switch a.metric {
        case .euclidean: Distance.squaredEuclidean(x, row: i, y, row: j).squareRoot()
        case .manhattan: Distance.manhattan(x, row: i, y, row: j)
        case .cosine: Distance.cosine(x, row: i, y, row: j)
        case .gower: preconditionFailure("Gower rows are stored as GowerRows")
        }
      case (.gower(let x), .gower(let y)): GowerRows.dissimilarity(x, row: i, y, row: j)
      default: preconditionFailure("dissimilarity between spaces of different kinds")
      }
    }
  }
}

/// Pairwise dissimilarities among `count` rows, looked up or computed on demand; symmetric, zero on the diagonal.
protocol Dissimilarities {
  var count: Int { get }
  func callAsFunction(_ i: Int, _ j: Int) -> Double
}
