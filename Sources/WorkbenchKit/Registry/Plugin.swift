import WorkbenchNumerics

/// What every plugin (preprocessor, algorithm, metric) declares about itself.
///
/// Plugins are immutable values: `init(validated:)` only stores typed
/// parameters (no data, no randomness, no resolving of "auto"), and fitting
/// returns its result instead of storing it, so one instance can serve many
/// trials in parallel and fitting twice gives the same answer.
public protocol Plugin: Sendable {
  /// Stable kebab-case id used in specs, hashes and manifests ("kmeans"); never renamed.
  static var name: String { get }
  /// One line for `workbench plugins`.
  static var summary: String { get }
  /// The parameters, declared once.
  static var parameters: [ParameterSpec] { get }
  /// Builds the plugin from checked values; throws ``ParameterError`` for rules spanning parameters.
  init(validated: Parameters) throws
}

/// A pipeline step: learns state from a table on `fit`, then applies it with `transform`.
public protocol Preprocessor: Plugin {
  /// Learns the step's state (means, scales, …) from `table`.
  func fit(_ table: DataTable, context: FitContext) throws -> any FittedPreprocessor
  /// Rebuilds a fitted step from its saved ``FittedPreprocessor/state`` (to label new rows later).
  static func restore(state: JSONValue) throws -> any FittedPreprocessor
  /// What the step may do to categorical columns; lets a spec be checked before any data is read.
  static var categoricalEffect: CategoricalEffect { get }
  /// The columns the step leaves, given those it receives, worked out before fitting; throws when the columns
  /// alone show it cannot work (`pca` asking for more components than columns reach it).
  func shape(after input: FeatureShape) throws(FeatureShape.Problem) -> FeatureShape
}

/// What a pipeline step may do to categorical columns.
public enum CategoricalEffect: String, Sendable, Equatable {
  /// Passes them through unchanged (most steps).
  case keeps
  /// May turn them into numeric columns (encoders).
  case encodes
  /// May remove them (column selection).
  case mayRemove = "may-remove"
}

extension Preprocessor {
  /// Steps keep categorical columns unless they say otherwise.
  public static var categoricalEffect: CategoricalEffect { .keeps }
  /// Steps keep their columns (names, kinds, rows) unless they say otherwise.
  public func shape(after input: FeatureShape) throws(FeatureShape.Problem) -> FeatureShape { input }
}

/// The learned state of a pipeline step.
public protocol FittedPreprocessor: Sendable {
  /// Applies the learned state to a table with the same columns as the fit table.
  func transform(_ table: DataTable) throws -> DataTable
  /// What the step learned, for the trial record (`nil` when there is nothing worth recording).
  var summary: JSONValue? { get }
  /// Everything ``Preprocessor/restore(state:)`` needs to rebuild this step exactly (doubles round-trip).
  var state: JSONValue { get }
}

/// A clustering method: rows of a matrix in, a labelled partition out.
public protocol ClusteringAlgorithm: Plugin {
  /// Behaviour the runner and the common checks rely on.
  static var capabilities: AlgorithmCapabilities { get }
  /// Partitions the rows of `input`; data-dependent failures throw ``FitError``.
  func fit(_ input: ClusteringInput, context: FitContext) throws -> Clustering
  /// Labels new rows with a saved ``Clustering/model``; the rows must have the fit's features.
  ///
  /// The same rows as the fit get the same labels. Algorithms that cannot
  /// predict keep the default, which throws.
  static func predict(model: JSONValue, input: ClusteringInput) throws -> Prediction
  /// Throws when the features' columns alone show the fit cannot work (explicit centers of the wrong width,
  /// no categorical feature for a mixed-data method); checked by `validate` and before a run writes anything.
  func check(_ input: FeatureShape) throws(FeatureShape.Problem)
}

/// Labels for new rows from a fitted model, with soft memberships where the model has them.
public struct Prediction: Sendable, Equatable {
  /// One label per row.
  public var labels: [Int]
  /// `rows × clusters` membership probabilities (mixtures, fuzzy partitions), rows summing to 1.
  public var memberships: Matrix?
  /// Named per-row values beside the label (HDBSCAN's membership `probability`), as in ``Clustering/rowScores``.
  public var rowScores: [RowScore]

  public init(labels: [Int], memberships: Matrix? = nil, rowScores: [RowScore] = []) {
    self.labels = labels
    self.memberships = memberships
    self.rowScores = rowScores
  }
}

extension ClusteringAlgorithm {
  /// Algorithms accept any columns unless they say otherwise.
  public func check(_ input: FeatureShape) throws(FeatureShape.Problem) {}

  /// Algorithms without a predictive model cannot label new rows.
  public static func predict(model: JSONValue, input: ClusteringInput) throws -> Prediction {
    throw FitError.degenerate("\(name) cannot label new rows; its clusters are defined only on the data it was fitted on")
  }

  /// Partitions the rows of a numeric matrix.
  public func fit(_ x: Matrix, context: FitContext) throws -> Clustering {
    try fit(ClusteringInput(numeric: x), context: context)
  }
}

/// A score for a clustering: internal (from the features) or external (from a ground truth).
public protocol ClusterMetric: Plugin {
  /// Whether larger or smaller values are better.
  static var direction: MetricDirection { get }
  /// The range the value always lies in, when bounded (silhouette: -1...1).
  static var bounds: ClosedRange<Double>? { get }
  /// What the metric needs besides features and labels; empty (the default) for internal metrics of a partition.
  static var needs: MetricNeeds { get }
  /// Scores one clustering; `.undefined` with a reason when the score does not exist (one cluster).
  func score(_ input: MetricInput, context: FitContext) throws -> Score
  /// How this metric picks the number of clusters from its curve over k; `nil` when it has no such rule.
  static var kRule: KSelectionRule? { get }
  /// Whether a spec without a `metrics` list computes it (expensive metrics that refit the algorithm say no).
  static var computedByDefault: Bool { get }
  /// For metrics comparing every pair of rows: their cost and sampled form (``PairwiseCost``); `nil` for the others.
  static var pairwiseCost: PairwiseCost? { get }
  /// Whether the score is computed from ``MetricInput/features`` (so they must be inside
  /// ``FeatureMagnitude``'s band); external metrics and information criteria say no.
  static var readsFeatures: Bool { get }
}

extension ClusterMetric {
  /// Metrics have no k-selection rule unless they declare one.
  public static var kRule: KSelectionRule? { nil }
  /// Metrics are computed by default unless they say otherwise.
  public static var computedByDefault: Bool { true }
  /// Metrics are linear in the rows unless they say otherwise.
  public static var pairwiseCost: PairwiseCost? { nil }
  /// Metrics read the features unless they say otherwise.
  public static var readsFeatures: Bool { true }
}

extension ClusterMetric {
  /// Features and labels suffice.
  public static var needs: MetricNeeds { [] }
}

/// The direction in which a metric improves.
public enum MetricDirection: String, Sendable, Equatable {
  case higherIsBetter = "higher-is-better"
  case lowerIsBetter = "lower-is-better"
}
