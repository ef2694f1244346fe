import WorkbenchKit

/// What `run --shard` prints when its share is recorded.
enum ShardText {
  /// "shard 2/4: 7 trials recorded (1 failed) in DIR", then how to merge.
  static func recorded(_ recorded: RecordedTrials, out: String) -> String {
    guard let shard = recorded.shard else { return "" }
    let failed = recorded.failedCount
    let count = recorded.results.records.count
    var text = "shard \(shard.shard): \(count) of \(shard.trials.count) trials recorded"
    if failed > 0 { text += " (\(failed) failed; merge reports them)" }
    if recorded.resumed > 0 { text += ", \(recorded.resumed) from an earlier run" }
    text += "\n→ \(recorded.results.folder.path)\n"
    let experiment = recorded.results.plan.experiment.name
    return text + "When all \(shard.shard.count) shards are done: workbench merge \(out) \(out)/\(experiment)/\(shard.runKey).shard-*-of-\(shard.shard.count)"
  }
}
