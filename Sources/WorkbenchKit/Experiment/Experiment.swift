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

/// How trials are ordered on the leaderboard.
public struct RankingSpec: Sendable, Equatable {
  /// The metric that ranks trials (one of the experiment's metrics).
  public var metric: String

  /// The metric ranked by when the spec names none and the experiment computes it.
  public static let defaultMetric = "silhouette"
}
