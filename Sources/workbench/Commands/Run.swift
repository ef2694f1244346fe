import ArgumentParser
import Foundation
import WorkbenchKit

/// `workbench run SPEC`: expand the grid, run every trial, write and rank the results.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run an experiment spec and rank its trials.",
    discussion: """
      Results go to <out>/<experiment>/<run-key>/: one folder per trial under trials/ (record, \
      labels, model), then the derived trials.jsonl, leaderboard.csv, leaderboard.md and \
      k-selection.json. Running the same spec on the same data again resumes: recorded trials \
      are kept (failed ones too; --fresh starts over).
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

  func run() throws {
    let summary: RunSummary
    let registry: PluginRegistry
    do {
      registry = try plugins.registry(spec: spec)
      summary = try threads.run {
        let prepared = try PreparedExperiment.load(specPath: spec, registry: registry)
        let plan = prepared.plan
        let progress = ProgressRenderer(mode: quiet ? .silent : .automatic) { plan.parameterText(of: $0.index, registry: registry) }
        defer { progress.finish() }
        if !quiet { for estimate in prepared.estimates where estimate.isNotable { CLIFailure.printError("note: " + estimate.text) } }
        return try Runner(registry: registry).run(
          prepared.plan, dataset: prepared.dataset, options: RunOptions(outputRoot: out, fresh: fresh), observe: progress.render)
      }
    } catch {
      throw CLIFailure.report(error)
    }
    print(LeaderboardText.top(summary, limit: 5, registry: registry))
    if summary.failedCount > 0 {
      CLIFailure.printError("\(summary.failedCount) of \(summary.records.count) trials failed; see leaderboard.md for the reasons.")
      throw ExitCode(CLIFailure.trialsFailed)
    }
  }
}
