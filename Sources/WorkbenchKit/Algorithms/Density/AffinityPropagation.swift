import Foundation
import WorkbenchNumerics

/// Affinity propagation: rows pass messages until a few of them are agreed on as exemplars; each row joins its most similar exemplar.
///
/// Matches `sklearn.cluster.AffinityPropagation(damping, max_iter,
/// convergence_iter, preference, affinity="euclidean")`: similarities are
/// negative squared Euclidean distances, the preference (every row's
/// self-similarity) defaults to their median over all rows × rows entries
/// (the zero diagonal included), the messages are scikit-learn's
/// (``AffinityMessages``), and the exemplars are refined as scikit-learn
/// refines them (``refined(_:exemplars:)``). Labels number the exemplars in
/// row order, as scikit-learn's do.
///
/// scikit-learn adds noise of relative size 10⁻¹⁶ to the similarities to
/// break ties (from `random_state`, numpy's generator); the workbench adds
/// noise of the same form drawn from the trial seed, so the two differ only
/// where two choices tie to the last bit. With the noise removed on both
/// sides the exemplars, labels and iteration counts are scikit-learn's (the
/// fixtures check this, and that the noisy runs agree too).
///
/// Edge cases: no rows throws ``FitError/insufficientSamples(rows:required:detail:)``;
/// one row, or all rows equally similar, gives scikit-learn's answer without
/// iterating (each row its own cluster when the preference exceeds the
/// similarities, else one cluster), with a note; no exemplar at the end
/// (where scikit-learn labels every row −1) fails the trial with the fix;
/// exemplars found without converging are kept, with a note, as scikit-learn
/// keeps them with a warning; three rows × rows matrices beyond half the
/// machine's memory fail before anything is allocated.
/// `predict` gives a new row its nearest exemplar (Euclidean), as scikit-learn's.
/// - Complexity: O(iterations · rows²) time, 24 · rows² bytes.
/// - SeeAlso: Frey & Dueck, "Clustering by passing messages between data points", Science 2007.
public struct AffinityPropagation: ClusteringAlgorithm, CommonCheckTuning {
  public static let name = "affinity-propagation"
  public static let summary =
    "Affinity propagation (scikit-learn's AffinityPropagation): rows exchange messages until exemplars emerge; each row joins its most similar exemplar; no k."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec(
      "damping", .real(minimum: 0.5, maximum: 1, openMaximum: true), default: 0.5,
      "Share of the old message kept at each update; raise it (towards 0.9) when the run oscillates and does not converge."),
    ParameterSpec("max_iter", .integer(minimum: 1, maximum: 1_000_000), default: 200, "Most iterations."),
    ParameterSpec(
      "convergence_iter", .integer(minimum: 1, maximum: 1_000_000), default: 15, "Iterations the exemplars must stay the same to stop."),
    ParameterSpec(
      "preference", .oneOf([.choice(["median"]), .real(minimum: -1e100, maximum: 1e100)]), default: "median",
      "Every row's self-similarity, in negative squared distance units: higher gives more clusters; \"median\" = the median similarity."),
  ]
  public static let capabilities = AlgorithmCapabilities(
    usesRandomness: true, producesNoise: false, requiresClusterCount: false, orderInvariant: false, canPredict: true,
    scalesQuadratically: true)
  /// On the common checks' blobs (three of spread 0.5, two thirds of the pairs far apart) the median preference
  /// oscillates without converging, in scikit-learn too; −20 (squared distance units) lies between the within-blob
  /// and the between-blob similarities.
  public static let checkingParameters: [String: JSONValue] = ["preference": -20.0]
  /// The preference is a similarity in the data's squared units, so the blobs × 1e50 need one 1e100 times larger.
  public static let expectedCheckFailures = [
    "extremeScales": "preference is a similarity in the data's squared units: the blobs × 1e50 need a preference 1e100 times larger"
  ]

  /// Share of the old message kept (`damping`).
  public let damping: Double
  /// Most iterations (`max_iter`).
  public let maxIterations: Int
  /// Iterations without change that stop the run (`convergence_iter`).
  public let convergenceIterations: Int
  /// The self-similarity, `nil` for the median (`preference`).
  public let preference: Double?

  public init(validated parameters: Parameters) throws {
    damping = parameters.real("damping")
    maxIterations = parameters.int("max_iter")
    convergenceIterations = parameters.int("convergence_iter")
    preference = parameters.value("preference").number
  }

  public func fit(_ input: ClusteringInput, context: FitContext) throws -> Clustering {
    let x = try input.numericOnly(for: Self.name)
    guard x.rows >= 1 else { throw FitError.insufficientSamples(rows: 0, required: 1, detail: "affinity-propagation needs at least one row") }
    try DistanceRange.check(x, algorithm: Self.name)
    try Self.checkMemory(rows: x.rows, physicalMemory: ProcessInfo.processInfo.physicalMemory)
    var s = Self.similarities(x)
    let selfSimilarity = preference ?? Self.medianSimilarity(s)
    if let trivial = Self.trivialExemplars(s, preference: selfSimilarity) {
      let note = "all rows are equally similar, so affinity-propagation did not iterate: " + (trivial.count == 1 ? "one cluster" : "each row is a cluster")
      context.log(.note(note))
      return clustering(x, exemplars: trivial, labels: trivial.count == 1 ? Array(repeating: 0, count: x.rows) : Array(0..<x.rows),
        diagnostics: Diagnostics(iterations: 0, converged: true, notes: [note]))
    }
    Self.placePreference(selfSimilarity, in: &s)
    Self.addTieBreakingNoise(to: &s, seed: context.seed)
    let outcome = try AffinityMessages.propagate(
      s, damping: damping, maxIterations: maxIterations, convergenceIterations: convergenceIterations) { try context.checkCancellation() }
    guard !outcome.exemplars.isEmpty else {
      throw FitError.degenerate(
        "affinity-propagation did not converge and has no exemplar after \(outcome.iterations) iterations; raise max_iter or damping")
    }
    var notes: [String] = []
    if !outcome.converged {
      notes.append(
        "affinity-propagation did not converge in \(maxIterations) iterations; its exemplars may be degenerate (raise max_iter or damping)")
      context.log(.note(notes[0]))
    }
    let (exemplars, labels) = Self.refined(s, exemplars: outcome.exemplars)
    return clustering(x, exemplars: exemplars, labels: labels, diagnostics: Diagnostics(iterations: outcome.iterations, converged: outcome.converged, notes: notes))
  }

  /// The clustering of `x` with `exemplars` (row indices by label) and the rows' `labels`.
  private func clustering(_ x: Matrix, exemplars: [Int], labels: [Int], diagnostics: Diagnostics) -> Clustering {
    let centers = x.selecting(rows: exemplars)
    let model = NearestRowModel(rows: centers, labels: Array(exemplars.indices), metric: .euclidean)
    return Clustering(
      labels: labels, clusterCount: exemplars.count, centers: centers, model: model.json, exemplars: exemplars, diagnostics: diagnostics)
  }

  /// Labels each new row with its nearest exemplar (see ``NearestRowModel``).
  public static func predict(model: JSONValue, input: ClusteringInput) throws -> Prediction {
    Prediction(labels: try NearestRowModel(model, owner: "\(name) model").labels(for: input.numericOnly(for: name)))
  }
}
