import WorkbenchNumerics

extension GaussianMixture {
  /// How a run draws the responsibilities it starts from (the string values of `init_params`).
  public enum InitialResponsibilities: String, Sendable, CaseIterable {
    /// One-hot responsibilities from a k-means fit (k-means++, `n_init` 1, seeded by the run).
    case kmeans
    /// Uniform random responsibilities, each row normalised to sum to 1.
    case random
  }

  /// Explicit starting values (`weights_init`, `means_init`, `precisions_init`); each replaces what the responsibilities give.
  public struct ExplicitStart: Sendable, Equatable {
    /// Component weights, summing to 1.
    public var weights: [Double]?
    /// `k × d` means.
    public var means: Matrix?
    /// Precisions in the layout of `precisions_init` (see ``GaussianMixture``), already checked positive definite.
    public var precisions: Matrix?

    /// Whether every parameter is given, so the responsibilities would be ignored.
    var isComplete: Bool { weights != nil && means != nil && precisions != nil }
  }

  /// Reads an optional matrix parameter: `"none"` or rows of numbers.
  static func optionalMatrix(_ value: JSONValue) -> Matrix? {
    guard let rows = value.array else { return nil }
    return Matrix(rows.map { $0.array?.compactMap(\.number) ?? [] })
  }

  /// Checks the explicit starting values against `k` and `covariance_type` (spec time: no data needed).
  static func checkedStart(
    weights: Matrix?, means: Matrix?, precisions: Matrix?, componentCount k: Int, type: CovarianceType
  ) throws(ParameterError) -> ExplicitStart {
    var start = ExplicitStart()
    if let weights {
      guard weights.rows == 1, weights.columns == k else {
        throw ParameterError(
          parameter: "weights_init", message: "'weights_init' must be one row of k = \(k) weights; got \(weights.rows) × \(weights.columns)",
          fix: "write one list of \(k) numbers, e.g. [[\(Array(repeating: "0.5", count: min(k, 2)).joined(separator: ", "))\(k > 2 ? ", …" : "")]].")
      }
      let values = weights.rowArray(0)
      let sum = values.reduce(0, +)
      guard values.allSatisfy({ (0...1).contains($0) }), abs(1 - sum) <= 1e-8 else {
        throw ParameterError(
          parameter: "weights_init", message: "'weights_init' must hold weights in [0, 1] summing to 1; they sum to \(JSONNumber.plain(sum))",
          fix: "divide each weight by their sum.")
      }
      start.weights = values
    }
    if let means {
      guard means.rows == k else {
        throw ParameterError(
          parameter: "means_init", message: "'means_init' gives \(means.rows) means but k is \(k)",
          fix: "give one row per component (\(k) rows), or set k to \(means.rows).")
      }
      start.means = means
    }
    if let precisions {
      try checkPrecisions(precisions, componentCount: k, type: type)
      start.precisions = precisions
    }
    return start
  }

  /// Shape, symmetry and positive definiteness of `precisions_init` (scikit-learn's `_check_precisions`).
  private static func checkPrecisions(_ p: Matrix, componentCount k: Int, type: CovarianceType) throws(ParameterError) {
    let d = p.columns
    let (expectedRows, layout): (Int, String) =
      switch type {
      case .full: (k * d, "k · d rows of d numbers: component 0's d × d precision matrix, then component 1's, …")
      case .tied: (d, "one d × d precision matrix")
      case .diag: (k, "k rows of d precisions, one row per component")
      case .spherical: (k, "k rows of one precision each")
      }
    guard p.rows == expectedRows, type != .spherical || d == 1 else {
      throw ParameterError(
        parameter: "precisions_init", message: "'precisions_init' for covariance_type \"\(type.rawValue)\" must be \(layout); got \(p.rows) × \(d)",
        fix: "write \(layout).")
    }
    switch type {
    case .full, .tied:
      for block in 0..<(p.rows / d) {
        let matrix = p.selecting(rows: Array((block * d)..<((block + 1) * d)))
        let symmetric = (0..<d).allSatisfy { i in
          (0..<d).allSatisfy { j in abs(matrix[i, j] - matrix[j, i]) <= 1e-8 + 1e-5 * abs(matrix[j, i]) }
        }
        guard symmetric, Linalg.cholesky(matrix) != nil else {
          throw ParameterError(
            parameter: "precisions_init", message: "precision matrix \(block) of 'precisions_init' is not symmetric positive definite",
            fix: "give inverse covariance matrices (symmetric, all eigenvalues > 0).")
        }
      }
    case .diag, .spherical:
      guard p.storage.allSatisfy({ $0 > 0 }) else {
        throw ParameterError(parameter: "precisions_init", message: "'precisions_init' holds a precision ≤ 0", fix: "give positive precisions (1 / variance).")
      }
    }
  }

  /// The precision factors of explicit precisions (scikit-learn's `_compute_precision_cholesky_from_precisions`).
  ///
  /// For full and tied, the lower Cholesky factor `L` of the flipped precision
  /// `J P J` gives `W = J Lᵀ J`, lower triangular with `Wᵀ W = P`.
  static func factors(ofPrecisions p: Matrix, componentCount k: Int, type: CovarianceType) -> [Matrix] {
    let d = p.columns
    switch type {
    case .full, .tied:
      return (0..<(p.rows / d)).map { block in
        let matrix = p.selecting(rows: Array((block * d)..<((block + 1) * d)))
        // Checked positive definite when the parameters were read.
        let lower = Linalg.cholesky(Linalg.reversed(matrix)) ?? Matrix(rows: d, columns: d)
        return Linalg.reversed(Linalg.transposed(lower))
      }
    case .diag, .spherical:
      return [Matrix(rows: p.rows, columns: d, storage: p.storage.map { $0.squareRoot() })]
    }
  }

  /// The starting mixture of one run (scikit-learn's `_initialize_parameters` and `_initialize`).
  ///
  /// Responsibilities come from `init_params` (skipped when weights, means and
  /// precisions are all given, since they would be overwritten); the M step
  /// turns them into weights (`nk / rows`), means and covariances; explicit
  /// values then replace their part.
  func initialMixture(_ x: Matrix, seed: UInt64, context: FitContext, responsibilities resp: inout [Double]) throws -> Mixture {
    let k = componentCount
    var mixture: Mixture
    if start.isComplete {
      mixture = Mixture(type: covarianceType, weights: [], means: Matrix(rows: k, columns: x.columns), covariances: [], factors: [], halfLogDeterminants: [])
    } else {
      try startingResponsibilities(x, seed: seed, context: context, into: &resp)
      mixture = Mixture.estimate(x, responsibilities: resp, componentCount: k, type: covarianceType, regularization: regularization)
      mixture.weights = mixture.weights.map { $0 / Double(x.rows) }
    }
    if let weights = start.weights { mixture.weights = weights }
    if let means = start.means { mixture.means = means }
    if let precisions = start.precisions {
      mixture.factors = GaussianMixture.factors(ofPrecisions: precisions, componentCount: k, type: covarianceType)
      mixture.setHalfLogDeterminants(dimensions: x.columns)
    } else {
      try mixture.factorize(regularization: regularization)
    }
    return mixture
  }

  /// Fills `resp` (`rows × k`, row-major) as `init_params` says.
  private func startingResponsibilities(_ x: Matrix, seed: UInt64, context: FitContext, into resp: inout [Double]) throws {
    let k = componentCount
    for i in resp.indices { resp[i] = 0 }
    switch initialResponsibilities {
    case .kmeans:
      let kmeans = KMeans(
        clusterCount: k, initialization: .seeded(.kMeansPlusPlus), runCount: 1, maxIterations: 300, tolerance: 1e-4, algorithm: .lloyd)
      let labels = try kmeans.fit(ClusteringInput(numeric: x), context: FitContext(seed: seed, isCancelled: context.isCancelled)).labels
      for (row, label) in labels.enumerated() { resp[row * k + label] = 1 }
    case .random:
      var rng = SeededGenerator(seed: seed)
      for row in 0..<x.rows {
        var sum = 0.0
        for c in 0..<k {
          let u = rng.nextUnit()
          resp[row * k + c] = u
          sum += u
        }
        for c in 0..<k { resp[row * k + c] /= sum }
      }
    }
  }
}
