import WorkbenchNumerics

/// What a metric may look at; new needs (memberships, a distance) become fields here.
public struct MetricInput: Sendable {
  /// The features the algorithm clustered.
  public var features: Matrix
  /// The features' column names, for messages; `nil` names them `x0`, `x1`, ….
  public var featureNames: [String]?
  /// The clustering to score.
  public var clustering: Clustering
  /// Ground-truth classes per row, when the spec names a truth column.
  public var truth: [String?]?
  /// Fits the trial's algorithm, with its parameters, to other data with a given seed
  /// (reference data sets for the gap statistic); `nil` where refitting is not possible.
  public var refit: (@Sendable (Matrix, UInt64) throws -> Clustering)?
  /// Labels rows with a model from ``refit`` (a ``Clustering/model``), for algorithms that can predict; `nil` otherwise.
  public var predict: (@Sendable (JSONValue, Matrix) throws -> [Int])?

  public init(
    features: Matrix, clustering: Clustering, truth: [String?]? = nil, refit: (@Sendable (Matrix, UInt64) throws -> Clustering)? = nil,
    predict: (@Sendable (JSONValue, Matrix) throws -> [Int])? = nil, featureNames: [String]? = nil
  ) {
    self.features = features
    self.featureNames = featureNames
    self.clustering = clustering
    self.truth = truth
    self.refit = refit
    self.predict = predict
  }

  /// The input a trial hands its metrics: refits use `algorithm` (with its parameters) on numeric data, and
  /// predictions the saved-model labelling of `descriptor` when it can predict.
  public init(
    features: Matrix, clustering: Clustering, truth: [String?]?, refitting algorithm: any ClusteringAlgorithm, described descriptor: AlgorithmDescriptor
  ) {
    let refit: @Sendable (Matrix, UInt64) throws -> Clustering = { x, seed in
      try algorithm.fit(ClusteringInput(numeric: x), context: FitContext(seed: seed))
    }
    let predict: @Sendable (JSONValue, Matrix) throws -> [Int] = { model, x in
      try descriptor.predict(model, ClusteringInput(numeric: x)).labels
    }
    self.init(
      features: features, clustering: clustering, truth: truth, refit: refit, predict: descriptor.capabilities.canPredict ? predict : nil)
  }
}

/// A metric's value, or why it has none.
public enum Score: Sendable, Equatable {
  /// A finite value.
  case value(Double)
  /// The metric is not defined for this clustering; the reason says why.
  case undefined(String)
  /// A point value with an interval around it (a subsampled estimate's 95 % interval,
  /// or the gap statistic ± one standard error); the metric's documentation says which.
  case estimate(value: Double, low: Double, high: Double)

  /// The (point) value, if defined.
  public var value: Double? {
    switch self {
    case .value(let v), .estimate(let v, _, _): v
    case .undefined: nil
    }
  }

  /// The interval of an estimate; `nil` for exact values and undefined scores.
  public var interval: (low: Double, high: Double)? {
    if case .estimate(_, let low, let high) = self { (low, high) } else { nil }
  }
}
