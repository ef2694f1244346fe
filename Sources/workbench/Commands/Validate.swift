import Foundation
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
        print("\(spec): valid; \(MessageText.counted(plan.trials.count, "trial")) (\(plan.pipelines.count) pipeline variants × algorithm settings).")
      } else {
        let prepared = try PreparedExperiment.load(specPath: spec, registry: registry)
        let failing = try prepared.checkPipelines(registry: registry)
        let failingNames = Set(failing.map(\.pipeline))
        if !failing.isEmpty, prepared.plan.pipelines.allSatisfy({ failingNames.contains($0.name) }) {
          throw DataError(
            Location(file: spec), "every trial would fail: " + failing.map { $0.reason }.joined(separator: "; "),
            fix: "add the step the message names to each pipeline (usually \"impute\"), or drop the columns with gaps from data.features.")
        }
        for pipeline in failing {
          FileHandle.standardError.write(Data("warning: \(spec): every trial on pipeline '\(pipeline.pipeline)' will fail: \(pipeline.reason)\n".utf8))
        }
        let data = prepared.dataset.table
        let failingTrials = prepared.plan.trials.filter { failingNames.contains($0.pipeline.name) }.count
        print(
          "\(spec): valid; \(MessageText.counted(prepared.plan.trials.count, "trial")) on \(MessageText.counted(data.rowCount, "row")) × \(MessageText.counted(data.columns.count, "column")) of \(prepared.plan.experiment.data.path)"
            + (failingTrials > 0 ? " (\(failingTrials) of them will fail: see the warnings)." : "."))
      }
    } catch {
      throw CLIFailure.report(error)
    }
  }
}
