import WorkbenchNumerics

/// OPTICS: an ordering of the rows with each row's reachability distance, cut into clusters by the ξ-steep method or at a DBSCAN radius (scikit-learn's `OPTICS`).
///
/// Core distance = distance to the `min_samples`-th nearest row (itself
/// included), +∞ beyond `max_eps`; the ordering visits, each time, the
/// unprocessed row with the smallest reachability (ties to the lowest row),
/// and a visited core row offers max(core, distance) to every unprocessed
/// row within `max_eps` (``NeighborIndex/reachabilityPlot(coreDistances:maxDistance:rounding:)``).
/// Core and reachability distances are rounded to 15 decimals as
/// scikit-learn does (`np.around`), so near-equal values tie as they do
/// there. Clusters: `cluster_method` "xi" (``xiClusters(reachability:predecessor:ordering:)``,
/// `xi`, `min_cluster_size`, `predecessor_correction`) or "dbscan"
/// (`cluster_optics_dbscan` at `eps`). Matches `sklearn.cluster.OPTICS`:
/// `ordering_`, `reachability_`, `core_distances_`, `predecessor_` and `labels_`.
///
/// The reachability plot (ordering, reachability and core distance by
/// position in the ordering, predecessors) is saved as
/// ``Clustering/hierarchy`` for the report (`null` for +∞).
///
/// Edge cases: fewer rows than `min_samples` (or than `min_cluster_size`)
/// throws ``FitError/insufficientSamples(rows:required:detail:)``; all noise is
/// a valid result with 0 clusters. OPTICS has no model for new rows.
/// - Complexity: O(rows · log rows) for the index and core distances; the ordering
///   is sequential and O(rows²) distances at worst (scikit-learn's always, with
///   the default `max_eps`), far fewer on clustered data thanks to subtree bounds;
///   the ξ extraction is O(rows) plus its predecessor correction; O(rows) memory.
/// - SeeAlso: Ankerst, Breunig, Kriegel & Sander, "OPTICS: ordering points to identify
///   the clustering structure", SIGMOD 1999; Schubert & Gertz, "Improving the cluster
///   structure extracted from OPTICS plots", LWDA 2018.
public struct OPTICS: ClusteringAlgorithm, CommonCheckTuning {
  public static let name = "optics"
  public static let summary =
    "OPTICS (scikit-learn's semantics): a reachability ordering of the rows cut by the xi-steep method or at a DBSCAN eps; noise -1; no k."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec("min_samples", .integer(minimum: 2, maximum: 1_000_000), default: 5, "Rows (itself included) defining a row's core distance."),
    ParameterSpec(
      "max_eps", .oneOf([.choice(["inf"]), .real(minimum: 0, maximum: 1e12, openMinimum: true)]), default: "inf",
      "Largest distance searched (\"inf\": every row, as scikit-learn's default); smaller is faster and turns more rows into noise."),
    ParameterSpec(
      "metric", .choice(NeighborMetric.allCases.map(\.rawValue)), default: .string(NeighborMetric.euclidean.rawValue),
      "Distance: \"euclidean\", \"manhattan\" or \"cosine\" (1 − cosine similarity)."),
    ParameterSpec(
      "cluster_method", .choice(ClusterMethod.allCases.map(\.rawValue)), default: .string(ClusterMethod.xi.rawValue),
      "\"xi\" (steep areas of the reachability plot) or \"dbscan\" (a cut at eps)."),
    ParameterSpec(
      "eps", .oneOf([.choice(["max_eps"]), .real(minimum: 0, maximum: 1e12, openMinimum: true)]), default: "max_eps",
      "The cut for cluster_method \"dbscan\" (at most max_eps), or \"max_eps\"."),
    ParameterSpec("xi", .real(minimum: 0, maximum: 1), default: 0.05, "Minimum steepness of a cluster boundary for cluster_method \"xi\"."),
    ParameterSpec(
      "min_cluster_size", .oneOf([.choice(["min_samples"]), .integer(minimum: 2, maximum: 1_000_000)]), default: "min_samples",
      "Smallest cluster for cluster_method \"xi\", or \"min_samples\" for the same value."),
    ParameterSpec(
      "predecessor_correction", .boolean, default: true, "Correct \"xi\" clusters by the predecessors (Schubert & Gertz 2018)."),
  ]
  public static let capabilities = AlgorithmCapabilities(
    usesRandomness: false, producesNoise: true, requiresClusterCount: false, orderInvariant: false, canPredict: false)
  /// The checks' blobs hold 40 rows each: with the defaults (clusters of 5 rows, ξ = 0.05) ξ splits them into
  /// fragments, as scikit-learn does; clusters of at least 20 rows at a steepness of 0.3 find the blobs.
  public static let checkingParameters: [String: JSONValue] = ["min_samples": 10, "min_cluster_size": 20, "xi": 0.3]

  /// How clusters are cut from the reachability plot (the values of `cluster_method`).
  public enum ClusterMethod: String, Sendable, CaseIterable {
    /// The ξ-steep areas.
    case xi
    /// All rows reachable within `eps`, as DBSCAN at that radius.
    case dbscan
  }

  /// Rows defining a core distance (`min_samples`).
  public let minimumSamples: Int
  /// Largest distance searched (`max_eps`; +∞ by default).
  public let maxDistance: Double
  /// The distance (`metric`).
  public let metric: NeighborMetric
  /// How clusters are cut (`cluster_method`).
  public let clusterMethod: ClusterMethod
  /// The DBSCAN cut (`eps`, `max_eps` when not set).
  public let radius: Double
  /// Minimum steepness (`xi`).
  public let xi: Double
  /// Smallest ξ cluster (`min_cluster_size`; `min_samples` when not set).
  public let minClusterSize: Int
  /// Whether ξ clusters are corrected by predecessors (`predecessor_correction`).
  public let predecessorCorrection: Bool

  public init(validated parameters: Parameters) throws {
    minimumSamples = parameters.int("min_samples")
    maxDistance = parameters.value("max_eps").number ?? .infinity
    metric = parameters.choice("metric")
    clusterMethod = parameters.choice("cluster_method")
    radius = parameters.value("eps").number ?? maxDistance
    xi = parameters.real("xi")
    minClusterSize = parameters.value("min_cluster_size").integer ?? minimumSamples
    predecessorCorrection = parameters.bool("predecessor_correction")
    guard radius <= maxDistance else {
      throw ParameterError(
        parameter: "eps", message: "optics cuts at eps = \(JSONNumber.plain(radius)), beyond max_eps = \(JSONNumber.plain(maxDistance)), where reachability is unknown.",
        fix: "use an eps of at most max_eps, or raise max_eps.")
    }
  }

  public func fit(_ input: ClusteringInput, context: FitContext) throws -> Clustering {
    let x = try input.distanceRows(for: Self.name, metric: metric)
    let required = clusterMethod == .xi ? max(minimumSamples, minClusterSize) : minimumSamples
    guard x.rows >= required else {
      throw FitError.insufficientSamples(
        rows: x.rows, required: required, detail: "optics needs at least min_samples\(clusterMethod == .xi ? " and min_cluster_size" : "") rows")
    }
    let index = NeighborIndex(x, metric: metric)
    let cores = index.distanceToNearest(minimumSamples).map { Self.around($0 > maxDistance ? .infinity : $0) }
    try context.checkCancellation()
    let plot = index.reachabilityPlot(coreDistances: cores, maxDistance: maxDistance, rounding: Self.around)
    try context.checkCancellation()
    let labels: [Int]
    switch clusterMethod {
    case .xi: labels = xiLabels(plot)
    case .dbscan: labels = Self.dbscanLabels(plot, cores: cores, radius: radius)
    }
    let clusterCount = (labels.max() ?? -1) + 1
    let diagnostics = Diagnostics.noise(
      labels: labels, clusterCount: clusterCount, allNoise: "the reachability plot has no cluster under these settings", context: context)
    return Clustering(labels: labels, clusterCount: clusterCount, hierarchy: Self.hierarchy(plot, cores: cores), diagnostics: diagnostics)
  }

  /// NumPy's `np.around(x, 15)`: x · 10¹⁵ rounded half to even, divided by 10¹⁵ (infinities unchanged).
  static func around(_ x: Double) -> Double {
    x.isFinite ? (x * 1e15).rounded(.toNearestOrEven) / 1e15 : x
  }

  /// scikit-learn's `cluster_optics_dbscan`: a new cluster starts at each row in the ordering reached beyond `radius`
  /// whose core distance is within it; rows reached beyond `radius` that are not core within it are noise.
  static func dbscanLabels(_ plot: ReachabilityPlot, cores: [Double], radius: Double) -> [Int] {
    var labels = Array(repeating: 0, count: cores.count)
    var running = 0
    for row in plot.ordering {
      let far = plot.reachability[row] > radius
      if far && cores[row] <= radius { running += 1 }
      labels[row] = far && cores[row] > radius ? -1 : running - 1
    }
    return labels
  }

  /// The reachability plot for the report: `ordering`, then `reachability` and `core_distance` in that order, and
  /// `predecessor` (a row, −1 for none) in that order; +∞ is `null`.
  static func hierarchy(_ plot: ReachabilityPlot, cores: [Double]) -> JSONValue {
    [
      "ordering": SavedState.encode(plot.ordering),
      "reachability": CondensedTree.encode(plot.ordering.map { plot.reachability[$0] }),
      "core_distance": CondensedTree.encode(plot.ordering.map { cores[$0] }),
      "predecessor": SavedState.encode(plot.ordering.map { plot.predecessor[$0] }),
    ]
  }
}
