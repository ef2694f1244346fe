import WorkbenchNumerics

/// The shared space in which every trial of a run is scored for ranking (see ``EvaluationSpec``).
///
/// The standardized space is built from the dataset's feature and
/// categorical columns, independently of every pipeline: each numeric column
/// has its missing cells filled with its median and is centred and divided by
/// its population standard deviation (a constant column keeps scale 1, as
/// scikit-learn's StandardScaler); each categorical column has its missing
/// cells filled with its most frequent label (ties to the first in sorted
/// order) and becomes one indicator per sorted label, multiplied by the
/// categorical weight. A named pipeline's space is that pipeline's output,
/// fitted once.
public struct EvaluationSpace: Sendable {
  /// The space's name, as records and leaderboards show it.
  public let name: String
  /// One row per space row.
  public let matrix: Matrix
  /// For each dataset row, its row in ``matrix``; `nil` for rows the space lacks (a named pipeline excluded them).
  public let rowOfDatasetRow: [Int?]

  /// The standardized space of `table` (every column of it), with one-hot indicators scaled by `categoricalWeight`.
  public static func standardized(_ table: DataTable, categoricalWeight: Double) -> EvaluationSpace {
    let parts = Parallel.map(count: table.columns.count) { c -> [[Double]] in
      let column = table.columns[c]
      if let values = column.numbers { return [standardizedColumn(values)] }
      return column.labels.map { indicatorColumns($0, weight: categoricalWeight) } ?? []
    }
    let columns = parts.flatMap { $0 }
    let rows = table.rowCount
    return EvaluationSpace(name: EvaluationSpec.Space.standardized.name, matrix: Matrix.fromColumns(columns, rows: rows).matrix, rowOfDatasetRow: Array(0..<rows))
  }

  /// The space of a fitted pipeline's output `x`, whose row `i` is dataset row `datasetRows[i]` of `rowCount`.
  public static func pipeline(named name: String, output x: Matrix, datasetRows: [Int], rowCount: Int) -> EvaluationSpace {
    var rowOf = [Int?](repeating: nil, count: rowCount)
    for (i, row) in datasetRows.enumerated() { rowOf[row] = i }
    return EvaluationSpace(name: name, matrix: x, rowOfDatasetRow: rowOf)
  }

  /// The space's rows for a clustering of `datasetRows` with `labels`, restricted to rows the space has.
  ///
  /// When those are every row of the space in order (a trial that excluded no row, in the standardized space), the
  /// matrix itself is returned instead of a copy.
  public func restricted(to datasetRows: [Int], labels: [Int]) -> (features: Matrix, labels: [Int]) {
    if datasetRows.count == matrix.rows, datasetRows.indices.allSatisfy({ rowOfDatasetRow[datasetRows[$0]] == $0 }) {
      return (matrix, labels)
    }
    var rows: [Int] = []
    var kept: [Int] = []
    for (row, label) in zip(datasetRows, labels) {
      guard let r = rowOfDatasetRow[row] else { continue }
      rows.append(r)
      kept.append(label)
    }
    return (matrix.selecting(rows: rows), kept)
  }

  /// Median-imputed, centred values over the population standard deviation (scale 1 when constant).
  ///
  /// The moments are ``ColumnMoments``' (the standard scaler's), so a column at any finite scale, up to ±1.8e308,
  /// standardises without overflowing.
  static func standardizedColumn(_ values: [Double]) -> [Double] {
    var filled = values
    if values.contains(where: \.isNaN) {
      let median = Quantile.linear(values, 0.5) ?? 0
      filled = values.map { $0.isNaN ? median : $0 }
    }
    guard let moments = ColumnMoments(filled) else { return filled }
    let scale = moments.isConstant || !(moments.standardDeviation > 0) ? 1 : moments.standardDeviation
    return filled.map { v in
      let centred = (v - moments.mean) / scale
      return centred.isFinite ? centred : v / scale - moments.mean / scale
    }
  }

  /// One indicator column per sorted label (missing labels filled with the most frequent), times `weight`.
  static func indicatorColumns(_ labels: [String?], weight: Double) -> [[Double]] {
    var counts: [String: Int] = [:]
    for label in labels { if let label { counts[label, default: 0] += 1 } }
    let levels = counts.keys.sorted()
    let mostFrequent = levels.max { counts[$0]! < counts[$1]! || (counts[$0]! == counts[$1]! && $0 > $1) }
    let filled = labels.map { $0 ?? mostFrequent }
    return levels.map { level in filled.map { $0 == level ? weight : 0 } }
  }
}
