import ArgumentParser
import Foundation
import WorkbenchKit

/// `workbench gate RUN_DIR`: judge a run's chosen trial against thresholds and a baseline; exit 5 when a check fails.
struct Gate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check a run's chosen trial against the spec's gate (or --gate FILE) and a baseline run.",
    discussion: """
      Thresholds on the chosen trial (rank 1): quality (the ranking metric), min_stability, \
      min_segment_share, min_segments, max_segments, metrics bounds; against --baseline RUN_DIR: \
      agreement (ARI) on the customers both runs contain, each segment's share shift, and \
      optionally the same algorithm and number of segments. Prints a Markdown summary; writes \
      JUnit XML, Markdown (appended, as $GITHUB_STEP_SUMMARY expects) and JSON where asked. \
      Exit 0 when every check passes, 5 when one fails.
      """)

  @Argument(help: ArgumentHelp("The run folder, e.g. results/customer-segments/<run-key>.", valueName: "run"))
  var runFolder: String

  @Option(help: "A JSON file holding the gate (like the spec's gate section), used instead of the spec's.")
  var gate: String?

  @Option(help: ArgumentHelp("A run to compare against (e.g. last release's), for the baseline checks.", valueName: "run"))
  var baseline: String?

  @Option(help: "Write the verdict as JUnit XML to this file (one testcase per check).")
  var junit: String?

  @Option(help: "Append the Markdown summary to this file (e.g. \"$GITHUB_STEP_SUMMARY\").")
  var summary: String?

  @Option(help: "Write the verdict as JSON to this file.")
  var json: String?

  @OptionGroup var threads: JobsOption

  @OptionGroup var plugins: PluginOptions

  func run() throws {
    let report: GateReport
    do {
      try OutputFile.check(
        [("--junit", junit), ("--summary", summary), ("--json", json)],
        against: RunFolder(existing: runFolder).inputs(named: "the run") + (gate.map { [("the gate file", $0)] } ?? [])
          + (baseline.map { try RunFolder(existing: $0).inputs(named: "the baseline run") } ?? []))
      report = try threads.run {
        let run = try RankedRun.open(runFolder, registry: try plugins.registry(run: runFolder))
        let spec = try gate.map { try GateSpec.read(path: $0, metrics: run.results.plan.metrics.map(\.name)) } ?? run.results.plan.experiment.gate
        guard let spec else {
          throw SpecError(Location(file: runFolder), "the run's spec has no gate section and no --gate file was given.", fix: "add a \"gate\" section to the spec or give --gate FILE (see README, \"Quality gate\").")
        }
        return try QualityGate(spec: spec).evaluate(run, baseline: try baseline.map { try RankedRun.open($0, registry: try plugins.registry(run: $0)) })
      }
      if let junit { try AtomicFile.write(report.junit, to: junit) }
      if let json { try AtomicFile.write(report.json.prettyText, to: json) }
      if let summary { try StepSummary.append(report.markdown + "\n", to: summary) }
    } catch {
      throw CLIFailure.report(error)
    }
    print(report.markdown, terminator: "")
    guard report.passed else { throw ExitCode(CLIFailure.gate) }
  }
}
