import WorkbenchNumerics

/// DBSCAN: clusters are regions where rows have at least `min_samples` rows (themselves included) within `eps`.
///
/// A row with at least `min_samples` rows within distance `eps` (≤, itself
/// counted) is a *core* row; core rows within `eps` of one another share a
/// cluster; a non-core row within `eps` of a core row is a *border* row of
/// one of those clusters, and every other row is noise (−1). Matches
/// `sklearn.cluster.DBSCAN(eps, min_samples, metric)` label for label up to
/// the numbering: clusters are numbered by their lowest core row, and a
/// border row near several clusters joins the one with the smallest number,
/// which is the cluster scikit-learn's depth-first search (`_dbscan_inner`,
/// clusters started in row order) reaches it from first.
///
/// Unlike scikit-learn, no neighbourhood is ever stored: core rows are found
/// by counting neighbours up to `min_samples`, clusters by a component
/// search that needs one edge per merge (``NeighborIndex/components(within:members:)``),
/// border rows by the smallest cluster within `eps`. Memory is O(rows)
/// beyond the data, where scikit-learn keeps every neighbourhood (gigabytes
/// at 100,000 rows with a generous `eps`).
///
/// Edge cases: no rows throws ``FitError/insufficientSamples(rows:required:detail:)``;
/// when no row is core every row is noise and the clustering has 0 clusters
/// (valid; metrics that compare clusters then report why they are undefined);
/// under cosine an all-zero row fails the fit (``ClusteringInput/distanceRows(for:metric:)``).
/// `predict` gives a new row the cluster of its nearest core row when that
/// row is within `eps` (ties to the lowest core row), else noise: fit rows
/// get their fit labels back, except a border row whose nearest core row is
/// in another of its clusters than the smallest.
/// - Complexity: O(rows · log rows) to index; about O(rows · (log rows + min_samples))
///   to count; the component rounds cost about a nearest-neighbour search per core
///   row per round (at most log₂ rows rounds); O(rows) memory.
/// - SeeAlso: Ester, Kriegel, Sander & Xu, "A density-based algorithm for discovering
///   clusters in large spatial databases with noise", KDD 1996.
public struct DBSCAN: ClusteringAlgorithm, CommonCheckTuning {
  public static let name = "dbscan"
  public static let summary =
    "DBSCAN (scikit-learn's semantics): dense regions of at least min_samples rows within eps are clusters, sparse rows noise (-1); no k."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec(
      "eps", .real(minimum: 0, maximum: 1e12, openMinimum: true), default: 0.5,
      "Neighbourhood radius: rows within this distance (inclusive) are neighbours. On standardised features 0.3 to 1 is typical."),
    ParameterSpec(
      "min_samples", .integer(minimum: 1, maximum: 1_000_000), default: 5,
      "Rows (the row itself included) within eps that make a row a core row."),
    ParameterSpec(
      "metric", .choice(NeighborMetric.allCases.map(\.rawValue)), default: .string(NeighborMetric.euclidean.rawValue),
      "Distance: \"euclidean\", \"manhattan\" or \"cosine\" (1 − cosine similarity)."),
  ]
  public static let capabilities = AlgorithmCapabilities(
    usesRandomness: false, producesNoise: true, requiresClusterCount: false, orderInvariant: false, canPredict: true)
  /// The blobs of the common checks have a spread of 0.5: an `eps` of 1.5 joins each blob and keeps blobs apart.
  public static let checkingParameters: [String: JSONValue] = ["eps": 1.5]
  /// `eps` is a distance in the data's own units (as in scikit-learn), so blobs × 1e50 need `eps` × 1e50.
  public static let expectedCheckFailures = ["extremeScales": "eps is a distance in the data's units: the blobs × 1e50 need an eps 1e50 times larger"]

  /// Neighbourhood radius (`eps`).
  public let radius: Double
  /// Rows within `eps` that make a core row, itself included (`min_samples`).
  public let minimumSamples: Int
  /// The distance (`metric`).
  public let metric: NeighborMetric

  public init(validated parameters: Parameters) throws {
    radius = parameters.real("eps")
    minimumSamples = parameters.int("min_samples")
    metric = parameters.choice("metric")
  }

  public func fit(_ input: ClusteringInput, context: FitContext) throws -> Clustering {
    let x = try input.distanceRows(for: Self.name, metric: metric)
    guard x.rows >= 1 else { throw FitError.insufficientSamples(rows: 0, required: 1, detail: "dbscan needs at least one row") }
    let index = NeighborIndex(x, metric: metric)
    let counts = index.counts(within: radius, limit: minimumSamples)
    let isCore = counts.map { $0 >= minimumSamples }
    try context.checkCancellation()
    var labels = index.components(within: radius, members: isCore)
    try context.checkCancellation()
    let clusterCount = (labels.max() ?? -1) + 1
    let others = labels.indices.filter { !isCore[$0] && counts[$0] > 1 }
    for (row, label) in zip(others, index.smallestLabel(within: radius, labels: labels, for: others)) { labels[row] = label }
    let cores = labels.indices.filter { isCore[$0] }
    let diagnostics = Diagnostics.noise(
      labels: labels, clusterCount: clusterCount,
      allNoise: "no row has \(minimumSamples) rows within eps = \(JSONNumber.plain(radius)); raise eps or lower min_samples", context: context)
    let model: JSONValue = [
      "metric": .string(metric.rawValue), "eps": .double(radius), "columns": .int(x.columns),
      "core_rows": SavedState.encode(x.selecting(rows: cores)), "core_labels": SavedState.encode(cores.map { labels[$0] }),
    ]
    return Clustering(labels: labels, clusterCount: clusterCount, model: model, diagnostics: diagnostics)
  }

  /// Labels new rows: the cluster of the nearest core row when it lies within `eps` (ties to the lowest core row), else −1.
  public static func predict(model: JSONValue, input: ClusteringInput) throws -> Prediction {
    let saved = try SavedState(model, owner: "dbscan model")
    let metric = try saved.neighborMetric()
    let radius = try saved.real("eps")
    let columns = try saved.int("columns")
    let coreLabels = try saved.ints("core_labels")
    let x = try input.distanceRows(for: name, metric: metric)
    guard x.columns == columns else { throw FitError.degenerate("the dbscan model has \(columns) features but the new rows have \(x.columns)") }
    guard !coreLabels.isEmpty else { return Prediction(labels: Array(repeating: -1, count: x.rows)) }
    let cores = try saved.matrix("core_rows")
    guard cores.rows == coreLabels.count, cores.columns == columns else {
      throw SavedStateError(owner: "dbscan model", detail: "'core_rows' does not hold one row of \(columns) values per core label")
    }
    let nearest = NeighborIndex(cores, metric: metric).nearest(1, of: x)
    return Prediction(labels: nearest.map { $0[0].distance <= radius ? coreLabels[$0[0].index] : -1 })
  }
}
