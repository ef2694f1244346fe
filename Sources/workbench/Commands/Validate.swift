import ArgumentParser
import WorkbenchKit

/// `workbench validate SPEC`: every check `run` makes before its first trial (including fitting the pipelines), without running.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check a spec (and its data) without running it.",
    discussion: "Reports every problem at once, each with its JSON path or CSV line and a fix.")

  @Argument(help: "The experiment spec (JSON).")
  var spec: String

  @Flag(help: "Check the spec only; do not read the data file.")
  var specOnly = false

  @OptionGroup var plugins: PluginOptions

  func run() throws {
    do {
      let registry = try plugins.registry(spec: spec)
      if specOnly {
        let experiment = try ExperimentReader(registry: registry).read(path: spec)
        let plan = try TrialPlan.expand(experiment, registry: registry).get()
        print("\(spec): valid; \(plan.trials.count) trials (\(plan.pipelines.count) pipeline variants × algorithm settings).")
      } else {
        let prepared = try PreparedExperiment.load(specPath: spec, registry: registry)
        try prepared.checkPipelines(registry: registry)
        let data = prepared.dataset.table
        print(
          "\(spec): valid; \(prepared.plan.trials.count) trials on \(data.rowCount) rows × \(data.columns.count) columns of \(prepared.plan.experiment.data.path).")
      }
    } catch {
      throw CLIFailure.report(error)
    }
  }
}
