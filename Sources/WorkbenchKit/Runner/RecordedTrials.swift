/// What ``Runner/record(_:dataset:options:observe:)`` left in the trial store, before anything is derived.
public struct RecordedTrials: Sendable {
  /// The folder's trusted trials: every planned trial's (or the shard's share's) record, in grid order.
  public var results: RunResults
  /// Trials taken from an earlier run instead of being fitted again.
  public var resumed: Int
  /// The shard recorded, when the run was split.
  public var shard: ShardManifest?
  /// The shared space the trials were scored in, when the spec asks for the standardized one (the report draws it too).
  public var standardizedSpace: EvaluationSpace?
  /// The finished manifest `run` writes once the derived files are written (nil when there is nothing to mark).
  public var finishedManifest: RunManifest? = nil

  /// Number of failed trials.
  public var failedCount: Int { results.records.filter { $0.status == .failed }.count }
}
