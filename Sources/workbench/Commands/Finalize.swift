import ArgumentParser
import WorkbenchKit

/// `workbench finalize RUN_DIR`: re-derive every run-level file from the trial store.
struct Finalize: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Re-derive a run's ranking, alignment, k selection, leaderboards and report.html from its recorded trials.",
    discussion: """
      Use it after a crash, or after an upgrade that changes ranking or reports. Trial outputs \
      (records, labels, models) are never touched; derived files are written only where their \
      content changes, so finalizing a finished run rewrites nothing.
      """)

  @Argument(help: ArgumentHelp("The run folder, e.g. results/customer-segments/<run-key>.", valueName: "run"))
  var runFolder: String

  @OptionGroup var threads: JobsOption

  @OptionGroup var plugins: PluginOptions

  func run() throws {
    do {
      let registry = try plugins.registry(run: runFolder)
      let derived = try threads.run { try RunFinalizer(registry: registry).finalize(runDirectory: runFolder) }
      if derived.unrecorded > 0 {
        CLIFailure.printError(
          "note: \(derived.unrecorded) of \(derived.unrecorded + derived.records.count) planned trials have no trusted record (the run was stopped, "
            + "or a trial's files were changed), so the ranking leaves them out; run the experiment again to fit them.")
      }
      print(derived.written.isEmpty ? "\(runFolder): up to date; nothing rewritten." : "\(runFolder): wrote \(derived.written.joined(separator: ", ")).")
    } catch {
      throw CLIFailure.report(error)
    }
  }
}
