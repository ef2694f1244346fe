import ArgumentParser
import WorkbenchKit

/// `workbench compare RUN_A RUN_B`: what changed between two runs, as Markdown or JSON.
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show what changed between two runs: inputs, ranks, scores and metrics per trial, and agreement of the chosen segmentations.",
    discussion: """
      Trials are matched by config hash; the chosen segmentations (rank 1 of each run) are \
      compared on the customers both runs contain (by id): adjusted Rand index and the \
      contingency table of their segments.
      """)

  @Argument(help: ArgumentHelp("The first run folder (e.g. the baseline).", valueName: "run-a"))
  var first: String

  @Argument(help: ArgumentHelp("The second run folder.", valueName: "run-b"))
  var second: String

  @Flag(help: "Print JSON instead of Markdown.")
  var json = false

  @OptionGroup var threads: JobsOption

  @OptionGroup var plugins: PluginOptions

  func run() throws {
    do {
      let comparison = try threads.run {
        try RunComparison(try RankedRun.open(first, registry: try plugins.registry(run: first)), try RankedRun.open(second, registry: try plugins.registry(run: second)))
      }
      print(json ? comparison.json.prettyText : comparison.markdown, terminator: "")
    } catch {
      throw CLIFailure.report(error)
    }
  }
}
