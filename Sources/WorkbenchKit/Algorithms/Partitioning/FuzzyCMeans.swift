import Foundation
import WorkbenchNumerics

/// Bezdek's fuzzy c-means: soft memberships with fuzzifier `m`.
///
/// Minimises Jₘ = Σᵢ Σ꜀ uᵢ꜀ᵐ ‖xᵢ − c꜀‖² by alternating the two textbook
/// updates: centers c꜀ = Σᵢ uᵢ꜀ᵐ xᵢ / Σᵢ uᵢ꜀ᵐ, then memberships
/// uᵢ꜀ = 1 / Σⱼ (dᵢ꜀ / dᵢⱼ)^(2/(m−1)). Follows scikit-fuzzy's `cmeans`
/// (0.5.0) step for step: memberships floored at machine ε before the
/// center update, distances floored at ε, the membership update computed in
/// scikit-fuzzy's overflow-safe form, and a stop when the Frobenius norm of
/// the membership change is below `tol`. From the same initial memberships
/// it gives scikit-fuzzy's centers, memberships and iteration count.
///
/// `init` "k-means++" (the default) starts from the memberships implied by
/// greedy k-means++ centers, as do explicit centers; "random" draws uniform
/// memberships normalised per row (scikit-fuzzy's start, from our seeded
/// generator). Random memberships put every starting center near the grand
/// mean, and on well-separated blobs they can settle with two clusters
/// sharing one center, hence the default. Labels are the largest
/// membership (the first on ties); `diagnostics.inertia` is the sum of
/// squared distances to the labelled centers and `membershipExponent` is `m`.
///
/// Edge cases: `m` must be > 1 (checked at spec time; at 1 the memberships
/// become hard and the update divides by zero); `k > rows` throws
/// ``FitError/insufficientSamples(rows:required:detail:)``. When fewer than `k`
/// centers win any row (duplicate points, or memberships so near uniform —
/// m = 2 in many dimensions — that the centers drift together), the losing
/// centers are dropped, memberships are recomputed from the kept centers and a
/// note gives the mean largest membership against 1/k to tell the causes apart.
/// Postconditions: labels are `0..<clusterCount`, every label is used,
/// memberships rows sum to 1, and `predict` on the fit rows gives the fit's
/// labels and memberships.
/// - Complexity: O(`max_iter` · rows · k · columns) time, O(rows · k) memory.
/// - SeeAlso: Bezdek, "Pattern Recognition with Fuzzy Objective Function Algorithms", 1981.
public struct FuzzyCMeans: ClusteringAlgorithm {
  public static let name = "fuzzy-cmeans"
  public static let summary = "Bezdek's fuzzy c-means with fuzzifier m (scikit-fuzzy's cmeans); memberships in the clustering."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec("k", .integer(minimum: 1, maximum: 10_000), default: 8, "Number of clusters (c)."),
    ParameterSpec(
      "m", .real(minimum: 1, maximum: 100, openMinimum: true), default: 2,
      "Fuzzifier: 2 is the usual choice; near 1 memberships become hard, larger values make them more uniform."),
    ParameterSpec("max_iter", .integer(minimum: 1, maximum: 1_000_000), default: 300, "Most iterations."),
    ParameterSpec("tol", .real(minimum: 0, maximum: 1), default: 1e-4, "Converged when the Frobenius norm of the membership change is below tol."),
    ParameterSpec(
      "init", .oneOf([.choice(Initialization.Method.allCases.map(\.rawValue)), .realMatrix]), default: "k-means++",
      "\"k-means++\" (memberships from greedy k-means++ centers), \"random\" (uniform memberships, normalised; scikit-fuzzy's start), or explicit centers, one row per cluster."),
  ]
  public static let capabilities = AlgorithmCapabilities(
    usesRandomness: true, producesNoise: false, requiresClusterCount: true, orderInvariant: false, canPredict: true)

  /// How the initial memberships are chosen (`init`).
  public enum Initialization: Sendable, Equatable {
    /// The named methods.
    public enum Method: String, Sendable, CaseIterable {
      case random
      case kMeansPlusPlus = "k-means++"
    }
    case method(Method)
    /// Memberships implied by these centers, one row per cluster.
    case centers(Matrix)
  }

  /// Number of clusters (`k`).
  public let clusterCount: Int
  /// The fuzzifier (`m`), > 1.
  public let fuzzifier: Double
  /// Most iterations (`max_iter`).
  public let maxIterations: Int
  /// Threshold on the Frobenius norm of the membership change (`tol`).
  public let tolerance: Double
  /// How the start is chosen (`init`).
  public let initialization: Initialization

  public init(validated parameters: Parameters) throws {
    clusterCount = parameters.int("k")
    fuzzifier = parameters.real("m")
    maxIterations = parameters.int("max_iter")
    tolerance = parameters.real("tol")
    let value = parameters.value("init")
    if let name = value.string, let method = Initialization.Method(rawValue: name) {
      initialization = .method(method)
    } else {
      let centers = Matrix((value.array ?? []).map { $0.array?.compactMap(\.number) ?? [] })
      guard centers.rows == clusterCount else {
        throw ParameterError(
          parameter: "init", message: "'init' gives \(centers.rows) centers but k is \(clusterCount)",
          fix: "set k to \(centers.rows), or give \(clusterCount) rows in 'init'.")
      }
      initialization = .centers(centers)
    }
  }

  /// Explicit `init` centers need one value per numeric feature.
  public func check(_ input: FeatureShape) throws(FeatureShape.Problem) {
    guard case .centers(let centers) = initialization else { return }
    try input.requireNumericWidth(centers.columns, parameter: "init", of: Self.name)
  }

  public func fit(_ input: ClusteringInput, context: FitContext) throws -> Clustering {
    let x = try input.numericOnly(for: Self.name)
    guard x.rows >= clusterCount else {
      throw FitError.insufficientSamples(
        rows: x.rows, required: clusterCount, detail: "fuzzy-cmeans with k = \(clusterCount) needs at least k rows")
    }
    var rng = SeededGenerator(seed: context.seed)
    let start: [Double]
    switch initialization {
    case .method(.random):
      var u = Array(repeating: 0.0, count: x.rows * clusterCount)
      for r in 0..<x.rows {
        var sum = 0.0
        for c in 0..<clusterCount {
          u[r * clusterCount + c] = rng.nextUnit()
          sum += u[r * clusterCount + c]
        }
        for c in 0..<clusterCount { u[r * clusterCount + c] /= sum }
      }
      start = u
    case .method(.kMeansPlusPlus):
      start = Self.memberships(x, centers: KMeans.greedyKMeansPlusPlus(x, count: clusterCount, using: &rng), fuzzifier: fuzzifier)
    case .centers(let centers):
      guard centers.columns == x.columns else {
        throw FitError.degenerate(
          "the 'init' centers of fuzzy-cmeans have \(centers.columns) columns but the data has \(x.columns); give one value per feature")
      }
      start = Self.memberships(x, centers: centers, fuzzifier: fuzzifier)
    }
    let run = try iterate(x, from: start, context: context)
    return clustering(x, from: run, context: context)
  }

  /// The clustering of a finished run, dropping centers that win no row.
  private func clustering(_ x: Matrix, from run: Run, context: FitContext) -> Clustering {
    let k = clusterCount
    var labels = (0..<x.rows).map { GaussianMixture.argmax(run.memberships, row: $0, count: k) }
    var centers = run.centers
    var memberships = run.memberships
    var diagnostics = Diagnostics(iterations: run.iterations, converged: run.converged, membershipExponent: fuzzifier)
    var sizes = Array(repeating: 0, count: k)
    for label in labels { sizes[label] += 1 }
    if sizes.contains(0) {
      let kept = (0..<k).filter { sizes[$0] > 0 }
      let note = Self.mergedCentersNote(kept: kept.count, k: k, memberships: run.memberships, rows: x.rows, columns: x.columns, fuzzifier: fuzzifier)
      diagnostics.notes.append(note)
      context.log(.note(note))
      centers = centers.selecting(rows: kept)
      memberships = Self.memberships(x, centers: centers, fuzzifier: fuzzifier)
      labels = (0..<x.rows).map { GaussianMixture.argmax(memberships, row: $0, count: kept.count) }
    }
    diagnostics.inertia = KMeans.inertia(x, centers: centers, labels: labels)
    return Clustering(
      labels: labels, clusterCount: centers.rows, centers: centers,
      memberships: Matrix(rows: x.rows, columns: centers.rows, storage: memberships),
      model: ["centers": SavedState.encode(centers), "m": .double(fuzzifier)], diagnostics: diagnostics)
  }

  /// Why fewer than k centers won a row, with the numbers that tell the two causes apart: memberships near uniform
  /// (mean largest membership close to 1/k: with m = 2 in many dimensions every center is about as far as the others,
  /// and the centers drift together to the grand mean) or fewer than k distinct rows.
  static func mergedCentersNote(kept: Int, k: Int, memberships: [Double], rows: Int, columns: Int, fuzzifier: Double) -> String {
    var largest = 0.0
    for r in 0..<rows { largest += (0..<k).reduce(0.0) { max($0, memberships[r * k + $1]) } }
    let mean = String(format: "%.3f", largest / Double(rows))
    return "found \(kept) distinct clusters, fewer than k = \(k): \(k - kept) centers won no row "
      + "(mean largest membership \(mean), where uniform memberships give 1/k = \(String(format: "%.3f", 1 / Double(k)))). "
      + "Centers merge when memberships are nearly uniform, as with m = \(JSONNumber.plain(fuzzifier)) in \(columns) dimensions "
      + "(lower m, e.g. 1.1 to 1.5, or fewer dimensions with a \"pca\" step), or when the data has fewer than k distinct rows"
  }

  /// Labels each row with its largest membership; memberships from the saved centers and `m`.
  public static func predict(model: JSONValue, input: ClusteringInput) throws -> Prediction {
    let x = try input.numericOnly(for: name)
    let state = try SavedState(model, owner: "fuzzy-cmeans model")
    let centers = try state.matrix("centers")
    let m = try state.real("m")
    guard centers.columns == x.columns else {
      throw FitError.degenerate("the fuzzy-cmeans model has \(centers.columns) features but the new rows have \(x.columns)")
    }
    let u = memberships(x, centers: centers, fuzzifier: m)
    return Prediction(
      labels: (0..<x.rows).map { GaussianMixture.argmax(u, row: $0, count: centers.rows) },
      memberships: Matrix(rows: x.rows, columns: centers.rows, storage: u))
  }
}
