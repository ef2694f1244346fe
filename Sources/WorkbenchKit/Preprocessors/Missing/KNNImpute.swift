/// Fills missing numeric cells with the (weighted) mean of that column over the nearest complete-enough fit rows.
///
/// Matches `sklearn.impute.KNNImputer(n_neighbors, weights)`: for a row
/// missing column c, the donors are the fit rows where c is present; the
/// distance is sklearn's `nan_euclidean` over the fitted columns present in
/// both rows, `√(columns / shared · Σ shared squared differences)`; the
/// `n_neighbors` nearest donors (fewer if there are fewer) are averaged,
/// uniformly or by inverse distance (a donor at distance 0 takes all the
/// weight). A row that shares no present column with any donor gets the
/// column's fit mean. Distances are computed from differences, not sklearn's
/// dot-product expansion, and ties are broken by fit-row order (sklearn's
/// `argpartition` leaves them unspecified). The fit rows are stored in the state.
///
/// Edge cases: a column with no values is a ``DataError``. Columns follow
/// the ``FeatureColumns`` rule; categorical columns pass through unfilled.
/// - Complexity: O(missing rows · fit rows · columns) to transform; memory O(fit rows · columns).
public struct KNNImpute: Preprocessor {
  /// How donors are weighted.
  public enum Weights: String, Sendable, CaseIterable {
    case uniform
    case distance
  }

  public static let name = "knn-impute"
  public static let summary = "Fill missing numeric cells from the nearest rows (sklearn KNNImputer, nan_euclidean distance)."
  public static let parameters: [ParameterSpec] = [
    FeatureColumns.parameter("impute and measure distance on"),
    ParameterSpec("n_neighbors", .integer(minimum: 1, maximum: 10_000), default: 5, "Number of donor rows averaged."),
    ParameterSpec("weights", .choice(Weights.allCases.map(\.rawValue)), default: "uniform", "Equal weights, or inverse distance."),
  ]

  /// Columns used; empty means all numeric ones.
  public var columns: [String]
  /// Number of donors.
  public var neighbors: Int
  /// Donor weighting.
  public var weights: Weights

  public init(validated: Parameters) {
    columns = validated.textList("columns")
    neighbors = validated.int("n_neighbors")
    weights = validated.choice("weights")
  }

  public static func restore(state: JSONValue) throws -> any FittedPreprocessor {
    let saved = try SavedState(state, owner: "knn-impute step")
    let names = try saved.texts("columns")
    var rows: [[Double]] = []
    for row in try saved.value("fit_rows").array ?? [] {
      guard let cells = row.array, cells.count == names.count, cells.allSatisfy({ $0 == .null || $0.number != nil }) else {
        throw SavedStateError(owner: "knn-impute step", detail: "'fit_rows' is not a list of rows matching 'columns'")
      }
      rows.append(cells.map { $0.number ?? .nan })
    }
    guard let weights = Weights(rawValue: try saved.text("weights")) else { throw SavedStateError(owner: "knn-impute step", detail: "unknown weights") }
    return FittedKNNImpute(
      columnNames: names, fitRows: rows, neighbors: try saved.int("n_neighbors"), weights: weights,
      filledCells: try saved.int("filled_cells"), meanFilledCells: try saved.int("mean_filled_cells"))
  }

  /// Stores the fit rows and counts the cells a transform of `table` fills.
  public func fit(_ table: DataTable, context: FitContext) throws -> any FittedPreprocessor {
    let names = try FeatureColumns.numericTargets(columns, in: table, for: Self.name)
    let values = try FeatureColumns.numericValues(names, of: table, for: Self.name)
    try FeatureColumns.requireSafeMagnitudes(names, values, in: table, for: Self.name)
    for (name, x) in zip(names, values) where !x.contains(where: { !$0.isNaN }) {
      throw FeatureColumns.allMissing(name, in: table, for: Self.name, fix: "drop it from data.features or leave it out of 'columns'.")
    }
    let rows = (0..<table.rowCount).map { r in values.map { $0[r] } }
    let probe = FittedKNNImpute(columnNames: names, fitRows: rows, neighbors: neighbors, weights: weights, filledCells: 0, meanFilledCells: 0)
    let (_, filled, meanFilled) = probe.imputed(values)
    return FittedKNNImpute(
      columnNames: names, fitRows: rows, neighbors: neighbors, weights: weights, filledCells: filled, meanFilledCells: meanFilled)
  }
}
