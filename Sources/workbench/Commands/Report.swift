import ArgumentParser
import WorkbenchKit

/// `workbench report RUN_DIR`: the run's self-contained HTML report, rebuilt from its results.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a run's HTML report (report.html): ranking, choosing k, segment quality, segments, behaviour, reproducibility.",
    discussion: """
      The report is rebuilt from the run's recorded results and its data file (which must be where the \
      spec says, unchanged): one file with inline pictures, no network access when viewed. Without \
      --trial it describes the chosen trial and is the report.html the run wrote (rewritten only if \
      different); with --trial it describes that trial and goes to report-<hash>.html in the current \
      folder, unless --out names a file.
      """)

  @Argument(help: ArgumentHelp("The run folder, e.g. results/customer-segments/<run-key>.", valueName: "run"))
  var runFolder: String

  @Option(help: "Where to write the report (default: <run>/report.html for the chosen trial).")
  var out: String?

  @Option(help: "Describe this trial's segments: a config hash (a unique prefix is enough) from leaderboard.md.")
  var trial: String?

  @OptionGroup var threads: JobsOption

  func run() throws {
    do {
      try OutputFile.check([("--out", out)], against: RunFolder(existing: runFolder).inputs(named: "the run"))
      let written = try threads.run { try RunFinalizer(registry: .builtIn).writeReport(runDirectory: runFolder, trial: trial, out: out) }
      print("\(written.path): report of \(written.trial.map { "trial \($0.configHash)" } ?? "a run with no ranked trial").")
    } catch {
      throw CLIFailure.report(error)
    }
  }
}
