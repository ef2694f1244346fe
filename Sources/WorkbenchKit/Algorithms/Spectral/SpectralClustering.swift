import WorkbenchNumerics

/// Spectral clustering on a k-nearest-neighbour graph: k-means on the rows' coordinates in the graph's smoothest eigenvectors.
///
/// Follows `sklearn.cluster.SpectralClustering(affinity="nearest_neighbors",
/// n_neighbors, assign_labels="kmeans", n_init)`: the affinity is
/// ½ (C + Cᵀ) with C(i, j) = 1 when j is among the `n_neighbors` nearest rows
/// of i (i itself included); the embedding is the k eigenvectors of the
/// normalized Laplacian L = I − D^(−1/2) W D^(−1/2) (self-loops ignored, as
/// scipy's `csgraph.laplacian`) with the smallest eigenvalues, each divided by
/// √degree and its sign fixed so its largest entry is positive (scikit-learn's
/// `spectral_embedding`); k-means (greedy k-means++, `n_init` runs) labels the
/// embedded rows. The eigenvectors come from the workbench's own LOBPCG
/// (``LOBPCG``, as the largest eigenvalues of D^(−1/2) W D^(−1/2)), where
/// scikit-learn uses ARPACK; both are exact to rounding, but a repeated
/// eigenvalue (a graph with several components) has no unique eigenvectors
/// and k-means starts from other draws, so the partition — not the embedding —
/// is what agrees with scikit-learn (the fixtures check the partition and the
/// eigenvalues to 1e-8).
///
/// Edge cases: fewer rows than `k` or than `n_neighbors` throws
/// ``FitError/insufficientSamples(rows:required:detail:)`` (scikit-learn
/// raises); a graph of up to k components is noted (scikit-learn warns), and
/// works: its components separate in the embedding; a graph of more than k
/// components throws ``FitError/degenerate(_:)`` (the eigenvalue 0 then has
/// more eigenvectors than k, any k of them mix the components arbitrarily, and
/// scikit-learn's partition is as arbitrary as ours); LOBPCG stopping before its tolerance
/// is noted. Cannot label new rows (scikit-learn's SpectralClustering has no `predict`).
/// - Complexity: O(rows · log rows · n_neighbors) for the graph, O(iterations ·
///   rows · (n_neighbors · b + b²)) for the eigenvectors with a block of b = 2k + 4
///   vectors, then k-means; O(rows · (n_neighbors + b)) memory.
/// - SeeAlso: von Luxburg, "A tutorial on spectral clustering", Statistics and Computing 2007;
///   Shi & Malik, "Normalized cuts and image segmentation", IEEE TPAMI 2000.
public struct SpectralClustering: ClusteringAlgorithm {
  public static let name = "spectral"
  public static let summary =
    "Spectral clustering (scikit-learn's SpectralClustering, nearest-neighbours affinity): k-means on the smoothest eigenvectors of the k-NN graph's normalized Laplacian."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec("k", .integer(minimum: 1, maximum: 1_000), default: 8, "Number of clusters (and of eigenvectors)."),
    ParameterSpec(
      "n_neighbors", .integer(minimum: 1, maximum: 10_000), default: 10,
      "Nearest rows (the row itself included) joined to each row in the affinity graph."),
    ParameterSpec("n_init", .integer(minimum: 1, maximum: 1_000), default: 10, "Seeded k-means runs on the embedding; the lowest inertia is kept."),
  ]
  public static let capabilities = AlgorithmCapabilities(
    usesRandomness: true, producesNoise: false, requiresClusterCount: true, orderInvariant: false, canPredict: false)

  /// Residual norm at which an eigenvector counts as converged.
  static let eigenTolerance = 1e-9
  /// Most LOBPCG iterations.
  static let eigenIterations = 3_000

  /// Clusters and eigenvectors (`k`).
  public let clusterCount: Int
  /// Neighbours per row in the graph (`n_neighbors`).
  public let neighbors: Int
  /// k-means runs (`n_init`).
  public let runCount: Int

  public init(validated parameters: Parameters) throws {
    clusterCount = parameters.int("k")
    neighbors = parameters.int("n_neighbors")
    runCount = parameters.int("n_init")
  }

  public func fit(_ input: ClusteringInput, context: FitContext) throws -> Clustering {
    let x = try input.numericOnly(for: Self.name)
    guard x.rows >= clusterCount, x.rows >= neighbors else {
      throw FitError.insufficientSamples(
        rows: x.rows, required: max(clusterCount, neighbors),
        detail: "spectral with k = \(clusterCount) and n_neighbors = \(neighbors) needs at least that many rows")
    }
    try DistanceRange.check(x, algorithm: Self.name)
    var seeds = SeededGenerator(seed: context.seed)
    let graph = AffinityGraph(x, neighbors: neighbors)
    guard graph.componentCount <= clusterCount else {
      throw FitError.degenerate(
        "the \(neighbors)-nearest-neighbour graph has \(graph.componentCount) separate components, more than k = \(clusterCount): "
          + "its \(clusterCount) smoothest eigenvectors are an arbitrary mix of the components, so the partition would be arbitrary; "
          + "raise n_neighbors until the graph has at most k components")
    }
    try context.checkCancellation()
    let spectrum = graph.embedding(dimensions: clusterCount, seed: seeds.next())
    var notes: [String] = []
    if graph.componentCount > 1 {
      notes.append("the \(neighbors)-nearest-neighbour graph has \(graph.componentCount) separate components; raise n_neighbors to join them")
    }
    if !spectrum.converged {
      notes.append("the eigenvectors had not converged after \(Self.eigenIterations) LOBPCG iterations; the embedding may be inexact")
    }
    notes.forEach { context.log(.note($0)) }
    let kmeans = KMeans(
      clusterCount: clusterCount, initialization: .seeded(.kMeansPlusPlus), runCount: runCount, maxIterations: 300, tolerance: 1e-4,
      algorithm: .lloyd)
    let inner = FitContext(seed: seeds.next(), isCancelled: context.isCancelled)
    let clustering = try kmeans.fit(ClusteringInput(numeric: spectrum.embedding), context: inner)
    var diagnostics = clustering.diagnostics
    diagnostics.notes = notes + diagnostics.notes
    diagnostics.inertia = nil
    return Clustering(labels: clustering.labels, clusterCount: clustering.clusterCount, diagnostics: diagnostics)
  }
}
