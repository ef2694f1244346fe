import ArgumentParser
import WorkbenchKit

/// `workbench verify RUN_DIR`: re-run a recorded run and prove its results byte-identical.
struct Verify: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Re-run a recorded run from its manifest and compare every byte-stable file.",
    discussion: "Exit 0 when every file is identical, 4 when any differs (a reproducibility gate for CI).")

  @Argument(help: ArgumentHelp("The run folder, e.g. results/customer-segments/<run-key>.", valueName: "run"))
  var runFolder: String

  @Option(help: "Trials to run at once for the re-run (results must not depend on it).")
  var jobs = 1

  func validate() throws {
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1; got \(jobs).") }
  }

  func run() async throws {
    let report: RunVerifier.Report
    do {
      report = try await RunVerifier(registry: .builtIn).verify(runDirectory: runFolder, jobs: jobs)
    } catch {
      throw CLIFailure.report(error)
    }
    guard report.identical else {
      CLIFailure.printError("not reproduced: \(report.differing.count) of \(report.compared.count) files differ:\n" + report.differing.map { "  " + $0 }.joined(separator: "\n"))
      throw ExitCode(CLIFailure.gate)
    }
    print("reproduced: all \(report.compared.count) byte-stable files are identical.")
  }
}
