import WorkbenchNumerics

/// Agglomerative (hierarchical) clustering: every row starts alone and the two closest clusters merge until one is left;
/// the tree is then cut into `k` clusters, or where merges reach `distance_threshold`.
///
/// Matches `sklearn.cluster.AgglomerativeClustering` without connectivity
/// (which builds scipy's tree and cuts it with `_hc_cut`): the merge tree is
/// scipy's `linkage(X, method, metric)` — the same merges in the same order,
/// heights to rounding, ties broken by scipy's rule (towards the lower row
/// index; ward compares its costs with other rounding than scipy's matrix, so
/// a tie can still go the other way) — and the partition is scikit-learn's up
/// to the numbering of the clusters. `k` and `distance_threshold` are scikit-learn's `n_clusters` and
/// `distance_threshold`; exactly one is set (0 = not set). A threshold keeps
/// one cluster more than there are merges at or above it.
///
/// Linkages, each with the algorithm that needs the least memory for it:
/// - `"ward"` (Euclidean only): the nearest-neighbour chain over cluster
///   centroids and sizes. The Ward distance of clusters A and B is
///   √(2|A||B| / (|A| + |B|)) · ‖c_A − c_B‖, which is exactly what the
///   Lance–Williams update scipy applies to its distance matrix produces, so
///   no matrix is kept: O(rows · columns) memory. Each chain step scans the
///   live centroids in fixed chunks across the cores (``BlockedPoints/nearestByWardCost(to:atMost:)``).
/// - `"single"`: Prim's minimum spanning tree over the rows, distances computed
///   as needed (O(rows) memory besides the data), as scipy's `mst_single_linkage`.
/// - `"complete"`, `"average"`: scipy's nearest-neighbour chain with
///   Lance–Williams updates on the condensed distance matrix, 8 · n(n − 1)/2
///   bytes. Its size is estimated first and a fit needing more than
///   ``matrixMemoryFraction`` of the machine's memory throws a ``FitError``
///   pointing to ward, single, birch or sampling.
///
/// `metric`: `"euclidean"`, `"manhattan"` or `"cosine"` (not with ward, which is
/// a spec error). Rows that are all zeros cannot be clustered with cosine, as
/// in scikit-learn.
///
/// The tree is saved in scipy's linkage-matrix form in ``Clustering/hierarchy``
/// (``LinkageMatrix``). The model keeps the fit rows and their labels:
/// ``predict(model:input:)`` gives a new row the label of its nearest fit row
/// under the same metric (ties to the first such row), so the fit rows get
/// their labels back unless identical rows were split between clusters.
///
/// Capabilities: no randomness. Not declared order-invariant: without ties
/// the tree does not depend on the row order (ward, complete and single
/// compute every height from the clusters alone, the same bits in any order;
/// average applies its updates in chain order, so its heights move by
/// rounding), but equal distances are resolved by row index, as in scipy.
/// Not declared quadratic (capabilities are per plugin, and the default is
/// ward): ward's time grows with rows² but its memory only with
/// rows × columns; `"complete"` and `"average"` do need the rows × rows
/// matrix, and say so before allocating it when it does not fit.
///
/// Edge cases: fewer rows than `k` throws ``FitError/insufficientSamples(rows:required:detail:)``;
/// values so large that squared distances would overflow throw ``FitError/degenerate(_:)``;
/// identical rows merge at height 0 and are split arbitrarily (by row index)
/// when `k` asks for more clusters than there are distinct rows.
/// Postconditions: labels are `0..<clusterCount`, every label is used.
/// - Complexity: ward and single: O(rows² · columns) time, O(rows · columns) memory;
///   complete and average: O(rows² · columns) time, 8 · rows²/2 bytes.
/// - SeeAlso: Müllner, "Modern hierarchical, agglomerative clustering algorithms", arXiv:1109.2378, 2011.
public struct Agglomerative: ClusteringAlgorithm {
  public static let name = "agglomerative"
  public static let summary =
    "Agglomerative clustering (scikit-learn's AgglomerativeClustering): ward, complete, average or single linkage, cut at k clusters or a distance; scipy's merge tree saved."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec("k", .integer(minimum: 0, maximum: 10_000), default: 2, "Number of clusters (scikit-learn's n_clusters); 0 = not set, distance_threshold cuts the tree."),
    ParameterSpec(
      "distance_threshold", .real(minimum: 0, maximum: 1e100), default: 0.0,
      "Cut where merges reach this linkage distance (one cluster more than the merges at or above it); 0 = not set. Needs k = 0."),
    ParameterSpec(
      "linkage", .choice(Linkage.allCases.map(\.rawValue)), default: .string(Linkage.ward.rawValue),
      "\"ward\" (least within-cluster variance, euclidean only, no matrix), \"complete\" (largest pair distance), \"average\" (mean pair distance) or \"single\" (closest pair, no matrix); complete and average keep the rows × rows matrix."),
    ParameterSpec(
      "metric", .choice(PointMetric.allCases.map(\.rawValue)), default: .string(PointMetric.euclidean.rawValue),
      "Distance between rows: \"euclidean\", \"manhattan\" or \"cosine\" (not with ward)."),
  ]
  public static let capabilities = AlgorithmCapabilities(
    usesRandomness: false, producesNoise: false, requiresClusterCount: true, orderInvariant: false, canPredict: true)

  /// How clusters are compared (the values of `linkage`).
  public enum Linkage: String, Sendable, CaseIterable {
    /// The increase in within-cluster variance (Ward's criterion).
    case ward
    /// The largest distance between members.
    case complete
    /// The mean distance between members (UPGMA).
    case average
    /// The smallest distance between members.
    case single
  }

  /// Where the tree is cut.
  public enum Cut: Sendable, Equatable {
    /// Into this many clusters (`k`).
    case clusters(Int)
    /// Where merges reach this height (`distance_threshold`).
    case threshold(Double)
  }

  /// Where the tree is cut (`k` or `distance_threshold`).
  public let cut: Cut
  /// How clusters are compared (`linkage`).
  public let linkage: Linkage
  /// The distance between rows (`metric`).
  public let metric: PointMetric

  public init(validated parameters: Parameters) throws {
    let k = parameters.int("k"), threshold = parameters.real("distance_threshold")
    linkage = parameters.choice("linkage")
    metric = parameters.choice("metric")
    switch (k, threshold) {
    case (0, 0):
      throw ParameterError(
        parameter: "k", message: "agglomerative needs k or distance_threshold, but both are 0 (not set).",
        fix: "set k to the number of clusters, or set k to 0 and distance_threshold to a linkage distance above 0.")
    case (_, 0): cut = .clusters(k)
    case (0, _): cut = .threshold(threshold)
    default:
      throw ParameterError(
        parameter: "distance_threshold",
        message: "agglomerative takes k or distance_threshold, not both (got k = \(k) and distance_threshold = \(JSONNumber.plain(threshold))).",
        fix: "set k to 0 to cut at the distance threshold, or remove distance_threshold to cut into k clusters.")
    }
    if linkage == .ward && metric != .euclidean {
      throw ParameterError(
        parameter: "metric", message: "ward linkage works only with euclidean distances; got metric \"\(metric.rawValue)\".",
        fix: "use \"metric\": \"euclidean\" with ward, or linkage \"complete\", \"average\" or \"single\" with \(metric.rawValue).")
    }
  }

  public func fit(_ input: ClusteringInput, context: FitContext) throws -> Clustering {
    let x = try input.numericOnly(for: Self.name)
    let required = if case .clusters(let k) = cut { k } else { 1 }
    guard x.rows >= required else {
      throw FitError.insufficientSamples(
        rows: x.rows, required: required, detail: "agglomerative cutting into \(required) clusters needs at least that many rows")
    }
    try DistanceRange.check(x, algorithm: Self.name)
    if metric == .cosine, let zero = (0..<x.rows).first(where: { r in x.row(r).allSatisfy { $0 == 0 } }) {
      throw FitError.degenerate(
        "agglomerative with metric \"cosine\" cannot place row \(zero + 1), whose values are all 0 (it has no direction; scikit-learn refuses it too). "
          + "Fix: use metric \"euclidean\" or \"manhattan\", or remove the all-zero rows")
    }
    let tree: LinkageMatrix
    switch linkage {
    case .ward: tree = try Self.wardTree(x, context: context)
    case .single: tree = try Self.singleTree(x, metric: metric, context: context)
    case .complete, .average: tree = try Self.chainTree(x, linkage: linkage, metric: metric, context: context)
    }
    let clusterCount: Int
    switch cut {
    case .clusters(let k): clusterCount = k
    case .threshold(let t): clusterCount = tree.clusterCount(threshold: t)
    }
    let labels = tree.labels(clusterCount: clusterCount)
    return Clustering(
      labels: labels, clusterCount: clusterCount, model: NearestRowModel(rows: x, labels: labels, metric: metric).json,
      hierarchy: tree.json(adding: ["linkage": .string(linkage.rawValue), "metric": .string(metric.rawValue)]))
  }

  /// Labels each row with the label of its nearest fit row under the fit's metric (see ``NearestRowModel``).
  public static func predict(model: JSONValue, input: ClusteringInput) throws -> Prediction {
    Prediction(labels: try NearestRowModel(model, owner: "\(name) model").labels(for: input.numericOnly(for: name)))
  }
}
