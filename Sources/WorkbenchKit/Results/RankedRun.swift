/// A run read back with the leaderboard its finalize step derives, without writing anything.
///
/// What commands that judge or compare runs (`gate`, `compare`) start from:
/// the ranking is the finalizer's, never re-implemented, so a change to the
/// ranking rule reaches every command at once.
public struct RankedRun: Sendable {
  /// The run.
  public let results: RunResults
  /// Its trials ranked, as ``RunFinalizer`` ranks them.
  public let leaderboard: Leaderboard
  /// The plugins the run used (for parameter text).
  public let registry: PluginRegistry

  public init(results: RunResults, leaderboard: Leaderboard, registry: PluginRegistry) {
    self.results = results
    self.leaderboard = leaderboard
    self.registry = registry
  }

  /// Opens the run folder at `path` and derives its leaderboard (reading only); a shard store is refused.
  public static func open(_ path: String, registry: PluginRegistry) throws -> RankedRun {
    let results = try RunResults.open(path, registry: registry)
    if let shard = try ShardManifest.read(results.folder) {
      throw SpecError(
        Location(file: results.folder.path), "this is the store of shard \(shard.shard) of a split run; it holds only part of the trials.",
        fix: "merge every shard first (`workbench merge OUT SHARD_DIR…`) and give the merged run folder.")
    }
    return RankedRun(results: results, leaderboard: try RunFinalizer(registry: registry).ranked(results).board, registry: registry)
  }

  /// The run's key, from its spec and data (the same for a run, its copies and the merge of its shards).
  public var runKey: String { RunKey.of(plan: results.plan, dataFingerprint: results.manifest.dataSHA256) }

  /// The experiment's name.
  public var experiment: String { results.plan.experiment.name }

  /// The trial ranked first, if any trial could be ranked.
  public var chosen: ChosenTrial? { leaderboard.ranked.first.map { ChosenTrial(entry: $0, parameters: parameterText($0.record)) } }

  /// A trial's algorithm parameters as `k=5 n_init=10`.
  public func parameterText(_ record: TrialRecord) -> String { results.plan.parameterText(of: record.index, registry: registry) }

  /// A trial as "scaled · kmeans k=5".
  public func describe(_ record: TrialRecord) -> String { results.plan.configurationText(of: record.index, registry: registry) }
}

/// The trial a run chose — rank 1 of its leaderboard — with what gates, comparisons and `metrics.json` report of it.
public struct ChosenTrial: Sendable, Equatable {
  /// Its leaderboard entry (record, score, quality, stability).
  public let entry: Leaderboard.Entry
  /// Its algorithm parameters as `k=5 n_init=10`.
  public let parameters: String

  /// The trial's record.
  public var record: TrialRecord { entry.record }

  /// "trial 9 (scaled · kmeans k=5)".
  public var label: String {
    "trial \(record.index) (\(TrialPlan.configurationText(pipeline: record.pipeline, algorithm: record.algorithmName, parameters: parameters)))"
  }

  /// The smallest segment's share of the clustered rows (noise aside); nil without segments.
  public var smallestSegmentShare: Double? {
    let clustered = record.sizes.reduce(0, +)
    guard let smallest = record.sizes.min(), clustered > 0 else { return nil }
    return Double(smallest) / Double(clustered)
  }

  /// The trial as JSON: identity, score, segments and every metric value.
  public var json: JSONValue {
    var o: [String: JSONValue] = [
      "trial": .int(record.index), "config_hash": .string(record.configHash), "pipeline": .string(record.pipeline),
      "algorithm": .string(record.algorithmName), "parameters": .string(parameters), "segments": .int(record.clusterCount ?? 0),
      "score": .double(entry.score), "quality": .double(entry.quality),
      "metrics": .object(record.metrics.compactMapValues { $0.value.map(JSONValue.double) }),
    ]
    if let stability = entry.stability { o["stability"] = .double(stability) }
    if let share = smallestSegmentShare { o["smallest_segment_share"] = .double(share) }
    return .object(o)
  }
}
