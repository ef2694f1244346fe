import Foundation
import Testing
@testable import WorkbenchKit

@Suite("Shards: --shard values, scheduler indices, the cost-balanced partition")
struct ShardTests {
  func resolve(_ text: String, _ environment: [String: String] = [:]) throws -> Shard { try Shard.resolve(text, environment: environment) }

  @Test("I/N names shard I of N; anything else is a usage error at --shard")
  func explicit() throws {
    #expect(try resolve("2/4") == Shard(number: 2, count: 4))
    #expect(try resolve("1/1") == Shard(number: 1, count: 1))
    #expect(try resolve("1000/1000").description == "1000/1000")
    for bad in ["0/4", "5/4", "2", "a/b", "2/0", "2/1001", "1/2/3", "", "-1/4", "auto/x"] {
      let error = #expect(throws: SpecError.self) { try resolve(bad) }
      #expect(error?.problems.first?.location.file == "--shard")
    }
  }

  @Test("auto in a Slurm job array: tasks of --array=0-3, 1-4 and 0-6:2 are shards 1…4")
  func slurm() throws {
    for id in 0..<4 {
      #expect(try resolve("auto", ["SLURM_ARRAY_TASK_ID": "\(id)", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "0"]) == Shard(number: id + 1, count: 4))
      #expect(try resolve("auto", ["SLURM_ARRAY_TASK_ID": "\(id + 1)", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "1"]) == Shard(number: id + 1, count: 4))
      #expect(
        try resolve("auto", ["SLURM_ARRAY_TASK_ID": "\(2 * id)", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_STEP": "2"])
          == Shard(number: id + 1, count: 4))
      #expect(try resolve("auto/4", ["SLURM_ARRAY_TASK_ID": "\(id)"]) == Shard(number: id + 1, count: 4))
    }
    #expect(throws: SpecError.self) { try resolve("auto/5", ["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "4"]) }
    #expect(throws: SpecError.self) { try resolve("auto", ["SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_COUNT": "4"]) }
    #expect(throws: SpecError.self) { try resolve("auto", ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_STEP": "2"]) }
    #expect(throws: SpecError.self) { try resolve("auto", ["SLURM_ARRAY_TASK_ID": "0"]) }
    #expect(throws: SpecError.self) { try resolve("auto", ["SLURM_ARRAY_TASK_ID": "x", "SLURM_ARRAY_TASK_COUNT": "4"]) }
  }

  @Test("auto/N in a Kubernetes indexed Job: JOB_COMPLETION_INDEX 0…N−1 is shard 1…N; without N or an index it is an error")
  func kubernetes() throws {
    for index in 0..<3 { #expect(try resolve("auto/3", ["JOB_COMPLETION_INDEX": "\(index)"]) == Shard(number: index + 1, count: 3)) }
    let noCount = #expect(throws: SpecError.self) { try resolve("auto", ["JOB_COMPLETION_INDEX": "0"]) }
    #expect(noCount?.description.contains("auto/N") == true)
    #expect(throws: SpecError.self) { try resolve("auto/3", ["JOB_COMPLETION_INDEX": "3"]) }
    let nothing = #expect(throws: SpecError.self) { try resolve("auto") }
    #expect(nothing?.description.contains("SLURM_ARRAY_TASK_ID") == true)
    #expect(nothing?.description.contains("JOB_COMPLETION_INDEX") == true)
  }

  func plan(_ spec: String) throws -> TrialPlan {
    try ExperimentReader(registry: .builtIn).plan(try JSONParser.parse(spec), file: "spec.json", baseDirectory: "/")
  }

  @Test("a trial's cost: rows·columns·k per fit, one fit per resample, plus each metric; quadratic metrics capped")
  func cost() throws {
    let plan = try plan(
      """
      {"name": "c", "data": {"path": "d.csv"}, "algorithms": [{"use": "kmeans", "grid": {"k": [2, 8]}}],
       "metrics": ["silhouette", "inertia"], "stability": {"resamples": 4}}
      """)
    let k2 = TrialCost.estimate(plan.trials[0], plan: plan, rows: 1000, columns: 10, registry: .builtIn)
    let k8 = TrialCost.estimate(plan.trials[1], plan: plan, rows: 1000, columns: 10, registry: .builtIn)
    // 5 fits of 1000·10·k, silhouette 1000²·10, inertia 1000·10.
    #expect(k2 == 5 * 20_000 + 10_000_000 + 10_000)
    #expect(k8 == 5 * 80_000 + 10_000_000 + 10_000)
    let large = TrialCost.estimate(plan.trials[0], plan: plan, rows: 1_000_000, columns: 16, registry: .builtIn)
    #expect(large == 5 * 32_000_000 + Guardrails.exactWorkLimit + 16_000_000)
  }

  @Test("every trial in exactly one shard, the same partition every time, loads within one trial of the mean")
  func partition() throws {
    let plan = try plan(
      """
      {"name": "p", "data": {"path": "d.csv"},
       "pipelines": [{"name": "a"}, {"name": "b", "steps": ["standard-scaler"]}],
       "algorithms": [{"use": "kmeans", "grid": {"k": {"from": 2, "to": 12}}}, {"use": "gmm", "grid": {"k": [2, 3, 4]}}],
       "metrics": ["inertia"]}
      """)
    let costs = plan.trials.map { TrialCost.estimate($0, plan: plan, rows: 500, columns: 6, registry: .builtIn) }
    for count in [1, 2, 3, 7, 40] {
      let partition = ShardPartition(plan: plan, rows: 500, columns: 6, count: count, registry: .builtIn)
      let shards = (1...count).map { Shard(number: $0, count: count) }
      let hashes = shards.flatMap { partition.trials(of: $0, in: plan).map(\.configHash) }
      #expect(hashes.count == plan.trials.count)
      #expect(Set(hashes) == Set(plan.trials.map(\.configHash)))
      #expect(partition.shardOfTrial == ShardPartition(plan: plan, rows: 500, columns: 6, count: count, registry: .builtIn).shardOfTrial)
      // Greedy LPT: the heaviest shard exceeds the mean by at most one trial's cost.
      let total: Double = costs.reduce(0, +)
      let heaviest: Double = partition.load.max() ?? 0
      #expect(heaviest <= total / Double(count) + (costs.max() ?? 0))
      let loaded: Double = partition.load.reduce(0, +)
      #expect(abs(loaded - total) < 1e-6 * total)
    }
    // Two shards of this grid: the largest trials (k = 12, 11) go to different shards.
    let two = ShardPartition(plan: plan, rows: 500, columns: 6, count: 2, registry: .builtIn)
    let biggest = costs.indices.sorted { costs[$0] > costs[$1] }
    #expect(two.shardOfTrial[biggest[0]] == 1)
    #expect(two.shardOfTrial[biggest[1]] == 2)
  }
}
