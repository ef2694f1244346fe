import WorkbenchNumerics

/// HDBSCAN: the clusters that persist longest as a density threshold sweeps down, with noise (scikit-learn's `HDBSCAN`).
///
/// Each row's core distance is the distance to its `min_samples`-th
/// nearest row (itself included); the mutual reachability distance of two
/// rows is max(core(a), core(b), d(a, b)). Its minimum spanning tree
/// (``NeighborIndex/spanningTree(coreDistances:)``, Borůvka over a kd-tree)
/// sorted by weight is a single-linkage dendrogram (``SingleLinkage``),
/// condensed so that splits shedding fewer than `min_cluster_size` rows read
/// as rows falling out (``CondensedTree``); clusters are then chosen by
/// excess of mass or as leaves, optionally merged below
/// `cluster_selection_epsilon` and capped at `max_cluster_size`. Matches
/// `sklearn.cluster.HDBSCAN` (labels and `probabilities_`) up to label
/// numbering; where mutual reachability weights tie, several spanning trees
/// are minimal and a row joining two groups at exactly the same height may
/// go to either (scikit-learn's choice follows its Prim order and NumPy's
/// unstable sort).
///
/// Also recorded: per-row `probability` (membership strength) and
/// `outlier_score` (GLOSH, as the `hdbscan` library's `outlier_scores_`) in
/// ``Clustering/rowScores``, and the condensed tree in
/// ``Clustering/hierarchy``. `predict` is the `hdbscan` library's
/// `approximate_predict`: a new row joins the tree beside its nearest
/// mutual-reachability neighbour among its 2·`min_samples` nearest fit rows.
///
/// Edge cases: fewer than 2 rows, or fewer rows than `min_samples`, throws
/// ``FitError/insufficientSamples(rows:required:detail:)``; when no cluster
/// survives every row is noise (0 clusters, a valid result with a note).
/// - Complexity: O(rows · log rows) to index; O(rows · min_samples · log rows) for the
///   core distances; O(log rows) Borůvka rounds of one pruned nearest-neighbour
///   search per row; O(rows) for the trees; O(rows) memory beyond the data.
/// - SeeAlso: Campello, Moulavi & Sander, "Density-based clustering based on hierarchical
///   density estimates", PAKDD 2013; McInnes & Healy, "Accelerated hierarchical density
///   clustering", ICDMW 2017.
public struct HDBSCAN: ClusteringAlgorithm, CommonCheckTuning {
  public static let name = "hdbscan"
  public static let summary =
    "HDBSCAN (scikit-learn's semantics): the most persistent clusters of a density hierarchy, noise -1, membership probabilities and GLOSH outlier scores; no k."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec("min_cluster_size", .integer(minimum: 2, maximum: 1_000_000), default: 5, "Smallest group of rows that counts as a cluster."),
    ParameterSpec(
      "min_samples", .oneOf([.choice(["min_cluster_size"]), .integer(minimum: 1, maximum: 1_000_000)]), default: "min_cluster_size",
      "Rows (itself included) defining a row's core distance, or \"min_cluster_size\" for the same value. Larger is more conservative (more noise)."),
    ParameterSpec(
      "cluster_selection_method", .choice(CondensedTree.SelectionMethod.allCases.map(\.rawValue)), default: "eom",
      "\"eom\" (excess of mass: the most stable clusters) or \"leaf\" (the finest clusters of the tree)."),
    ParameterSpec(
      "cluster_selection_epsilon", .real(minimum: 0, maximum: 1e12), default: 0.0,
      "Clusters that split below this distance are merged back into their parent; 0 keeps every split."),
    ParameterSpec("allow_single_cluster", .boolean, default: false, "Whether the whole data may be returned as one cluster."),
    ParameterSpec(
      "max_cluster_size", .oneOf([.choice(["none"]), .integer(minimum: 1, maximum: 1_000_000_000)]), default: "none",
      "Largest cluster excess of mass may keep (a larger one gives way to its children), or \"none\" for no limit."),
    ParameterSpec(
      "metric", .choice(NeighborMetric.allCases.map(\.rawValue)), default: .string(NeighborMetric.euclidean.rawValue),
      "Distance: \"euclidean\", \"manhattan\" or \"cosine\" (1 − cosine similarity)."),
  ]
  public static let capabilities = AlgorithmCapabilities(
    usesRandomness: false, producesNoise: true, requiresClusterCount: false, orderInvariant: false, canPredict: true)

  /// Smallest cluster (`min_cluster_size`).
  public let minClusterSize: Int
  /// Rows defining a core distance, itself included (`min_samples`; `nil` = `min_cluster_size`).
  public let minimumSamples: Int?
  /// Excess of mass or leaves (`cluster_selection_method`).
  let selectionMethod: CondensedTree.SelectionMethod
  /// Distance below which splits are ignored (`cluster_selection_epsilon`).
  public let selectionEpsilon: Double
  /// Whether the root may be the one cluster (`allow_single_cluster`).
  public let allowSingleCluster: Bool
  /// Largest cluster excess of mass keeps; `nil` for no limit (`max_cluster_size`).
  public let maxClusterSize: Int?
  /// The distance (`metric`).
  public let metric: NeighborMetric

  public init(validated parameters: Parameters) throws {
    minClusterSize = parameters.int("min_cluster_size")
    minimumSamples = parameters.value("min_samples").integer
    selectionMethod = parameters.choice("cluster_selection_method")
    selectionEpsilon = parameters.real("cluster_selection_epsilon")
    allowSingleCluster = parameters.bool("allow_single_cluster")
    maxClusterSize = parameters.value("max_cluster_size").integer
    metric = parameters.choice("metric")
  }

  /// `min_samples` as used: `min_cluster_size` unless set.
  var effectiveMinimumSamples: Int { minimumSamples ?? minClusterSize }

  public func fit(_ input: ClusteringInput, context: FitContext) throws -> Clustering {
    let x = try input.distanceRows(for: Self.name, metric: metric)
    let samples = effectiveMinimumSamples
    guard x.rows >= max(2, samples) else {
      throw FitError.insufficientSamples(
        rows: x.rows, required: max(2, samples), detail: "hdbscan needs at least 2 rows and at least min_samples = \(samples)")
    }
    let index = NeighborIndex(x, metric: metric)
    let bothCores = index.distancesToNearest([samples, Self.predictionSamples(samples)])
    let cores = bothCores.map { $0[0] }
    try context.checkCancellation()
    let linkage = SingleLinkage(edges: index.spanningTree(coreDistances: cores), rows: x.rows)
    try context.checkCancellation()
    let tree = CondensedTree(linkage: linkage, minClusterSize: minClusterSize)
    let selected = tree.selectedClusters(
      method: selectionMethod, allowSingleCluster: allowSingleCluster, epsilon: selectionEpsilon, maxClusterSize: maxClusterSize ?? 0)
    let labels = tree.labels(selected: selected, allowSingleCluster: allowSingleCluster, epsilon: selectionEpsilon)
    let probabilities = tree.probabilities(labels: labels, selected: selected)
    let (compact, clusterCount) = Self.consecutive(labels)
    let diagnostics = Diagnostics.noise(
      labels: compact, clusterCount: clusterCount,
      allNoise: "no cluster of at least min_cluster_size = \(minClusterSize) rows persists; lower min_cluster_size or min_samples, or set allow_single_cluster",
      context: context)
    return Clustering(
      labels: compact, clusterCount: clusterCount,
      model: model(rows: x, predictionCores: bothCores.map { $0[1] }, tree: tree, labels: labels),
      rowScores: [RowScore(name: "probability", values: probabilities), RowScore(name: "outlier_score", values: tree.outlierScores)],
      hierarchy: tree.json, diagnostics: diagnostics)
  }

  /// `labels` renumbered `0..<count` in increasing order of the old label, with the count: a selected cluster
  /// may keep no row (the single-cluster rule), and every label must be used.
  static func consecutive(_ labels: [Int]) -> (labels: [Int], count: Int) {
    var newLabel = Array(repeating: -1, count: (labels.max() ?? -1) + 1)
    for label in labels where label >= 0 { newLabel[label] = 0 }
    var next = 0
    for label in newLabel.indices where newLabel[label] == 0 {
      newLabel[label] = next
      next += 1
    }
    return (labels.map { $0 >= 0 ? newLabel[$0] : -1 }, next)
  }
}
