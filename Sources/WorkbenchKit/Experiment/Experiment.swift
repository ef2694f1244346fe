/// A validated experiment spec: what to cluster, how to prepare it, which methods to compare.
///
/// Produced by ``ExperimentReader`` (spec format version 1) after every
/// static check has passed; nothing here has looked at the data yet.
public struct Experiment: Sendable, Equatable {
  /// Short name; the results folder is `results/<name>/`.
  public var name: String
  /// Free text for people.
  public var description: String?
  /// The experiment seed every trial seed derives from.
  public var seed: UInt64
  /// Where the data is and which columns matter.
  public var data: DataSpec
  /// Named preprocessing pipelines; each is combined with every algorithm.
  public var pipelines: [PipelineSpec]
  /// Algorithms with fixed parameters and grids.
  public var algorithms: [PluginUse]
  /// Metrics computed for every trial.
  public var metrics: [PluginUse]
  /// How the leaderboard is ordered.
  public var ranking: RankingSpec
  /// Where trials are scored for ranking.
  public var evaluation: EvaluationSpec
  /// Column roles and settings of the insight step.
  public var insight: InsightSpec
  /// How trials are tested for stability; `nil` when the spec has no `stability` section.
  public var stability: StabilitySpec?
  /// The quality gate `workbench gate` and finalize apply to the chosen trial; `nil` when the spec has no `gate` section.
  public var gate: GateSpec?
  /// The spec as written (for the manifest).
  public var source: JSONValue
  /// The spec file as the user named it, for messages.
  public var specFile: String
}

/// A named sequence of preprocessing steps.
public struct PipelineSpec: Sendable, Equatable {
  /// The name used in results and the leaderboard.
  public var name: String
  /// Steps in order; an empty pipeline passes the features through.
  public var steps: [PluginUse]
  /// Where the pipeline is in the spec.
  public var location: Location
}

/// How trials are ordered on the leaderboard: a quality metric, stability, and constraints.
public struct RankingSpec: Sendable, Equatable {
  /// The quality metric (one of the experiment's metrics).
  public var metric: String
  /// Weight of stability in the score (quality gets 1 − weight); used only when stability is computed.
  public var stabilityWeight: Double
  /// Trials whose smallest segment holds less than this share of the clustered rows are listed but not ranked.
  public var minSegmentShare: Double
  /// Trials whose mean resample ARI is below this are listed but not ranked (when stability is computed).
  public var minStability: Double

  public init(metric: String, stabilityWeight: Double = 0.5, minSegmentShare: Double = 0.02, minStability: Double = 0) {
    self.metric = metric
    self.stabilityWeight = stabilityWeight
    self.minSegmentShare = minSegmentShare
    self.minStability = minStability
  }

  /// The metric ranked by when the spec names none and the experiment computes it.
  public static let defaultMetric = "silhouette"

  /// The section's keys besides `metric`, declared like plugin parameters.
  public static let parameters: [ParameterSpec] = [
    ParameterSpec("stability_weight", .real(minimum: 0, maximum: 1), default: 0.5, "Weight of stability in the score; quality gets 1 − weight."),
    ParameterSpec(
      "min_segment_share", .real(minimum: 0, maximum: 0.5), default: 0.02,
      "Smallest segment's share of clustered rows below which a trial is not ranked (silhouette alone rewards tiny splits)."),
    ParameterSpec("min_stability", .real(minimum: -1, maximum: 1), default: 0.0, "Mean resample ARI below which a trial is not ranked."),
  ]
}
