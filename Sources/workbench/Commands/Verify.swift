import ArgumentParser
import WorkbenchKit

/// `workbench verify RUN_DIR`: re-run a recorded run and prove its results byte-identical.
struct Verify: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Re-run a recorded run from its manifest and compare every byte-stable file.",
    discussion: """
      The data is found where the spec says, relative to the spec: the spec is looked for where \
      the manifest records it relative to the run folder (so a copied tree of spec, data and \
      results verifies anywhere), or given with --spec; or give the data with --data. A shard \
      store re-runs its shard only. Exit 0 when every file is identical, 4 when any differs \
      (a reproducibility gate for CI), 3 when the data is not the data the run used.
      """)

  @Argument(help: ArgumentHelp("The run folder, e.g. results/customer-segments/<run-key>.", valueName: "run"))
  var runFolder: String

  @Option(help: "The data file, when it is not where the spec says relative to the spec (checked against the recorded SHA-256).")
  var data: String?

  @Option(help: "A copy of the run's spec, when it is not where the manifest records it relative to the run folder; the data is looked for relative to it.")
  var spec: String?

  @OptionGroup var threads: JobsOption

  @OptionGroup var plugins: PluginOptions

  func run() throws {
    let report: RunVerifier.Report
    do {
      let registry = try plugins.registry(run: runFolder)
      report = try threads.run { try RunVerifier(registry: registry).verify(runDirectory: runFolder, data: data, spec: spec) }
    } catch {
      throw CLIFailure.report(error)
    }
    guard report.identical else {
      CLIFailure.printError("not reproduced: \(report.differing.count) of \(report.compared.count) files differ:\n" + report.differing.map { "  " + $0 }.joined(separator: "\n"))
      throw ExitCode(CLIFailure.reproduction)
    }
    print("reproduced\(report.shard.map { " shard \($0)" } ?? ""): all \(report.compared.count) byte-stable files are identical.")
  }
}
