import WorkbenchNumerics

/// k-means on random mini-batches (Sculley 2010), as scikit-learn's `MiniBatchKMeans`.
///
/// Each step draws `batch_size` rows with replacement, assigns them to the
/// nearest center and moves each center to the running mean of every row it
/// was ever given (a per-center learning rate of 1 / count). Follows
/// scikit-learn 1.9's algorithm: `n_init` candidate starts, each from
/// `init_size` rows drawn with replacement, the one with the lowest inertia
/// on a fixed validation sample of `init_size` rows is kept; low-count
/// centers are moved to random batch rows every `10 · k` rows processed (or
/// whenever a center has no rows yet) when their count is below
/// `reassignment_ratio` × the largest; early stopping when the exponentially
/// weighted mean batch inertia has not improved for `max_no_improvement`
/// steps, or (when `tol` > 0) when the squared center change is at most `tol`
/// × the mean feature variance. At most `max_iter · rows / batch_size` steps.
/// Labels and inertia come from a final full assignment, so `predict` on the
/// fit rows gives the labels.
///
/// Our generator differs from numpy's, so results are not scikit-learn's
/// draw for draw; the tests compare inertia over many seeds instead.
/// `n_init` defaults to 3 for every `init` (scikit-learn's `"auto"` would use
/// 1 for k-means++); explicit centers run once.
///
/// Edge cases: `k > rows` throws ``FitError/insufficientSamples(rows:required:detail:)``;
/// fewer distinct rows than `k` leave fewer clusters, with a note.
/// Postconditions: labels are `0..<clusterCount`, every label is used.
/// - Complexity: O(`n_init` · init_size · k · columns + steps · batch_size · k · columns + rows · k · columns).
/// - SeeAlso: Sculley, "Web-scale k-means clustering", WWW 2010.
public struct MiniBatchKMeans: ClusteringAlgorithm {
  public static let name = "minibatch-kmeans"
  public static let summary = "k-means on random mini-batches with early stopping (scikit-learn's MiniBatchKMeans)."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec("k", .integer(minimum: 1, maximum: 10_000), default: 8, "Number of clusters (scikit-learn's n_clusters)."),
    ParameterSpec(
      "init", .oneOf([.choice(KMeans.Seeding.allCases.map(\.rawValue)), .realMatrix]), default: "k-means++",
      "Initial centers: \"k-means++\", \"random\" (k distinct rows of the init sample), or explicit centers, one row per cluster."),
    ParameterSpec("n_init", .integer(minimum: 1, maximum: 1_000), default: 3, "Candidate starts; the one with the lowest inertia on a validation sample is kept."),
    ParameterSpec("max_iter", .integer(minimum: 1, maximum: 1_000_000), default: 100, "Most passes over the data (steps = max_iter · rows / batch_size)."),
    ParameterSpec("batch_size", .integer(minimum: 1, maximum: 10_000_000), default: 1024, "Rows per mini-batch (at most the number of rows)."),
    ParameterSpec(
      "init_size", .oneOf([.choice(["auto"]), .integer(minimum: 1, maximum: 10_000_000)]), default: "auto",
      "Rows sampled to choose each start and to validate starts; \"auto\" = 3 × batch_size (at least 3 × k)."),
    ParameterSpec(
      "reassignment_ratio", .real(minimum: 0, maximum: 1), default: 0.01,
      "Centers whose count falls below this fraction of the largest are moved to random batch rows."),
    ParameterSpec(
      "max_no_improvement", .oneOf([.choice(["none"]), .integer(minimum: 0, maximum: 1_000_000)]), default: 10,
      "Stop after this many steps without improvement of the smoothed batch inertia; \"none\" disables it."),
    ParameterSpec(
      "tol", .real(minimum: 0, maximum: 1), default: 0,
      "Stop when the squared center change is at most tol × the mean feature variance; 0 disables it."),
  ]
  public static let capabilities = AlgorithmCapabilities(
    usesRandomness: true, producesNoise: false, requiresClusterCount: true, orderInvariant: false, canPredict: true)

  /// Number of clusters (`k`).
  public let clusterCount: Int
  /// How starts are chosen (`init`).
  public let initialization: KMeans.Initialization
  /// Candidate starts (`n_init`).
  public let runCount: Int
  /// Most passes over the data (`max_iter`).
  public let maxIterations: Int
  /// Rows per batch before clipping to the row count (`batch_size`).
  public let batchSize: Int
  /// Rows sampled per start; `nil` for "auto" (`init_size`).
  public let initSize: Int?
  /// Reassignment threshold relative to the largest count (`reassignment_ratio`).
  public let reassignmentRatio: Double
  /// Steps without improvement before stopping; `nil` never stops this way (`max_no_improvement`).
  public let maxNoImprovement: Int?
  /// Relative center-change tolerance (`tol`).
  public let tolerance: Double

  public init(validated parameters: Parameters) throws {
    clusterCount = parameters.int("k")
    initialization = try KMeans.Initialization(parameters.value("init"), clusterCount: clusterCount)
    runCount = parameters.int("n_init")
    maxIterations = parameters.int("max_iter")
    batchSize = parameters.int("batch_size")
    initSize = parameters.value("init_size").integer
    reassignmentRatio = parameters.real("reassignment_ratio")
    maxNoImprovement = parameters.value("max_no_improvement").integer
    tolerance = parameters.real("tol")
  }

  /// Explicit `init` centers need one value per numeric feature.
  public func check(_ input: FeatureShape) throws(FeatureShape.Problem) {
    try initialization.checkWidth(input, algorithm: Self.name)
  }

  public func fit(_ input: ClusteringInput, context: FitContext) throws -> Clustering {
    let x = try input.numericOnly(for: Self.name)
    let n = x.rows
    let k = clusterCount
    guard n >= k else {
      throw FitError.insufficientSamples(rows: n, required: k, detail: "minibatch-kmeans with k = \(k) needs at least k rows")
    }
    if case .explicit(let centers) = initialization, centers.columns != x.columns {
      throw FitError.degenerate(
        "the 'init' centers of minibatch-kmeans have \(centers.columns) columns but the data has \(x.columns); give one value per feature")
    }
    let batch = min(batchSize, n)
    var sampleSize = initSize ?? 3 * batch
    if sampleSize < k { sampleSize = 3 * k }
    sampleSize = min(sampleSize, n)
    var rng = SeededGenerator(seed: context.seed)
    let validation = x.selecting(rows: (0..<sampleSize).map { _ in rng.nextIndex(below: n) })
    var centers = try bestStart(x, sampleSize: sampleSize, validation: validation, using: &rng, context: context)
    var state = StepState(clusterCount: k, batchSize: batch, columns: x.columns)
    let steps = maxIterations * n / batch
    let scaledTolerance = tolerance * x.meanColumnVariance()
    var taken = 0
    var stoppedEarly = false
    while taken < steps {
      try context.checkCancellation()
      let batchInertia = step(x, centers: &centers, state: &state, using: &rng)
      taken += 1
      context.log(.iteration(taken, objective: batchInertia))
      if state.shouldStop(step: taken, rows: n, batchInertia: batchInertia, tolerance: scaledTolerance, maxNoImprovement: maxNoImprovement) {
        stoppedEarly = true
        break
      }
    }
    var labels = Array(repeating: 0, count: n)
    let inertia = KMeans.assign(x, to: centers, labels: &labels)
    let epochs = (taken * batch + n - 1) / n
    let run = KMeans.Run(labels: labels, centers: centers, inertia: inertia, iterations: epochs, converged: stoppedEarly)
    let kmeans = KMeans(
      clusterCount: k, initialization: initialization, runCount: 1, maxIterations: maxIterations, tolerance: tolerance, algorithm: .lloyd)
    return kmeans.clustering(from: run, context: context)
  }

  /// Labels each row with its nearest center, as the fit's final assignment does.
  public static func predict(model: JSONValue, input: ClusteringInput) throws -> Prediction {
    try KMeans.predict(model: model, input: input)
  }

  /// The start with the lowest inertia on `validation` among `n_init` candidates, each from its own `init_size` sample.
  private func bestStart(
    _ x: Matrix, sampleSize: Int, validation: Matrix, using rng: inout SeededGenerator, context: FitContext
  ) throws -> Matrix {
    if case .explicit(let centers) = initialization { return centers }
    var best: (centers: Matrix, inertia: Double)?
    var scratch = Array(repeating: 0, count: validation.rows)
    for _ in 0..<runCount {
      try context.checkCancellation()
      let sample = sampleSize < x.rows ? x.selecting(rows: (0..<sampleSize).map { _ in rng.nextIndex(below: x.rows) }) : x
      let candidate =
        switch initialization {
        case .seeded(.kMeansPlusPlus): KMeans.greedyKMeansPlusPlus(sample, count: clusterCount, using: &rng)
        case .seeded(.random), .explicit: KMeans.randomRows(sample, count: clusterCount, using: &rng)
        }
      let inertia = KMeans.assign(validation, to: candidate, labels: &scratch)
      if best.map({ inertia < $0.inertia }) ?? true { best = (candidate, inertia) }
    }
    guard let best else { preconditionFailure("n_init ≥ 1 makes at least one start") }
    return best.centers
  }
}
