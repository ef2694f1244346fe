import ArgumentParser
import Foundation
import WorkbenchKit

/// `workbench run SPEC`: expand the grid, run every trial, write and rank the results.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run an experiment spec and rank its trials.",
    discussion: """
      Results go to <out>/<experiment>/<run-key>/: one folder per trial under trials/ (record, \
      labels, model), then the derived trials.jsonl, leaderboard.csv, leaderboard.md, \
      k-selection.json and metrics.json (and gate.* when the spec has a gate). Running the same \
      spec on the same data again resumes: recorded trials are kept (failed ones too; --fresh \
      starts over). With --shard I/N only the shard's share of the trials is recorded, in \
      <out>/<experiment>/<run-key>.shard-I-of-N/; `workbench merge` unites the shards and ranks.
      """)

  @Argument(help: "The experiment spec (JSON), e.g. experiments/customer-segments.json.")
  var spec: String

  @Option(help: "Results root folder.")
  var out = "results"

  @OptionGroup var threads: JobsOption

  @OptionGroup var plugins: PluginOptions

  @Flag(help: "Discard trials recorded by an earlier run of this spec and data.")
  var fresh = false

  @Flag(help: "Print no progress, only the leaderboard.")
  var quiet = false

  @Option(
    help: ArgumentHelp(
      "Record only shard I of N (1 ≤ I ≤ N), balanced by estimated cost: I/N, auto (a Slurm job array's task) or auto/N (a Kubernetes indexed Job's JOB_COMPLETION_INDEX).",
      valueName: "I/N|auto|auto/N"))
  var shard: String?

  func run() throws {
    let outcome: Outcome
    let registry: PluginRegistry
    do {
      let split = try shard.map { try Shard.resolve($0, environment: ProcessInfo.processInfo.environment) }
      registry = try plugins.registry(spec: spec)
      outcome = try threads.run {
        let prepared = try PreparedExperiment.load(specPath: spec, registry: registry)
        let plan = prepared.plan
        let progress = ProgressRenderer(mode: quiet ? .silent : .automatic) { plan.parameterText(of: $0.index, registry: registry) }
        defer { progress.finish() }
        if !quiet { for estimate in prepared.estimates where estimate.isNotable { CLIFailure.printError("note: " + estimate.text) } }
        let options = RunOptions(outputRoot: out, fresh: fresh, shard: split)
        let runner = Runner(registry: registry)
        if split != nil { return .shard(try runner.record(plan, dataset: prepared.dataset, options: options, observe: progress.render)) }
        return .run(try runner.run(plan, dataset: prepared.dataset, options: options, observe: progress.render))
      }
    } catch {
      throw CLIFailure.report(error)
    }
    switch outcome {
    case .shard(let recorded): print(ShardText.recorded(recorded, out: out))
    case .run(let summary):
      print(LeaderboardText.top(summary, limit: 5, registry: registry))
      if summary.failedCount > 0 {
        CLIFailure.printError("\(summary.failedCount) of \(MessageText.counted(summary.records.count, "trial")) failed; see leaderboard.md for the reasons.")
        throw ExitCode(CLIFailure.trialsFailed)
      }
    }
  }

  /// A finished run, or a recorded shard.
  private enum Outcome {
    case run(RunSummary)
    case shard(RecordedTrials)
  }
}
