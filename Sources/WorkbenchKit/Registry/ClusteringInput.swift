import WorkbenchNumerics

/// What an algorithm clusters: numeric features as a matrix, categorical features as codes.
///
/// Most algorithms take numbers only and call ``numericOnly(for:)``, which
/// rejects categorical features with a fix; mixed-data algorithms
/// (k-prototypes, Gower k-medoids) read both parts.
public struct ClusteringInput: Sendable, Equatable {
  /// Rows × numeric features, all finite.
  public var numeric: Matrix
  /// Names of the numeric columns.
  public var numericNames: [String]
  /// Categorical features, each with one code per row.
  public var categorical: [CategoricalFeature]

  public init(numeric: Matrix, numericNames: [String]? = nil, categorical: [CategoricalFeature] = []) {
    precondition(categorical.allSatisfy { $0.codes.count == numeric.rows }, "categorical codes must have one entry per row")
    self.numeric = numeric
    self.numericNames = numericNames ?? (0..<numeric.columns).map { "x\($0)" }
    self.categorical = categorical
  }

  /// Number of rows.
  public var rows: Int { numeric.rows }

  /// The numeric matrix, for algorithms that cannot use categorical features; its values must be
  /// inside ``FeatureMagnitude``'s band (see ``requireSafeMagnitudes()``).
  public func numericOnly(for algorithm: String) throws(FitError) -> Matrix {
    guard let first = categorical.first else {
      try requireSafeMagnitudes()
      return numeric
    }
    throw .degenerate(
      "\(algorithm) needs numeric features, but '\(first.name)' is categorical; add a \"one-hot\" step to the pipeline or use a mixed-data algorithm")
  }
}

/// One categorical feature: a code per row indexing its sorted levels.
public struct CategoricalFeature: Sendable, Equatable {
  /// The column name.
  public var name: String
  /// The distinct values, sorted.
  public var levels: [String]
  /// For each row, the index of its value in ``levels``.
  public var codes: [Int]

  public init(name: String, levels: [String], codes: [Int]) {
    self.name = name
    self.levels = levels
    self.codes = codes
  }
}

extension ClusteringInput {
  /// The rows at `indices` (repeats allowed), numeric and categorical parts together.
  public func selecting(rows indices: [Int]) -> ClusteringInput {
    ClusteringInput(
      numeric: numeric.selecting(rows: indices), numericNames: numericNames,
      categorical: categorical.map { feature in CategoricalFeature(name: feature.name, levels: feature.levels, codes: indices.map { feature.codes[$0] }) })
  }
}
