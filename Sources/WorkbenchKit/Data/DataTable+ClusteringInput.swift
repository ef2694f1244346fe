import WorkbenchNumerics

extension DataTable {
  /// The table as an algorithm's input: numeric columns as a finite matrix, categorical ones as codes.
  ///
  /// Throws ``FitError/degenerate(_:)`` naming the first column and row with
  /// a missing or infinite cell, since what is missing depends on the
  /// pipeline that produced the table. The matrix is filled by ``Matrix/fromColumns(_:rows:)``.
  public func clusteringInput() throws(FitError) -> ClusteringInput {
    let numericColumns = columns.filter(\.isNumeric)
    let (matrix, finite) = Matrix.fromColumns(numericColumns.map { $0.numbers! }, rows: rowCount)
    if !finite { try Self.firstNonFinite(numericColumns, table: self) }
    var categorical: [CategoricalFeature] = []
    for column in columns {
      guard let labels = column.labels else { continue }
      if let r = labels.firstIndex(where: { $0 == nil }) {
        throw .degenerate("the categorical column '\(column.name)' has missing values (first at \(place(ofRow: r))); add an \"impute\" step (most_frequent) to the pipeline")
      }
      let levels = Set(labels.map { $0! }).sorted()
      var code: [String: Int] = [:]
      for (i, level) in levels.enumerated() { code[level] = i }
      categorical.append(CategoricalFeature(name: column.name, levels: levels, codes: labels.map { code[$0!]! }))
    }
    return ClusteringInput(numeric: matrix, numericNames: numericColumns.map(\.name), categorical: categorical)
  }

  /// Throws the error for the first missing or infinite cell, in column order then row order.
  private static func firstNonFinite(_ numericColumns: [Column], table: DataTable) throws(FitError) {
    for column in numericColumns {
      let values = column.numbers!
      guard let r = values.firstIndex(where: { !$0.isFinite }) else { continue }
      let missing = values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
      throw .degenerate(
        values[r].isNaN
          ? "the column '\(column.name)' has \(missing) missing value\(missing == 1 ? "" : "s") (first at \(table.place(ofRow: r))); add an \"impute\" step to the pipeline"
          : "the column '\(column.name)' has an infinite value at \(table.place(ofRow: r))")
    }
  }

  /// "line 12" when the source line is known, else "row 12" (1-based).
  func place(ofRow r: Int) -> String {
    line(ofRow: r).map { "line \($0)" } ?? "row \(r + 1)"
  }
}
