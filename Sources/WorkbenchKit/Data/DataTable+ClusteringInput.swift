import WorkbenchNumerics

extension DataTable {
  /// The table as an algorithm's input: numeric columns as a finite matrix, categorical ones as codes.
  ///
  /// Throws ``FitError/degenerate(_:)`` naming the first column and row with
  /// a missing or infinite cell, since what is missing depends on the
  /// pipeline that produced the table. The matrix is filled 512 rows at a
  /// time across all columns, so each of its cache lines is written once.
  public func clusteringInput() throws(FitError) -> ClusteringInput {
    let numericColumns = columns.filter(\.isNumeric)
    let rows = rowCount
    let width = numericColumns.count
    var finite = true
    let storage = [Double](unsafeUninitializedCapacity: rows * width) { buffer, initialized in
      let blockRows = 512
      for first in stride(from: 0, to: rows, by: blockRows) {
        let last = min(first + blockRows, rows)
        for (c, column) in numericColumns.enumerated() {
          column.numbers!.withUnsafeBufferPointer { values in
            for r in first..<last {
              let v = values[r]
              finite = finite && v.isFinite
              buffer[r * width + c] = v
            }
          }
        }
      }
      initialized = rows * width
    }
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
    return ClusteringInput(
      numeric: Matrix(rows: rows, columns: numericColumns.count, storage: storage), numericNames: numericColumns.map(\.name),
      categorical: categorical)
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
