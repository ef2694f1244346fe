import WorkbenchNumerics

/// The components a ``PCA`` step learned.
public struct FittedPCA: FittedPreprocessor, Equatable {
  /// The projected columns, in order.
  public let columnNames: [String]
  /// The fit mean of each projected column (sklearn `mean_`).
  public let means: [Double]
  /// `components × columns`, unit rows, largest-magnitude entry positive (sklearn `components_`).
  public let components: Matrix
  /// Variance of each kept component's scores (sklearn `explained_variance_`).
  public let explainedVariance: [Double]
  /// Explained-variance ratio of every component, kept or not.
  public let allVarianceRatios: [Double]
  /// Whether scores are divided by the square root of their variance.
  public let whiten: Bool

  /// The output column names `pc1`, `pc2`, ….
  public var outputNames: [String] { (0..<components.rows).map { "pc\($0 + 1)" } }

  /// Replaces the projected columns of `table` by the component scores, placed where the first projected column stood.
  public func transform(_ table: DataTable) throws -> DataTable {
    let x = try FeatureColumns.numericValues(columnNames, of: table, for: PCA.name)
    let rows = table.rowCount
    var scores: [Column] = []
    for k in 0..<components.rows {
      var out = [Double](repeating: 0, count: rows)
      for r in 0..<rows {
        var s = 0.0
        for j in 0..<columnNames.count { s += (x[j][r] - means[j]) * components[k, j] }
        out[r] = whiten ? s / explainedVariance[k].squareRoot() : s
      }
      scores.append(.numeric("pc\(k + 1)", out))
    }
    var columns: [Column] = []
    var placed = false
    for column in table.columns {
      guard columnNames.contains(column.name) else {
        columns.append(column)
        continue
      }
      if !placed { columns.append(contentsOf: scores) }
      placed = true
    }
    return table.replacingColumns(columns)
  }

  /// The fitted model, read back by ``PCA/restore(state:)``.
  public var state: JSONValue {
    [
      "columns": SavedState.encode(columnNames), "mean": SavedState.encode(means), "components": SavedState.encode(components),
      "explained_variance": SavedState.encode(explainedVariance), "all_explained_variance_ratio": SavedState.encode(allVarianceRatios),
      "whiten": .bool(whiten),
    ]
  }

  /// `{"n_components", "explained_variance_ratio", "cumulative_variance_ratio", "loadings": {pc: {column: weight}}}`.
  public var summary: JSONValue? {
    let kept = Array(allVarianceRatios.prefix(components.rows))
    var cumulative: [Double] = []
    for r in kept { cumulative.append((cumulative.last ?? 0) + r) }
    var loadings: [String: JSONValue] = [:]
    for (k, name) in outputNames.enumerated() { loadings[name] = FeatureColumns.byColumn(columnNames, components.rowArray(k)) }
    return [
      "n_components": .int(components.rows), "explained_variance_ratio": SavedState.encode(kept),
      "cumulative_variance_ratio": SavedState.encode(cumulative), "explained_variance": SavedState.encode(explainedVariance),
      "loadings": .object(loadings),
    ]
  }
}
