import WorkbenchNumerics

/// k-prototypes (Huang 1997, 1998) for mixed data: k-means on the numeric features, k-modes on the categorical ones.
///
/// The cost of a row against a prototype is the squared Euclidean distance of
/// the numeric parts plus `gamma` × the number of categorical mismatches; the
/// total cost sums each row's cost against its prototype. Follows the Python
/// `kmodes` package's `KPrototypes` step for step: rows are visited in order
/// and moved one at a time, each move updating the two prototypes at once
/// (numeric means from running sums, modes from running counts); a run stops
/// when no row moves or the cost stops falling. From the same initial
/// prototypes it gives kmodes' labels, prototypes and cost. `gamma` defaults
/// to 0.5 × the mean of the numeric columns' population standard deviations,
/// as kmodes, resolved at fit time. The best of `n_init` seeded runs
/// (lowest cost) is kept.
///
/// Initialisation: categorical modes by Cao et al. (2009, density and
/// distance, deterministic), Huang (1998, level frequencies) or random rows;
/// numeric prototypes are drawn as mean + N(0, 1) × standard deviation per
/// column, as kmodes does. Where kmodes draws from NumPy's generator, this
/// draws from the trial's ``SeededGenerator``, so seeded runs differ from
/// kmodes' (see the README note); `"random"` picks k *distinct* rows.
///
/// Edge cases: no categorical features throws with the fix "use kmeans"; no
/// numeric features throws (k-modes is not provided); `k > rows` throws
/// ``FitError/insufficientSamples(rows:required:detail:)``; fewer distinct rows
/// than k gives one cluster per distinct row, noted in the diagnostics. A
/// cluster emptied during a run takes a random row from the largest cluster.
/// The cost is saved in the model (`cost`), not as `inertia`.
/// - Complexity: O(`n_init` · `max_iter` · rows · k · features) time, O(rows + k · (features + levels)) memory.
/// - SeeAlso: Huang, "Extensions to the k-means algorithm for clustering large data sets with categorical values",
///   Data Mining and Knowledge Discovery 2(3), 1998.
public struct KPrototypes: ClusteringAlgorithm {
  public static let name = "kprototypes"
  public static let summary =
    "k-prototypes for mixed numeric and categorical data: squared Euclidean + gamma × mismatches (the kmodes package's KPrototypes)."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec("k", .integer(minimum: 1, maximum: 10_000), default: 8, "Number of clusters (kmodes' n_clusters)."),
    ParameterSpec(
      "gamma", .oneOf([.choice(["auto"]), .real(minimum: 0, maximum: 1e12)]), default: "auto",
      "Weight of one categorical mismatch against squared numeric distance; \"auto\" = 0.5 × mean standard deviation of the numeric columns."),
    ParameterSpec(
      "init", .choice(Seeding.allCases.map(\.rawValue)), default: .string(Seeding.cao.rawValue),
      "Initial modes: \"cao\" (density-based), \"huang\" (level frequencies) or \"random\" (k distinct rows)."),
    ParameterSpec("n_init", .integer(minimum: 1, maximum: 1_000), default: 10, "Seeded runs; the one with the lowest cost is kept."),
    ParameterSpec("max_iter", .integer(minimum: 1, maximum: 1_000_000), default: 100, "Most passes over the rows in one run."),
  ]
  public static let capabilities = AlgorithmCapabilities(
    usesRandomness: true, producesNoise: false, requiresClusterCount: true, orderInvariant: false, canPredict: true,
    acceptsCategorical: true, requiresCategorical: true)

  /// How a run chooses its initial modes (the values of `init`).
  public enum Seeding: String, Sendable, CaseIterable {
    /// Cao, Liang & Bai (2009): the densest row, then rows maximising density × distance.
    case cao
    /// Huang (1998): modes sampled from the level frequencies, then moved to the nearest rows.
    case huang
    /// k distinct rows at random.
    case random
  }

  /// Number of clusters asked for (`k`).
  public let clusterCount: Int
  /// The categorical weight (`gamma`), or `nil` for "auto".
  public let gamma: Double?
  /// How runs choose their initial modes (`init`).
  public let seeding: Seeding
  /// Seeded runs to make (`n_init`).
  public let runCount: Int
  /// Most passes over the rows in one run (`max_iter`).
  public let maxIterations: Int

  public init(validated parameters: Parameters) throws {
    clusterCount = parameters.int("k")
    gamma = parameters.value("gamma").number
    seeding = parameters.choice("init")
    runCount = parameters.int("n_init")
    maxIterations = parameters.int("max_iter")
  }

  /// Needs at least one categorical and one numeric feature.
  public func check(_ input: FeatureShape) throws(FeatureShape.Problem) {
    guard input.isExact else { return }
    if input.categoricalNames.isEmpty {
      throw FeatureShape.Problem(
        parameter: nil, message: "kprototypes needs categorical features, but every feature reaching it is numeric (\(MessageText.list(input.numericNames))).",
        fix: "list categorical columns under data.categorical (and keep them out of one-hot steps), or use \"kmeans\".")
    }
    if input.numericNames.isEmpty {
      throw FeatureShape.Problem(
        parameter: nil, message: "kprototypes needs numeric features, but every feature reaching it is categorical.",
        fix: "add numeric columns under data.features, or use \"kmedoids\" with \"metric\": \"gower\".")
    }
  }

  public func fit(_ input: ClusteringInput, context: FitContext) throws -> Clustering {
    guard !input.categorical.isEmpty else {
      throw FitError.degenerate(
        "kprototypes needs categorical features, but every feature is numeric; use \"kmeans\", or list categorical columns in the spec's data.categorical")
    }
    guard input.numeric.columns > 0 else {
      throw FitError.degenerate(
        "kprototypes needs numeric features, but every feature is categorical; k-modes is not available here: use \"kmedoids\" with \"metric\": \"gower\"")
    }
    guard input.rows >= clusterCount else {
      throw FitError.insufficientSamples(
        rows: input.rows, required: clusterCount, detail: "kprototypes with k = \(clusterCount) needs at least k rows")
    }
    try input.requireSafeMagnitudes()
    let data = Data(input)
    let weight = gamma ?? KPrototypes.defaultGamma(input.numeric)
    var diagnostics = Diagnostics()
    let distinct = data.distinctRows()
    var best: Run
    if distinct.count <= clusterCount {
      best = KPrototypes.distinctRowsRun(data, distinct: distinct, gamma: weight)
      if distinct.count < clusterCount {
        let note = "found \(distinct.count) distinct rows, fewer than k = \(clusterCount); each is one cluster"
        diagnostics.notes.append(note)
        context.log(.note(note))
      }
    } else {
      var seeds = SeededGenerator(seed: context.seed)
      best = try seededRun(data, gamma: weight, seed: seeds.next(), context: context)
      for _ in 1..<runCount {
        let run = try seededRun(data, gamma: weight, seed: seeds.next(), context: context)
        if run.cost < best.cost { best = run }
      }
    }
    diagnostics.iterations = best.iterations
    diagnostics.converged = best.converged
    return Clustering(
      labels: best.labels, clusterCount: best.prototypes.count,
      model: KPrototypes.model(best.prototypes, input: input, gamma: weight, cost: best.cost), diagnostics: diagnostics)
  }

  /// One run from seeded initial prototypes, re-drawn while a cluster starts empty (as kmodes: the chosen
  /// method for 20 tries, then random rows, and an error after 100).
  private func seededRun(_ data: Data, gamma: Double, seed: UInt64, context: FitContext) throws -> Run {
    var rng = SeededGenerator(seed: seed)
    for attempt in 1...100 {
      let start = initialPrototypes(data, seeding: attempt <= 20 ? seeding : .random, using: &rng)
      if let state = KPrototypes.initialState(data, start, gamma: gamma) {
        return try KPrototypes.run(
          data, from: start, state: state, gamma: gamma, maxIterations: maxIterations, rng: &rng, context: context)
      }
    }
    throw FitError.degenerate(
      "kprototypes could not start with \(clusterCount) non-empty clusters in 100 tries; lower k or check for many identical rows")
  }

  /// As kmodes with fewer distinct rows than k: each distinct row is a prototype and its own cluster; nothing iterates.
  static func distinctRowsRun(_ data: Data, distinct: [Int], gamma: Double) -> Run {
    let prototypes = Prototypes(numeric: data.numeric.selecting(rows: distinct), modes: distinct.map(data.codes(ofRow:)))
    let (labels, cost) = labelsAndCost(data, prototypes, gamma: gamma)
    return Run(labels: labels, prototypes: prototypes, cost: cost, iterations: 0, converged: true)
  }

  /// kmodes' default weight: 0.5 × the mean over numeric columns of the population standard deviation.
  static func defaultGamma(_ x: Matrix) -> Double {
    guard x.rows > 0, x.columns > 0 else { return 0 }
    var total = 0.0
    for c in 0..<x.columns {
      let column = x.column(c)
      let mean = column.reduce(0, +) / Double(x.rows)
      let variance = column.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.rows)
      total += variance.squareRoot()
    }
    return 0.5 * total / Double(x.columns)
  }
}

extension KPrototypes: CommonCheckTuning {
  /// k-prototypes needs categorical features; the checks add a constant one.
  public static var checkingCategoricalFeatures: Int { 1 }
}
