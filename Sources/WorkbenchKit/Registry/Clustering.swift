import WorkbenchNumerics

/// The result of fitting a clustering algorithm: labels, an optional model and diagnostics.
public struct Clustering: Sendable, Equatable {
  /// One label per row: `0..<clusterCount`, or `-1` for noise.
  public var labels: [Int]
  /// Number of clusters (noise not counted).
  public var clusterCount: Int
  /// Cluster centers (`clusterCount × columns`) for centroid models; `nil` otherwise.
  public var centers: Matrix?
  /// Soft assignments (`rows × clusterCount`, rows summing to 1) for fuzzy and mixture models; `nil` otherwise.
  public var memberships: Matrix?
  /// Everything needed to label new rows, as JSON, for algorithms that can predict
  /// (read back by the algorithm's ``ClusteringAlgorithm/predict(model:input:)``); `nil` otherwise.
  public var model: JSONValue?
  /// For exemplar methods (k-medoids), the input row representing each cluster, by label; `nil` otherwise.
  /// Results report these rows by their ids, so a medoid is a real customer.
  public var exemplars: [Int]?
  /// Named per-row values beyond the label (an HDBSCAN membership probability, a GLOSH outlier score), one
  /// value per row each, in the algorithm's order of importance; saved beside the labels file.
  public var rowScores: [RowScore]
  /// The merge hierarchy the partition was cut from (a linkage matrix, a condensed tree), for dendrograms and
  /// reports; `nil` for flat methods. It names nodes and rows, never final labels, so relabelling leaves it valid.
  public var hierarchy: JSONValue?
  /// How the fit went.
  public var diagnostics: Diagnostics

  public init(
    labels: [Int], clusterCount: Int, centers: Matrix? = nil, memberships: Matrix? = nil, model: JSONValue? = nil,
    exemplars: [Int]? = nil, rowScores: [RowScore] = [], hierarchy: JSONValue? = nil, diagnostics: Diagnostics = Diagnostics()
  ) {
    self.exemplars = exemplars
    self.rowScores = rowScores
    self.hierarchy = hierarchy
    self.labels = labels
    self.clusterCount = clusterCount
    self.centers = centers
    self.memberships = memberships
    self.model = model
    self.diagnostics = diagnostics
  }

  /// Number of rows in each cluster, by label.
  public var sizes: [Int] {
    var counts = Array(repeating: 0, count: clusterCount)
    for l in labels where l >= 0 { counts[l] += 1 }
    return counts
  }

  /// Number of rows labelled noise.
  public var noiseCount: Int { labels.reduce(0) { $0 + ($1 < 0 ? 1 : 0) } }
}

/// How a fit went: iterations, convergence, objective values and notes.
public struct Diagnostics: Sendable, Equatable {
  /// Iterations of the best run.
  public var iterations: Int?
  /// Whether the best run converged before `max_iter`.
  public var converged: Bool?
  /// Sum of squared distances to the assigned centers.
  public var inertia: Double?
  /// Total log-likelihood for model-based methods.
  public var logLikelihood: Double?
  /// Free parameters of a model-based fit (for BIC and AIC).
  public var parameterCount: Int?
  /// The fuzzifier `m` of a fuzzy partition (for the Xie–Beni index).
  public var membershipExponent: Double?
  /// Remarks such as "found 2 distinct clusters, fewer than k = 3".
  public var notes: [String]

  public init(
    iterations: Int? = nil, converged: Bool? = nil, inertia: Double? = nil, logLikelihood: Double? = nil, parameterCount: Int? = nil,
    membershipExponent: Double? = nil, notes: [String] = []
  ) {
    self.iterations = iterations
    self.converged = converged
    self.inertia = inertia
    self.logLikelihood = logLikelihood
    self.parameterCount = parameterCount
    self.membershipExponent = membershipExponent
    self.notes = notes
  }

  /// The diagnostics as a JSON object with only the known fields.
  public var json: JSONValue {
    var o: [String: JSONValue] = [:]
    if let iterations { o["iterations"] = .int(iterations) }
    if let converged { o["converged"] = .bool(converged) }
    if let inertia { o["inertia"] = .double(inertia) }
    if let logLikelihood { o["log_likelihood"] = .double(logLikelihood) }
    if let parameterCount { o["parameter_count"] = .int(parameterCount) }
    if let membershipExponent { o["membership_exponent"] = .double(membershipExponent) }
    if !notes.isEmpty { o["notes"] = .array(notes.map(JSONValue.string)) }
    return .object(o)
  }
}
