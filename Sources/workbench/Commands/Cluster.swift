import ArgumentParser
import WorkbenchKit

/// `workbench cluster DATA.csv --algorithm kmeans --set k=4`: one algorithm, no spec.
struct Cluster: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run one algorithm on a CSV file and print its metrics and diagnostics.",
    discussion: """
      Goes through the same registry, pipeline and trial code as `run`; nothing is written \
      unless --labels-out is given. --set values are read as JSON where they parse \
      (numbers, true/false, lists such as --set 'init=[[0,0],[5,5]]'), otherwise as strings.
      """)

  @Argument(help: "The CSV file.")
  var data: String

  @Option(help: "The algorithm (see `workbench plugins`).")
  var algorithm = "kmeans"

  @Option(name: .customLong("set"), help: ArgumentHelp("A parameter, NAME=VALUE; repeatable.", valueName: "name=value"))
  var settings: [String] = []

  @OptionGroup var columns: FeatureOptions

  @Option(help: "Experiment seed; the trial seed derives from it.")
  var seed: UInt64 = 0

  @Option(help: "Comma-separated metric names (default: every metric that needs only features and labels, plus the external ones with --truth).")
  var metrics: String?

  @Option(help: "A ground-truth column, for external metrics (ari, ami, nmi, …).")
  var truth: String?

  @Option(help: "Write id,label for every row to this file.")
  var labelsOut: String?

  @Flag(help: "Print the result as JSON.")
  var json = false

  @OptionGroup var threads: JobsOption

  @OptionGroup var plugins: PluginOptions

  func run() throws {
    do {
      try OutputFile.check([("--labels-out", labelsOut)], against: [("the data file", data)])
      let trial = SingleTrial(
        dataPath: data, algorithm: algorithm, settings: try SettingParser.parse(settings),
        features: columns.featureNames, idColumn: columns.id, impute: columns.impute, scaling: columns.scale, seed: seed,
        metrics: CommaList.names(metrics), truth: truth)
      let registry = try plugins.registry()
      let outcome = try threads.run { try trial.run(registry: registry) }
      for estimate in outcome.estimates where estimate.isNotable { CLIFailure.printError("note: " + estimate.text) }
      if let labelsOut, let labels = outcome.labels {
        try AtomicFile.write(LabelsFile.text(labels, ids: outcome.ids, idColumn: outcome.idColumn), to: labelsOut)
      }
      print(json ? outcome.record.json.prettyText : TrialText.describe(outcome.record), terminator: json ? "" : "\n")
      if outcome.record.status == .failed { throw ExitCode(CLIFailure.trialsFailed) }
    } catch let exit as ExitCode {
      throw exit
    } catch {
      throw CLIFailure.report(FlagLocations.cluster.relocate(error))
    }
  }
}
