import WorkbenchNumerics

/// Projects numeric columns onto their principal components (`pc1`, `pc2`, …).
///
/// Matches `sklearn.decomposition.PCA(n_components, whiten)` with the
/// `covariance_eigh` solver (what sklearn's "auto" picks for tables with
/// many more rows than columns): the data are centred, the covariance
/// (divisor rows − 1) is decomposed (``SymmetricEigen``), components are
/// ordered by explained variance and signed by sklearn's `svd_flip` rule
/// (the largest-magnitude loading of each component is positive), so
/// components agree with sklearn's including sign. With `variance` = v the
/// fewest leading components whose cumulative explained-variance ratio
/// exceeds v are kept (sklearn's float `n_components`); `whiten` divides each
/// score by the square root of its explained variance.
///
/// At most one of `n_components` and `variance` may be set (0 = not set);
/// with neither, every component is kept (sklearn's `n_components=None`).
/// The components replace the fitted columns where the first of them stood;
/// other columns pass through (``FeatureColumns`` rule).
///
/// Edge cases: missing cells are a ``DataError`` (impute first); fewer than
/// two rows, or `n_components` above the number of fitted columns, is a ``DataError``.
/// - Complexity: O(rows · columns²) for the covariance plus O(columns³) per Jacobi sweep.
public struct PCA: Preprocessor {
  public static let name = "pca"
  public static let summary = "Project numeric columns onto principal components pc1, pc2, … (sklearn PCA)."
  public static let parameters: [ParameterSpec] = [
    FeatureColumns.parameter("project"),
    ParameterSpec("n_components", .integer(minimum: 0, maximum: 100_000), default: 0, "Number of components to keep; 0 = not set (variance decides, or all are kept)."),
    ParameterSpec(
      "variance", .real(minimum: 0, maximum: 1), default: 0.0,
      "Keep the fewest components explaining more than this fraction of the variance, in (0, 1]; 0 = not set."),
    ParameterSpec("whiten", .boolean, default: false, "Scale each component's scores to unit variance."),
  ]

  /// How many components to keep.
  public enum Count: Sendable, Equatable {
    case all
    case fixed(Int)
    case variance(Double)
  }

  /// Columns to project; empty means all numeric ones.
  public var columns: [String]
  /// The number of components, or the variance fraction that decides it.
  public var count: Count
  /// Whether scores are scaled to unit variance.
  public var whiten: Bool

  public init(validated: Parameters) throws {
    columns = validated.textList("columns")
    whiten = validated.bool("whiten")
    let n = validated.int("n_components"), v = validated.real("variance")
    switch (n, v) {
    case (0, 0): count = .all
    case (_, 0): count = .fixed(n)
    case (0, _): count = .variance(v)
    default:
      throw ParameterError(
        parameter: "variance", message: "pca takes n_components or variance, not both (got \(n) and \(JSONNumber.plain(v))).",
        fix: "remove one of them.")
    }
  }

  public static func restore(state: JSONValue) throws -> any FittedPreprocessor {
    let saved = try SavedState(state, owner: "pca step")
    let fitted = FittedPCA(
      columnNames: try saved.texts("columns"), means: try saved.reals("mean"), components: try saved.matrix("components"),
      explainedVariance: try saved.reals("explained_variance"), allVarianceRatios: try saved.reals("all_explained_variance_ratio"),
      whiten: try saved.bool("whiten"))
    guard fitted.components.columns == fitted.columnNames.count, fitted.means.count == fitted.columnNames.count,
      fitted.explainedVariance.count == fitted.components.rows
    else { throw SavedStateError(owner: "pca step", detail: "the components do not match the columns") }
    return fitted
  }

  /// The projected columns replaced by `pc1`…; more components than projected columns is a problem at `n_components`.
  ///
  /// With a `variance` target the number of components depends on the data, so the shape is no longer exact.
  public func shape(after input: FeatureShape) throws(FeatureShape.Problem) -> FeatureShape {
    let targets = input.targets(columns, numeric: true)
    let available = input.rowsExact ? min(targets.count, input.rows) : targets.count
    var kept = available
    switch count {
    case .all: break
    case .fixed(let n):
      if input.isExact, n > targets.count {
        throw FeatureShape.Problem(
          parameter: "n_components",
          message: "pca asks for \(n) components, but only \(targets.count) numeric column\(targets.count == 1 ? "" : "s") reach\(targets.count == 1 ? "es" : "") it (\(MessageText.list(targets))).",
          fix: "use n_components ≤ \(targets.count), or a variance target such as \"variance\": 0.9.")
      }
      kept = n
    case .variance: break
    }
    var out = input.replacing(targets, with: (0..<kept).map { FeatureShape.ShapeColumn(name: "pc\($0 + 1)", isNumeric: true) })
    if case .variance = count { out.isExact = false }
    return out
  }

  /// Learns the mean, the components and their explained variance.
  public func fit(_ table: DataTable, context: FitContext) throws -> any FittedPreprocessor {
    let names = try FeatureColumns.numericTargets(columns, in: table, for: Self.name)
    let values = try FeatureColumns.numericValues(names, of: table, for: Self.name)
    try FeatureColumns.requireSafeMagnitudes(names, values, in: table, for: Self.name)
    let rows = table.rowCount, p = names.count
    for (name, x) in zip(names, values) where x.contains(where: { !$0.isFinite }) {
      throw DataError(
        Location(file: table.sourceName, columnName: name), "column '\(name)' has missing or infinite values, which pca cannot project.",
        fix: "add an impute (or knn-impute) step before pca.")
    }
    guard rows >= 2, p >= 1 else {
      throw DataError(Location(file: table.sourceName), "pca needs at least two rows and one numeric column; got \(rows) and \(p).", fix: "check the earlier steps.")
    }
    let means = values.map { $0.reduce(0, +) / Double(rows) }
    var covariance = Matrix(rows: p, columns: p)
    for i in 0..<p {
      for j in 0...i {
        var sum = 0.0
        for r in 0..<rows { sum += (values[i][r] - means[i]) * (values[j][r] - means[j]) }
        covariance[i, j] = sum / Double(rows - 1)
      }
    }
    let eigen = SymmetricEigen(covariance)
    let variances = eigen.values.map { max($0, 0) }
    let total = variances.reduce(0, +)
    let ratios = variances.map { $0 / total }
    let keep: Int
    switch count {
    case .all: keep = p
    case .fixed(let n):
      guard n <= p else {
        throw DataError(
          Location(file: table.sourceName), "pca asks for \(n) components, but only \(p) numeric columns are projected.",
          fix: "use n_components ≤ \(p), or variance.")
      }
      keep = n
    case .variance(let v):
      var cumulative = 0.0, atMost = 0
      for r in ratios {
        cumulative += r
        if cumulative <= v { atMost += 1 }
      }
      keep = min(atMost + 1, p)
    }
    var components = Matrix(rows: keep, columns: p)
    for k in 0..<keep {
      var largest = 0
      for j in 0..<p where abs(eigen.vectors[j, k]) > abs(eigen.vectors[largest, k]) { largest = j }
      let sign: Double = eigen.vectors[largest, k] < 0 ? -1 : 1
      for j in 0..<p { components[k, j] = sign * eigen.vectors[j, k] }
    }
    return FittedPCA(
      columnNames: names, means: means, components: components, explainedVariance: Array(variances.prefix(keep)),
      allVarianceRatios: ratios, whiten: whiten)
  }
}
