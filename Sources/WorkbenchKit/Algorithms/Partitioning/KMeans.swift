import WorkbenchNumerics

/// k-means (Lloyd's or Elkan's iterations) with greedy k-means++ seeding.
///
/// Partitions rows into `k` clusters minimising the within-cluster sum of
/// squared Euclidean distances (inertia); the best of `n_init` seeded runs
/// (lowest inertia) is kept. Matches `sklearn.cluster.KMeans(algorithm="lloyd")`
/// step for step: greedy k-means++ with `2 + ⌊ln k⌋` local trials, empty
/// clusters moved to the rows farthest from their centers, convergence when
/// the labels stop changing or the total squared center shift is at most
/// `tol` × the mean feature variance, and a final assignment step so labels
/// match the returned centers. From the same explicit centers it gives
/// scikit-learn's labels, centers, inertia and iteration count.
///
/// `algorithm` chooses how each iteration assigns rows: `"lloyd"` measures
/// every row against every center; `"elkan"` (Elkan 2003, as scikit-learn's
/// `_kmeans_single_elkan`) keeps triangle-inequality bounds and skips the
/// distances they rule out. Both give the same labels, centers, inertia and
/// iteration count (see ``KMeans/elkan(_:from:maxIterations:tolerance:workspace:context:)``).
///
/// `n_init` defaults to 10 for every initialisation (scikit-learn's `"auto"`
/// would use 1 for k-means++); explicit centers are deterministic and run once
/// whatever `n_init` says, as scikit-learn does. Each run draws from its own
/// generator, seeded from the trial seed, so results depend only on the seed.
///
/// Edge cases: `k > rows` throws ``FitError/insufficientSamples(rows:required:detail:)``;
/// explicit centers with a column count other than the data's throw
/// ``FitError/degenerate(_:)``; fewer distinct rows than `k` leave fewer
/// clusters, reported in the diagnostics' notes and as a ``FitEvent/note(_:)``.
/// Postconditions: labels are `0..<clusterCount`, every label is used, and
/// `centers` has one row per cluster.
/// - Complexity: O(`n_init` · `max_iter` · rows · k · columns) time,
///   O(rows + k · columns) memory besides the input.
/// - SeeAlso: Arthur & Vassilvitskii, "k-means++: the advantages of careful seeding", SODA 2007.
public struct KMeans: ClusteringAlgorithm {
  public static let name = "kmeans"
  public static let summary = "k-means with greedy k-means++ seeding, Lloyd or Elkan iterations (scikit-learn's KMeans)."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec("k", .integer(minimum: 1, maximum: 10_000), default: 8, "Number of clusters (scikit-learn's n_clusters)."),
    ParameterSpec(
      "init", .oneOf([.choice(Seeding.allCases.map(\.rawValue)), .realMatrix]), default: .string(Seeding.kMeansPlusPlus.rawValue),
      "Initial centers: \"k-means++\" (greedy k-means++), \"random\" (k distinct rows), or explicit centers, one row per cluster."),
    ParameterSpec(
      "n_init", .integer(minimum: 1, maximum: 1_000), default: 10,
      "Seeded runs; the one with the lowest inertia is kept. Explicit centers run once."),
    ParameterSpec("max_iter", .integer(minimum: 1, maximum: 1_000_000), default: 300, "Most Lloyd iterations in one run."),
    ParameterSpec(
      "tol", .real(minimum: 0, maximum: 1), default: 1e-4,
      "Converged when the total squared center shift is at most tol × the mean of the feature variances."),
    ParameterSpec(
      "algorithm", .choice(Algorithm.allCases.map(\.rawValue)), default: .string(Algorithm.lloyd.rawValue),
      "\"lloyd\" (every distance each iteration) or \"elkan\" (triangle-inequality bounds skip distances); same result, Elkan is faster for well-separated clusters."),
  ]
  public static let capabilities = AlgorithmCapabilities(
    usesRandomness: true, producesNoise: false, requiresClusterCount: true, orderInvariant: false, canPredict: true)

  /// Number of clusters asked for (`k`).
  public let clusterCount: Int
  /// How each run chooses its initial centers (`init`).
  public let initialization: Initialization
  /// Seeded runs to make (`n_init`).
  public let runCount: Int
  /// Most iterations in one run (`max_iter`).
  public let maxIterations: Int
  /// Relative convergence tolerance (`tol`), before scaling by the mean feature variance.
  public let tolerance: Double
  /// How iterations assign rows (`algorithm`).
  public let algorithm: Algorithm

  /// The iteration schemes (the string values of `algorithm`).
  public enum Algorithm: String, Sendable, CaseIterable {
    /// Every row against every center, each iteration.
    case lloyd
    /// Elkan's bounds: the same assignments with fewer distance computations.
    case elkan
  }

  public init(validated parameters: Parameters) throws {
    clusterCount = parameters.int("k")
    initialization = try Initialization(parameters.value("init"), clusterCount: clusterCount)
    runCount = parameters.int("n_init")
    maxIterations = parameters.int("max_iter")
    tolerance = parameters.real("tol")
    algorithm = parameters.choice("algorithm")
  }

  /// A k-means with these settings, for algorithms built on it (bisecting k-means, mixture initialisation).
  init(clusterCount: Int, initialization: Initialization, runCount: Int, maxIterations: Int, tolerance: Double, algorithm: Algorithm) {
    self.clusterCount = clusterCount
    self.initialization = initialization
    self.runCount = runCount
    self.maxIterations = maxIterations
    self.tolerance = tolerance
    self.algorithm = algorithm
  }

  /// Explicit `init` centers need one value per numeric feature.
  public func check(_ input: FeatureShape) throws(FeatureShape.Problem) {
    try initialization.checkWidth(input, algorithm: Self.name)
  }

  public func fit(_ input: ClusteringInput, context: FitContext) throws -> Clustering {
    let x = try input.numericOnly(for: Self.name)
    guard x.rows >= clusterCount else {
      throw FitError.insufficientSamples(
        rows: x.rows, required: clusterCount, detail: "kmeans with k = \(clusterCount) needs at least k rows")
    }
    if case .explicit(let centers) = initialization, centers.columns != x.columns {
      throw FitError.degenerate(
        "the 'init' centers of kmeans have \(centers.columns) columns but the data has \(x.columns); give one value per feature")
    }
    let scaledTolerance = tolerance * x.meanColumnVariance()
    var workspace = Workspace(rows: x.rows, clusterCount: clusterCount, columns: x.columns)
    var seeds = SeededGenerator(seed: context.seed)
    let runs = if case .explicit = initialization { 1 } else { runCount }
    func makeRun() throws -> Run {
      try context.checkCancellation()
      var rng = SeededGenerator(seed: seeds.next())
      let start = initialCenters(x, using: &rng)
      switch algorithm {
      case .lloyd:
        return try KMeans.lloyd(
          x, from: start, maxIterations: maxIterations, tolerance: scaledTolerance, workspace: &workspace, context: context)
      case .elkan:
        return try KMeans.elkan(
          x, from: start, maxIterations: maxIterations, tolerance: scaledTolerance, workspace: &workspace, context: context)
      }
    }
    var best = try makeRun()
    for _ in 1..<runs {
      let run = try makeRun()
      if run.inertia < best.inertia && !KMeans.isSameClustering(run.labels, best.labels, clusterCount: clusterCount) {
        best = run
      }
    }
    return clustering(from: best, context: context)
  }

  /// The clustering for the best run, relabelled to consecutive labels if some cluster ended empty.
  func clustering(from run: Run, context: FitContext) -> Clustering {
    var sizes = Array(repeating: 0, count: clusterCount)
    for label in run.labels { sizes[label] += 1 }
    var diagnostics = Diagnostics(iterations: run.iterations, converged: run.converged, inertia: run.inertia)
    guard sizes.contains(0) else {
      return Clustering(
        labels: run.labels, clusterCount: clusterCount, centers: run.centers, model: Self.model(centers: run.centers), diagnostics: diagnostics)
    }
    var newLabel = Array(repeating: -1, count: clusterCount)
    var kept: [Int] = []
    for c in 0..<clusterCount where sizes[c] > 0 {
      newLabel[c] = kept.count
      kept.append(c)
    }
    let note = "found \(kept.count) distinct clusters, fewer than k = \(clusterCount); the data may have fewer than k distinct rows"
    diagnostics.notes.append(note)
    context.log(.note(note))
    let centers = run.centers.selecting(rows: kept)
    return Clustering(
      labels: run.labels.map { newLabel[$0] }, clusterCount: kept.count, centers: centers, model: Self.model(centers: centers),
      diagnostics: diagnostics)
  }

  /// Whether `labels` partitions rows as `reference` does up to renaming (scikit-learn's `_is_same_clustering`).
  static func isSameClustering(_ labels: [Int], _ reference: [Int], clusterCount: Int) -> Bool {
    var mapping = Array(repeating: -1, count: clusterCount)
    for (label, other) in zip(labels, reference) {
      if mapping[label] == -1 {
        mapping[label] = other
      } else if mapping[label] != other {
        return false
      }
    }
    return true
  }
}
