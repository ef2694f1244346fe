import WorkbenchNumerics

/// k-medoids: k real rows (medoids) chosen to minimise the total dissimilarity of every row to its nearest medoid.
///
/// Method `"pam"` is Partitioning Around Medoids (Kaufman & Rousseeuw): BUILD
/// (or another `init`) followed by SWAP, with the FastPAM1 speed-up
/// (Schubert & Rousseeuw), which finds classic PAM's swaps with k times fewer
/// dissimilarity evaluations; it matches R's `cluster::pam` and the `kmedoids`
/// package's `pam` (total deviation and medoids). Method `"alternate"` is the
/// Voronoi iteration of scikit-learn-extra's `KMedoids(method="alternate")`:
/// faster and memory-light, but it stops in worse local optima.
///
/// Metrics: `"euclidean"`, `"manhattan"` and `"cosine"` use numeric features
/// only; `"gower"` uses numeric and categorical features
/// (R's `daisy(metric = "gower")`, ranges from the fit rows, see ``GowerRows``).
/// Medoids are real rows: ``Clustering/exemplars`` lists them by label and,
/// when the input is all numeric, ``Clustering/centers`` holds their feature
/// rows. The objective, the total deviation Σ D(row, medoid), is saved in the
/// model as `total_deviation` and reported in ``FitEvent/iteration(_:objective:)``;
/// it is not reported as `inertia`, which is a sum of *squared* Euclidean
/// distances and none of these metrics is one.
///
/// Edge cases: `k > rows` throws ``FitError/insufficientSamples(rows:required:detail:)``;
/// `"pam"` on more than ``pamRowLimit`` rows throws ``FitError/degenerate(_:)``
/// (its matrix would take 8 · rows² bytes); categorical features with a
/// numeric metric throw with a fix. Medoids at dissimilarity 0 from one
/// another (duplicate rows) are merged, leaving fewer than k clusters, noted
/// in the diagnostics. Postconditions: labels are `0..<clusterCount`, all used.
/// - Complexity: `"pam"`: O(rows² · features) to build the matrix, O(k · rows²)
///   for BUILD and O(rows²) per SWAP iteration; 8 · rows² bytes.
///   `"alternate"`: O(rows · k + Σ cluster size²) dissimilarities per iteration, O(rows) memory.
/// - SeeAlso: Schubert & Rousseeuw, "Fast and eager k-medoids clustering: O(k) runtime improvement
///   of the PAM, CLARA, and CLARANS algorithms", Information Systems 101, 2021.
public struct KMedoids: ClusteringAlgorithm {
  public static let name = "kmedoids"
  public static let summary =
    "k-medoids with real rows as centers: PAM (BUILD + SWAP, FastPAM1) or alternating; euclidean, manhattan, cosine or gower (mixed data)."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec("k", .integer(minimum: 1, maximum: 10_000), default: 8, "Number of clusters (medoids)."),
    ParameterSpec(
      "method", .choice(Method.allCases.map(\.rawValue)), default: .string(Method.pam.rawValue),
      "\"pam\" (BUILD + SWAP, best quality, n × n matrix, at most 20000 rows) or \"alternate\" (Voronoi iteration, no matrix)."),
    ParameterSpec(
      "metric", .choice(Metric.allCases.map(\.rawValue)), default: .string(Metric.euclidean.rawValue),
      "Dissimilarity: \"euclidean\", \"manhattan\", \"cosine\" (numeric features) or \"gower\" (numeric and categorical)."),
    ParameterSpec(
      "init", .choice(Initialization.allCases.map(\.rawValue)), default: .string(Initialization.build.rawValue),
      "First medoids: \"build\" (PAM's greedy BUILD, deterministic), \"k-medoids++\" or \"random\" (seeded)."),
    ParameterSpec("max_iter", .integer(minimum: 1, maximum: 1_000_000), default: 300, "Most SWAP or alternating iterations."),
  ]
  public static let capabilities = AlgorithmCapabilities(
    usesRandomness: true, producesNoise: false, requiresClusterCount: true, orderInvariant: false, canPredict: true,
    acceptsCategorical: true, scalesQuadratically: true)

  /// The optimisation (the values of `method`).
  public enum Method: String, Sendable, CaseIterable {
    /// BUILD/initial medoids, then SWAP (FastPAM1).
    case pam
    /// Voronoi iteration.
    case alternate
  }

  /// Number of clusters asked for (`k`).
  public let clusterCount: Int
  /// The optimisation (`method`).
  public let method: Method
  /// The dissimilarity (`metric`).
  public let metric: Metric
  /// How the first medoids are chosen (`init`).
  public let initialization: Initialization
  /// Most iterations (`max_iter`).
  public let maxIterations: Int

  public init(validated parameters: Parameters) throws {
    clusterCount = parameters.int("k")
    method = parameters.choice("method")
    metric = parameters.choice("metric")
    initialization = parameters.choice("init")
    maxIterations = parameters.int("max_iter")
  }

  public func fit(_ input: ClusteringInput, context: FitContext) throws -> Clustering {
    let space = try KMedoids.space(for: input, metric: metric)
    guard input.rows >= clusterCount else {
      throw FitError.insufficientSamples(
        rows: input.rows, required: clusterCount, detail: "kmedoids with k = \(clusterCount) needs at least k rows")
    }
    var rng = SeededGenerator(seed: context.seed)
    let run: Run
    switch method {
    case .pam:
      guard input.rows <= KMedoids.pamRowLimit else {
        let gigabytes = Double(8 * input.rows * input.rows) / 1e9
        throw FitError.degenerate(
          "kmedoids with method \"pam\" keeps all \(input.rows) × \(input.rows) dissimilarities (\(JSONNumber.plain((gigabytes * 10).rounded() / 10)) GB); "
            + "its limit is \(KMedoids.pamRowLimit) rows. Fix: use \"method\": \"alternate\", which needs no matrix, or cluster a sample of the rows")
      }
      let matrix = try DissimilarityMatrix(space) { try context.checkCancellation() }
      let start = try initialMedoids(matrix, using: &rng, context: context)
      run = try KMedoids.pamSwap(matrix, medoids: start, maxIterations: maxIterations, context: context)
    case .alternate:
      let start = try initialMedoids(space, using: &rng, context: context)
      run = try KMedoids.alternate(space, medoids: start, maxIterations: maxIterations, context: context)
    }
    return clustering(from: run, space: space, input: input, context: context)
  }

  /// PAM keeps a rows × rows matrix: more than ``pamRowLimit`` rows is a problem at `method`.
  public func check(_ input: FeatureShape) throws(FeatureShape.Problem) {
    guard method == .pam, input.rows > KMedoids.pamRowLimit, input.rowsExact else { return }
    throw FeatureShape.Problem(
      parameter: "method", message: "kmedoids with method \"pam\" keeps all \(input.rows) × \(input.rows) dissimilarities; its limit is \(KMedoids.pamRowLimit) rows.",
      fix: "use \"method\": \"alternate\", which needs no matrix, or cluster a sample of the rows.")
  }

  /// The rows of `input` prepared for `metric`; numeric metrics reject categorical features with a fix.
  static func space(for input: ClusteringInput, metric: Metric) throws -> Space {
    switch metric {
    case .gower:
      try input.requireSafeMagnitudes()
      let rows = GowerRows(numeric: input.numeric, scaling: GowerScaling(fitting: input.numeric), codes: input.categorical.map(\.codes))
      return Space(metric: metric, rows: .gower(rows))
    case .euclidean, .manhattan, .cosine:
      return Space(metric: metric, rows: .numeric(try input.numericOnly(for: name)))
    }
  }

  /// The clustering for a run: medoids at dissimilarity 0 from an earlier one are merged into it, labels made consecutive.
  private func clustering(from run: Run, space: Space, input: ClusteringInput, context: FitContext) -> Clustering {
    var labelOfSlot = Array(repeating: -1, count: run.medoids.count)
    var kept: [Int] = []
    for slot in run.medoids.indices {
      if let same = kept.firstIndex(where: { space(run.medoids[$0], run.medoids[slot]) == 0 }) {
        labelOfSlot[slot] = same
      } else {
        labelOfSlot[slot] = kept.count
        kept.append(slot)
      }
    }
    let used = Set(run.assignment.nearest.map { labelOfSlot[$0] })
    var diagnostics = Diagnostics(iterations: run.iterations, converged: run.converged)
    if kept.count < clusterCount || used.count < kept.count {
      let note = "found \(used.count) distinct clusters, fewer than k = \(clusterCount); the data may have fewer than k distinct rows"
      diagnostics.notes.append(note)
      context.log(.note(note))
    }
    var finalLabel = Array(repeating: -1, count: kept.count)
    var exemplars: [Int] = []
    for label in kept.indices where used.contains(label) {
      finalLabel[label] = exemplars.count
      exemplars.append(run.medoids[kept[label]])
    }
    let labels = run.assignment.nearest.map { finalLabel[labelOfSlot[$0]] }
    let model = KMedoids.model(medoids: exemplars, input: input, space: space, totalDeviation: run.totalDeviation)
    return Clustering(
      labels: labels, clusterCount: exemplars.count, centers: input.categorical.isEmpty ? input.numeric.selecting(rows: exemplars) : nil,
      model: model, exemplars: exemplars, diagnostics: diagnostics)
  }
}
