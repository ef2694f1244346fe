import ArgumentParser
import Foundation
import WorkbenchKit

/// `workbench run SPEC`: expand the grid, run every trial, write and rank the results.
struct Run: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run an experiment spec and rank its trials.",
    discussion: """
      Results go to <out>/<experiment>/<run-key>/ (manifest.json, trials.jsonl, timings.jsonl, \
      labels/, leaderboard.csv, leaderboard.md). Running the same spec on the same data again \
      resumes: recorded trials are skipped unless --fresh is given.
      """)

  @Argument(help: "The experiment spec (JSON), e.g. experiments/customer-segments.json.")
  var spec: String

  @Option(help: "Results root folder.")
  var out = "results"

  @Option(help: "Trials to run at once, by default one per core. Results do not depend on it.")
  var jobs = ProcessInfo.processInfo.activeProcessorCount

  @Flag(help: "Discard trials recorded by an earlier run of this spec and data.")
  var fresh = false

  @Flag(help: "Print no progress, only the leaderboard.")
  var quiet = false

  func validate() throws {
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1; got \(jobs).") }
  }

  func run() async throws {
    let summary: RunSummary
    do {
      let prepared = try PreparedExperiment.load(specPath: spec, registry: .builtIn)
      let progress = ProgressRenderer(mode: quiet ? .silent : .automatic)
      summary = try await Runner(registry: .builtIn).run(
        prepared.plan, dataset: prepared.dataset, options: RunOptions(outputRoot: out, jobs: jobs, fresh: fresh), observe: progress.render)
      progress.finish()
    } catch {
      throw CLIFailure.report(error)
    }
    print(LeaderboardText.top(summary, limit: 5))
    if summary.failedCount > 0 {
      CLIFailure.printError("\(summary.failedCount) of \(summary.records.count) trials failed; see leaderboard.md for the reasons.")
      throw ExitCode(CLIFailure.trialsFailed)
    }
  }
}
