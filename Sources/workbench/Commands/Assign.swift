import ArgumentParser
import WorkbenchKit

/// `workbench assign RUN_DIR --trial HASH new.csv`: label new customers with a saved model.
struct Assign: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Label the rows of a CSV file with a trial's saved pipeline and model.",
    discussion: """
      Prints id,label (plus excluded_by when a pipeline step excludes rows, p0,p1,… \
      membership probabilities per segment id for mixture and fuzzy models, and the model's \
      per-row scores, such as hdbscan's probability). The file needs the id column and the \
      columns the experiment's pipeline read; the fit's own rows get the fit's labels.
      """)

  @Argument(help: ArgumentHelp("The run folder, e.g. results/customer-segments/<run-key>.", valueName: "run"))
  var runFolder: String

  @Option(help: "The trial's config hash (a unique prefix is enough), from leaderboard.md.")
  var trial: String

  @Argument(help: "The CSV file of rows to label.")
  var data: String

  @Option(help: "Write the labels to this file instead of standard output.")
  var out: String?

  @OptionGroup var plugins: PluginOptions

  func run() throws {
    do {
      try OutputFile.check([("--out", out)], against: [("the data file", data)] + RunFolder(existing: runFolder).inputs(named: "the run"))
      let assignment = try Assigner(registry: try plugins.registry(run: runFolder)).assign(runDirectory: runFolder, trial: trial, dataPath: data)
      if let out {
        try AtomicFile.write(assignment.csv, to: out)
      } else {
        print(assignment.csv, terminator: "")
      }
    } catch {
      throw CLIFailure.report(error)
    }
  }
}
