import WorkbenchNumerics

/// BIRCH: the rows summarised one by one in a clustering-feature tree, whose leaf subclusters are then clustered.
///
/// Matches `sklearn.cluster.Birch(threshold, branching_factor, n_clusters)`
/// for the same rows in the same order (the algorithm is deterministic but
/// depends on the order): the same clustering-feature tree (``CFTree``) up
/// to the order of entries, the same subclusters, then — with `k` > 0 —
/// scikit-learn's global step, Ward agglomerative
/// clustering of the subcluster centroids into `k` groups (``Agglomerative``),
/// and every row labelled with the group of its nearest subcluster centroid.
/// With `k` = 0 (scikit-learn's `n_clusters=None`) each subcluster is a
/// cluster. Decisions are computed with scikit-learn's formulas, so they
/// agree wherever exact arithmetic decides them; scikit-learn's BLAS rounds
/// differently, so where two choices tie in exact arithmetic they may go the
/// other way. In practice this shows in splits: the farthest pair, taken in
/// whichever orientation rounds larger, decides which half keeps the old
/// entry's place, so the same subclusters can be listed in another order (on
/// every fixture, blobs, a grid with duplicates, Iris and Wine, the
/// subclusters and the partition are scikit-learn's).
///
/// scikit-learn's `compute_labels` is not a parameter: a trial always labels
/// its rows (`compute_labels=True`), and the labels are what
/// ``predict(model:input:)`` gives the same rows, so there is nothing to turn off.
///
/// The model keeps the subcluster centroids and their labels; ``predict(model:input:)``
/// labels a new row with its nearest centroid's label, as scikit-learn's
/// `predict` does, and the fit rows get their fit labels back.
///
/// Edge cases: fewer rows than `k` throws ``FitError/insufficientSamples(rows:required:detail:)``
/// (scikit-learn warns and keeps fewer clusters); fewer subclusters than `k`
/// (a large threshold, duplicate rows) makes each subcluster a cluster, with a
/// note, as scikit-learn does with its warning; a group of subclusters nearest
/// to no row is dropped (so every label is used), with a note.
/// Postconditions: labels are `0..<clusterCount`, every label is used.
/// - Complexity: O(rows · depth · branching_factor · columns) for the tree,
///   O(subclusters² · columns) for the global step, O(rows · subclusters · columns)
///   for the labels; O(subclusters · columns) memory besides the data.
/// - SeeAlso: Zhang, Ramakrishnan & Livny, "BIRCH: an efficient data clustering method for very large databases", SIGMOD 1996.
public struct Birch: ClusteringAlgorithm {
  public static let name = "birch"
  public static let summary =
    "BIRCH (scikit-learn's Birch): a clustering-feature tree of subclusters, then Ward clustering of their centroids into k clusters."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec(
      "threshold", .real(minimum: 0, maximum: 1e100, openMinimum: true), default: 0.5,
      "Largest radius a subcluster may reach by absorbing a row; smaller values make more subclusters."),
    ParameterSpec("branching_factor", .integer(minimum: 2, maximum: 10_000), default: 50, "Most subclusters per tree node; a fuller node splits in two."),
    ParameterSpec(
      "k", .integer(minimum: 0, maximum: 10_000), default: 3,
      "Number of clusters (scikit-learn's n_clusters), from Ward clustering of the subcluster centroids; 0 = every subcluster is a cluster."),
  ]
  public static let capabilities = AlgorithmCapabilities(
    usesRandomness: false, producesNoise: false, requiresClusterCount: true, orderInvariant: false, canPredict: true)

  /// The largest subcluster radius (`threshold`).
  public let threshold: Double
  /// The most entries per node (`branching_factor`).
  public let branchingFactor: Int
  /// Clusters of the global step, 0 for none (`k`).
  public let clusterCount: Int

  public init(validated parameters: Parameters) throws {
    threshold = parameters.real("threshold")
    branchingFactor = parameters.int("branching_factor")
    clusterCount = parameters.int("k")
  }

  public func fit(_ input: ClusteringInput, context: FitContext) throws -> Clustering {
    let x = try input.numericOnly(for: Self.name)
    let required = max(clusterCount, 1)
    guard x.rows >= required else {
      throw FitError.insufficientSamples(rows: x.rows, required: required, detail: "birch with k = \(clusterCount) needs at least k rows")
    }
    try DistanceRange.check(x, algorithm: Self.name)
    var tree = CFTree(threshold: threshold, branchingFactor: branchingFactor, columns: x.columns)
    for r in 0..<x.rows {
      if r % 1024 == 0 { try context.checkCancellation() }
      tree.insert(x.rowArray(r))
    }
    let centroids = Matrix(tree.subclusterCentroids)
    var notes: [String] = []
    var groups = Array(0..<centroids.rows)
    if clusterCount > 0 && centroids.rows >= clusterCount {
      groups = try Agglomerative.wardTree(centroids, context: context).labels(clusterCount: clusterCount)
    } else if clusterCount > 0 {
      notes.append(
        "birch found \(centroids.rows) subclusters, fewer than k = \(clusterCount), so each is a cluster; a smaller threshold makes more")
    }
    let full = NearestRowModel(rows: centroids, labels: groups, metric: .euclidean)
    let (model, labels) = Self.droppingUnusedGroups(of: full, labels: try full.labels(for: x), notes: &notes)
    for note in notes { context.log(.note(note)) }
    return Clustering(
      labels: labels, clusterCount: (labels.max() ?? -1) + 1, model: model.json, diagnostics: Diagnostics(notes: notes))
  }

  /// `model` without the subclusters whose group labels none of `labels` (the rows' labels from `model`), and the
  /// labels renumbered to match, groups in order of their first subcluster.
  ///
  /// A row's nearest subcluster belongs to a group the row uses, so dropping
  /// the others changes no row's label, and every label of the result is used.
  static func droppingUnusedGroups(of model: NearestRowModel, labels: [Int], notes: inout [String]) -> (NearestRowModel, [Int]) {
    var used = Array(repeating: false, count: (model.labels.max() ?? -1) + 1)
    for label in labels { used[label] = true }
    guard used.contains(false) else { return (model, labels) }
    var renumbered = Array(repeating: -1, count: used.count)
    var next = 0
    var keep: [Int] = []
    for (i, label) in model.labels.enumerated() where used[label] {
      if renumbered[label] < 0 {
        renumbered[label] = next
        next += 1
      }
      keep.append(i)
    }
    notes.append("\(used.count - next) of \(used.count) clusters were nearest to no row and were dropped")
    let kept = NearestRowModel(rows: model.rows.selecting(rows: keep), labels: keep.map { renumbered[model.labels[$0]] }, metric: model.metric)
    return (kept, labels.map { renumbered[$0] })
  }

  /// Labels each row with the label of its nearest subcluster centroid (see ``NearestRowModel``).
  public static func predict(model: JSONValue, input: ClusteringInput) throws -> Prediction {
    Prediction(labels: try NearestRowModel(model, owner: "\(name) model").labels(for: input.numericOnly(for: name)))
  }
}
