import ArgumentParser
import WorkbenchKit

/// `workbench profile RUN_DIR`: who is in each segment of a trial, in a screen per segment.
struct Profile: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Describe the segments of a run's chosen trial (or any trial): names, sizes, what sets each apart, rules.",
    discussion: """
      Computes the segment insight of the trial from the run's data in original units (the data file \
      must be where the spec says, unchanged): profiles, names, feature importance and the surrogate \
      tree's rules. --json prints everything, as insight/<hash>.json holds it for the chosen trial and \
      the best trial of each method.
      """)

  @Argument(help: ArgumentHelp("The run folder, e.g. results/customer-segments/<run-key>.", valueName: "run"))
  var runFolder: String

  @Option(help: "The trial's config hash (a unique prefix is enough), from leaderboard.md.")
  var trial: String?

  @Option(help: "The trial at this rank of the leaderboard (default 1, the chosen trial).")
  var rank: Int?

  @Flag(help: "Print the whole insight as JSON.")
  var json = false

  @OptionGroup var threads: JobsOption

  @OptionGroup var plugins: PluginOptions

  func validate() throws {
    if trial != nil, rank != nil { throw ValidationError("give --trial or --rank, not both.") }
  }

  func run() throws {
    do {
      let profile = try threads.run { try TrialProfile.compute(runDirectory: runFolder, trial: trial, rank: rank, registry: try plugins.registry(run: runFolder)) }
      print(json ? profile.insight.json.prettyText : profile.text, terminator: "")
    } catch {
      throw CLIFailure.report(error)
    }
  }
}
