import Foundation

/// An experiment ready to run: the expanded plan and the data it runs on, every check passed.
public struct PreparedExperiment: Sendable {
  /// Every trial.
  public var plan: TrialPlan
  /// The data split by role.
  public var dataset: Dataset

  /// Reads the spec at `path`, expands its grid, reads its data and checks the two against each other.
  ///
  /// Throws ``SpecError`` for spec problems and ``DataError`` for data
  /// problems, before anything is written.
  public static func load(specPath: String, registry: PluginRegistry) throws -> PreparedExperiment {
    let experiment = try ExperimentReader(registry: registry).read(path: specPath)
    return try load(experiment, registry: registry)
  }

  /// Expands `experiment` and reads its data.
  public static func load(_ experiment: Experiment, registry: PluginRegistry) throws -> PreparedExperiment {
    let plan = try TrialPlan.expand(experiment, registry: registry).get()
    let path = experiment.data.resolvedPath
    let table = try experiment.data.transactions.map { try $0.aggregate(path: path) }
      ?? CSVReader(textColumns: Set([experiment.data.id, experiment.data.truth].compactMap { $0 })).read(path: path)
    let fingerprint = try DataFingerprint.sha256(ofFileAt: path)
    let dataset = try Dataset.prepare(table, spec: experiment.data, fingerprint: fingerprint, specFile: experiment.specFile)
    try plan.checkAgainstData(dataset, registry: registry)
    return PreparedExperiment(plan: plan, dataset: dataset)
  }
}
