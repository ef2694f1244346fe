/// Which shard runs which trial: the plan divided into `count` shares of about equal estimated work.
///
/// Greedy longest-processing-time scheduling (Graham 1969): trials in order
/// of decreasing ``TrialCost`` (ties in grid order) each go to the shard with
/// the least work so far (ties to the lower number). Within 4/3 of the best
/// possible largest share. The result depends only on the plan, the data's
/// size and `count` — never on the machine, the time or the shard asking —
/// so every task of an array computes the same partition independently.
/// Trial results never depend on it: seeds come from config hashes.
/// - Complexity: O(trials · (log trials + count)).
public struct ShardPartition: Sendable {
  /// Shard number (1…count) of each trial, in grid order.
  public let shardOfTrial: [Int]
  /// Estimated work of each shard, by number − 1.
  public let load: [Double]

  /// Divides `plan`'s trials among `count` shards for data of `rows` × `columns`.
  public init(plan: TrialPlan, rows: Int, columns: Int, count: Int, registry: PluginRegistry) {
    let costs = plan.trials.map { TrialCost.estimate($0, plan: plan, rows: rows, columns: columns, registry: registry) }
    let order = costs.indices.sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }
    var load = Array(repeating: 0.0, count: count)
    var shardOfTrial = Array(repeating: 0, count: costs.count)
    for trial in order {
      var lightest = 0
      for shard in 1..<count where load[shard] < load[lightest] { lightest = shard }
      load[lightest] += costs[trial]
      shardOfTrial[trial] = lightest + 1
    }
    self.shardOfTrial = shardOfTrial
    self.load = load
  }

  /// The trials of `shard`, in grid order.
  public func trials(of shard: Shard, in plan: TrialPlan) -> [TrialConfig] {
    plan.trials.filter { shardOfTrial[$0.index] == shard.number }
  }
}
