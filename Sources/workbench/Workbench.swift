import ArgumentParser
import Foundation
import WorkbenchKit

/// The `workbench` command: compare clustering approaches reproducibly.
@main
struct Workbench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "workbench",
    abstract: "Compare clustering approaches on customer data, reproducibly.",
    discussion: """
      Exit codes: 0 ok, 1 some trials failed (or results could not be written), \
      2 bad spec or usage, 3 bad data, 4 a re-run differs (verify), 5 a quality gate failed (gate).
      """,
    version: WorkbenchVersion.current,
    subcommands: [
      Run.self, Validate.self, Finalize.self, Profile.self, Report.self, Merge.self, Runs.self, Gate.self, Compare.self, Cluster.self, Evaluate.self, Assign.self,
      Verify.self, Plugins.self, Schema.self, Simulate.self, Bench.self,
    ])

  /// Runs the command, mapping parser usage errors to exit code 2 so the documented table holds.
  ///
  /// An unknown command is reported (with the nearest names) before parsing, so `workbench gaet --help` is not the root help.
  /// The allocator is set up first (``AllocatorSettings``).
  static func main() {
    AllocatorSettings.apply()
    if let error = UnknownCommand.error(in: Array(CommandLine.arguments.dropFirst()), commands: configuration.subcommands) {
      exit(withError: CLIFailure.report(error))
    }
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        CLIFailure.printError(fullMessage(for: error))
        exit(withError: ExitCode(CLIFailure.usage))
      }
      exit(withError: error)
    }
  }
}
