extension ContingencyTable {
  /// An external metric's score: `compute` on the table of `input`, or the reason there is none.
  static func score(_ input: MetricInput, metric: String, _ compute: (ContingencyTable) -> Double) -> Score {
    switch of(input, for: metric) {
    case .success(let table): .value(compute(table))
    case .failure(let undefined): undefined.score
    }
  }

  /// The counts of the non-zero cells, in cell order.
  var cellCounts: [Int] { cells.map(\.count) }

  /// Σ xᵢ² as a double (exact while the sum stays below 2⁵³).
  static func sumOfSquares(_ values: [Int]) -> Double {
    values.reduce(0.0) { $0 + Double($1) * Double($1) }
  }
}
