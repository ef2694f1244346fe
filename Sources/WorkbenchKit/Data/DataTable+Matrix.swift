import WorkbenchNumerics

extension DataTable {
  /// The table as a matrix for an algorithm: every column numeric and every cell finite.
  ///
  /// Throws ``FitError/degenerate(_:)`` naming the first offending column and
  /// row, since what is missing depends on the pipeline that produced it.
  public func numericMatrix() throws(FitError) -> Matrix {
    let rows = rowCount
    var storage = [Double](repeating: 0, count: rows * columns.count)
    for (c, column) in columns.enumerated() {
      guard let values = column.numbers else {
        throw .degenerate("the column '\(column.name)' is categorical; encode it (one-hot) or remove it from data.categorical")
      }
      for r in 0..<rows {
        let v = values[r]
        guard v.isFinite else {
          let place = line(ofRow: r).map { "line \($0)" } ?? "row \(r + 1)"
          let missing = values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
          throw .degenerate(
            v.isNaN
              ? "the column '\(column.name)' has \(missing) missing value\(missing == 1 ? "" : "s") (first at \(place)); add an \"impute\" step to the pipeline"
              : "the column '\(column.name)' has an infinite value at \(place)")
        }
        storage[r * columns.count + c] = v
      }
    }
    return Matrix(rows: rows, columns: columns.count, storage: storage)
  }
}
