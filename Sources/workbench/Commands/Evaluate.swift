import ArgumentParser
import WorkbenchKit

/// `workbench evaluate DATA.csv --labels LABELS.csv`: score an existing segmentation.
struct Evaluate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Score an existing segmentation (a labels CSV) with the workbench's metrics.",
    discussion: """
      For audits and comparisons with other tools. LABELS.csv holds the row id in its first \
      column and the cluster label in its second (-1 = noise), as `run` writes them; rows with \
      an empty label (excluded by a pipeline step) are skipped and counted. Rows are matched by \
      id; every id must appear in both files. Internal metrics leave noise rows out; external \
      metrics (with --truth) keep noise as one more cluster and leave out rows without a truth value. \
      Default metrics: every metric that needs only features and labels, plus the external ones with --truth.
      """)

  @Argument(help: "The data CSV file.")
  var data: String

  @Option(help: "The labels CSV file (id,label[,excluded_by]).")
  var labels: String

  @OptionGroup var columns: FeatureOptions

  @Option(help: "The ground-truth column, for external metrics (ari, ami, nmi, …).")
  var truth: String?

  @Option(help: "Comma-separated metric names (see `workbench plugins`).")
  var metrics: String?

  @Flag(help: "Print the result as JSON.")
  var json = false

  @OptionGroup var threads: JobsOption

  @OptionGroup var plugins: PluginOptions

  func run() throws {
    do {
      let registry = try plugins.registry()
      let evaluation = SegmentationEvaluation(
        dataPath: data, labelsPath: labels, idColumn: columns.id, features: columns.featureNames, impute: columns.impute, scaling: columns.scale,
        truthColumn: truth, metrics: CommaList.names(metrics))
      let report = try threads.run { try evaluation.run(registry: registry) }
      print(json ? report.json.prettyText : report.text, terminator: json ? "" : "\n")
    } catch {
      throw CLIFailure.report(FlagLocations.evaluate.relocate(error))
    }
  }
}
