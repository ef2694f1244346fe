import Foundation
import WorkbenchNumerics

/// A Gaussian mixture fitted by expectation–maximisation.
///
/// Models the rows as drawn from `k` Gaussians and finds weights, means and
/// covariances of maximum likelihood; each row's memberships are its
/// posterior probabilities (scikit-learn's `predict_proba`) and its label the
/// most probable component. Matches `sklearn.mixture.GaussianMixture`: the
/// same four `covariance_type`s, `reg_covar` added to every covariance
/// diagonal, `10 · ε` added to component counts, convergence when the mean
/// log-likelihood per row changes by less than `tol` between iterations, the
/// best of `n_init` runs by that lower bound, and a final E step so labels
/// agree with the returned parameters. From the same starting parameters
/// (`means_init`, `weights_init`, `precisions_init`) it follows scikit-learn's
/// EM path: the log-likelihood, BIC and AIC agree to about 1e-12 (Iris, Wine).
///
/// `init_params` "kmeans" starts from one-hot responsibilities of a k-means
/// fit (k-means++, one run, seeded by the run's seed) as scikit-learn does;
/// the k-means generator is ours, so seeded starts differ from scikit-learn's.
/// `precisions_init` is a list of rows: full — k · d rows of d (component
/// 0's precision matrix, then component 1's, …); tied — d rows of d; diag — k
/// rows of d; spherical — k rows of one value. `weights_init` is one row of
/// k weights. `"none"` leaves a value to the responsibilities.
///
/// Diagnostics: `logLikelihood` is the total, rows × scikit-learn's
/// `score(X)`; `parameterCount` is scikit-learn's `_n_parameters()`, so
/// BIC = −2 logLikelihood + parameterCount · ln rows and AIC = −2
/// logLikelihood + 2 parameterCount.
///
/// Edge cases: `k > rows` throws ``FitError/insufficientSamples(rows:required:detail:)``;
/// a covariance that is not positive definite (a component collapsed onto
/// one point with `reg_covar` 0) throws ``FitError/degenerate(_:)`` naming
/// `reg_covar`. A component that ends with no rows (duplicate points) is
/// dropped from the labels, memberships and saved model (weights renormalised,
/// noted in the diagnostics); log-likelihood and parameter count stay those
/// of the fitted k-component mixture.
/// Postconditions: labels are `0..<clusterCount`, every label is used,
/// memberships rows sum to 1, and `predict` on the fit rows gives the labels.
/// - Complexity: O(`n_init` · `max_iter` · rows · k · columns²) for full and
///   tied, O(… · columns) for diag and spherical; O(rows · k) memory.
/// - SeeAlso: Dempster, Laird & Rubin, "Maximum likelihood from incomplete data via the EM algorithm", 1977.
public struct GaussianMixture: ClusteringAlgorithm {
  public static let name = "gmm"
  public static let summary = "Gaussian mixture fitted by EM with full, tied, diag or spherical covariances (scikit-learn's GaussianMixture)."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec("k", .integer(minimum: 1, maximum: 10_000), default: 1, "Number of mixture components (scikit-learn's n_components)."),
    ParameterSpec(
      "covariance_type", .choice(CovarianceType.allCases.map(\.rawValue)), default: "full",
      "\"full\" (own general covariance), \"tied\" (one shared), \"diag\" (own diagonal) or \"spherical\" (own single variance)."),
    ParameterSpec("tol", .real(minimum: 0, maximum: 1_000), default: 1e-3, "Converged when the mean log-likelihood per row changes by less than tol."),
    ParameterSpec("reg_covar", .real(minimum: 0, maximum: 1e10), default: 1e-6, "Added to every covariance diagonal, keeping covariances positive definite."),
    ParameterSpec("max_iter", .integer(minimum: 1, maximum: 1_000_000), default: 100, "Most EM iterations in one run."),
    ParameterSpec("n_init", .integer(minimum: 1, maximum: 1_000), default: 1, "Runs from different starts; the one with the highest likelihood is kept."),
    ParameterSpec(
      "init_params", .choice(InitialResponsibilities.allCases.map(\.rawValue)), default: "kmeans",
      "Starting responsibilities: \"kmeans\" (one-hot from a seeded k-means) or \"random\" (uniform, normalised)."),
    ParameterSpec(
      "weights_init", .oneOf([.choice(["none"]), .realMatrix]), default: "none",
      "Starting weights as one row of k numbers summing to 1, or \"none\" (from the responsibilities)."),
    ParameterSpec(
      "means_init", .oneOf([.choice(["none"]), .realMatrix]), default: "none",
      "Starting means, one row per component, or \"none\" (from the responsibilities)."),
    ParameterSpec(
      "precisions_init", .oneOf([.choice(["none"]), .realMatrix]), default: "none",
      "Starting precisions (inverse covariances) stacked as rows: full k·d rows of d, tied d × d, diag k × d, spherical k × 1; or \"none\"."),
  ]
  public static let capabilities = AlgorithmCapabilities(
    usesRandomness: true, producesNoise: false, requiresClusterCount: true, orderInvariant: false, canPredict: true, reportsLikelihood: true)

  /// Number of components (`k`).
  public let componentCount: Int
  /// Shape of the covariances (`covariance_type`).
  public let covarianceType: CovarianceType
  /// Convergence threshold on the change of mean log-likelihood (`tol`).
  public let tolerance: Double
  /// Added to covariance diagonals (`reg_covar`).
  public let regularization: Double
  /// Most EM iterations per run (`max_iter`).
  public let maxIterations: Int
  /// Runs to make (`n_init`).
  public let runCount: Int
  /// How runs draw starting responsibilities (`init_params`).
  public let initialResponsibilities: InitialResponsibilities
  /// Explicit starting values (`weights_init`, `means_init`, `precisions_init`).
  public let start: ExplicitStart

  public init(validated parameters: Parameters) throws {
    componentCount = parameters.int("k")
    covarianceType = parameters.choice("covariance_type")
    tolerance = parameters.real("tol")
    regularization = parameters.real("reg_covar")
    maxIterations = parameters.int("max_iter")
    runCount = parameters.int("n_init")
    initialResponsibilities = parameters.choice("init_params")
    start = try Self.checkedStart(
      weights: Self.optionalMatrix(parameters.value("weights_init")), means: Self.optionalMatrix(parameters.value("means_init")),
      precisions: Self.optionalMatrix(parameters.value("precisions_init")), componentCount: componentCount, type: covarianceType)
  }

  /// Scratch for one fit: responsibilities in log and linear form, `rows × k`, reused by every run and iteration.
  struct Workspace {
    var logResponsibilities: [Double]
    var responsibilities: [Double]

    init(rows: Int, componentCount: Int) {
      logResponsibilities = Array(repeating: 0, count: rows * componentCount)
      responsibilities = Array(repeating: 0, count: rows * componentCount)
    }

    /// The E step of `mixture` on `x` into both forms (``Mixture/expectation(_:logResponsibilities:responsibilities:)``); returns Σ log p(x).
    mutating func expectation(_ mixture: Mixture, _ x: Matrix) -> Double {
      mixture.expectation(x, logResponsibilities: &logResponsibilities, responsibilities: &responsibilities)
    }
  }

  /// The outcome of one run.
  struct Run {
    var mixture: Mixture
    var lowerBound: Double
    var iterations: Int
    var converged: Bool
  }

  public func fit(_ input: ClusteringInput, context: FitContext) throws -> Clustering {
    let x = try input.numericOnly(for: Self.name)
    let k = componentCount
    guard x.rows >= k else {
      throw FitError.insufficientSamples(rows: x.rows, required: k, detail: "gmm with k = \(k) needs at least k rows")
    }
    try checkColumns(x.columns)
    var workspace = Workspace(rows: x.rows, componentCount: k)
    var seeds = SeededGenerator(seed: context.seed)
    var best: Run?
    for _ in 0..<runCount {
      try context.checkCancellation()
      var mixture = try initialMixture(x, seed: seeds.next(), context: context, responsibilities: &workspace.responsibilities)
      var lowerBound = -Double.infinity
      var iterations = 0
      var converged = false
      while iterations < maxIterations {
        try context.checkCancellation()
        let previous = lowerBound
        lowerBound = workspace.expectation(mixture, x) / Double(x.rows)
        guard !lowerBound.isNaN else { throw Self.singular("the likelihood", regularization) }
        mixture = Mixture.estimate(
          x, responsibilities: workspace.responsibilities, componentCount: k, type: covarianceType, regularization: regularization)
        let total = mixture.weights.reduce(0, +)
        mixture.weights = mixture.weights.map { $0 / total }
        try mixture.factorize(regularization: regularization)
        iterations += 1
        context.log(.iteration(iterations, objective: lowerBound))
        if abs(lowerBound - previous) < tolerance {
          converged = true
          break
        }
      }
      if best.map({ lowerBound > $0.lowerBound }) ?? true {
        best = Run(mixture: mixture, lowerBound: lowerBound, iterations: iterations, converged: converged)
      }
    }
    guard let best else { preconditionFailure("n_init ≥ 1 makes at least one run") }
    return try clustering(x, from: best, workspace: &workspace, context: context)
  }

  /// Explicit means and precisions need one value per numeric feature.
  public func check(_ input: FeatureShape) throws(FeatureShape.Problem) {
    if let means = start.means { try input.requireNumericWidth(means.columns, parameter: "means_init", of: Self.name) }
    if let precisions = start.precisions, covarianceType != .spherical {
      try input.requireNumericWidth(precisions.columns, parameter: "precisions_init", of: Self.name)
    }
  }

  /// Explicit means and precisions must have one value per feature.
  private func checkColumns(_ columns: Int) throws(FitError) {
    if let means = start.means, means.columns != columns {
      throw FitError.degenerate("the 'means_init' of gmm has \(means.columns) columns but the data has \(columns); give one value per feature")
    }
    if let precisions = start.precisions, covarianceType != .spherical, precisions.columns != columns {
      throw FitError.degenerate(
        "the 'precisions_init' of gmm has \(precisions.columns) columns but the data has \(columns); give one value per feature")
    }
  }

  /// The final E step of the best run: labels, memberships, likelihood, and the saved model.
  private func clustering(_ x: Matrix, from run: Run, workspace: inout Workspace, context: FitContext) throws -> Clustering {
    let k = componentCount
    let total = workspace.expectation(run.mixture, x)
    guard total.isFinite else { throw Self.singular("the likelihood", regularization) }
    var diagnostics = Diagnostics(
      iterations: run.iterations, converged: run.converged, logLikelihood: total, parameterCount: run.mixture.parameterCount)
    var sizes = Array(repeating: 0, count: k)
    for row in 0..<x.rows { sizes[Self.argmax(workspace.logResponsibilities, row: row, count: k)] += 1 }
    var mixture = run.mixture
    if sizes.contains(0) {
      let kept = (0..<k).filter { sizes[$0] > 0 }
      let note = "\(k - kept.count) of k = \(k) components ended with no rows (the data may have fewer than k distinct rows); they were dropped"
      diagnostics.notes.append(note)
      context.log(.note(note))
      mixture = mixture.restricted(to: kept)
      _ = workspace.expectation(mixture, x)
    }
    let prediction = Self.prediction(mixture, workspace: workspace, rows: x.rows)
    return Clustering(
      labels: prediction.labels, clusterCount: mixture.componentCount, centers: mixture.means, memberships: prediction.memberships,
      model: Self.model(mixture), diagnostics: diagnostics)
  }

  /// The most probable component of `row` (the first on ties, as numpy's `argmax`).
  static func argmax(_ values: [Double], row: Int, count: Int) -> Int {
    var best = 0
    for c in 1..<max(count, 1) where values[row * count + c] > values[row * count + best] { best = c }
    return best
  }
}
