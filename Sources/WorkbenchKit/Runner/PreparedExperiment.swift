import Foundation
import WorkbenchNumerics

/// An experiment ready to run: the expanded plan and the data it runs on, every check passed.
public struct PreparedExperiment: Sendable {
  /// Every trial.
  public var plan: TrialPlan
  /// The data split by role.
  public var dataset: Dataset
  /// The quadratic steps of the run and what ``Guardrails`` decided for them (sampled metrics are already in `plan`).
  public var estimates: [Guardrails.Estimate]

  /// Reads the spec at `path`, expands its grid, reads its data and checks the two against each other.
  ///
  /// Throws ``SpecError`` for spec problems and ``DataError`` for data
  /// problems, before anything is written.
  public static func load(specPath: String, registry: PluginRegistry) throws -> PreparedExperiment {
    try load(try ExperimentReader(registry: registry).plan(path: specPath), registry: registry)
  }

  /// Reads the data of an expanded plan and checks the two against each other.
  public static func load(_ plan: TrialPlan, registry: PluginRegistry) throws -> PreparedExperiment {
    let experiment = plan.experiment
    let path = experiment.data.resolvedPath
    let table = try experiment.data.transactions.map { try $0.aggregate(path: path) }
      ?? CSVReader(textColumns: Set([experiment.data.id, experiment.data.truth].compactMap { $0 })).read(path: path)
    // The file's digest is taken while the table is checked (ids, roles): two passes that need not wait for each other.
    let (digest, prepared) = Parallel.both(
      { try DataFingerprint.sha256(ofFileAt: path) },
      { try Dataset.prepare(table, spec: experiment.data, fingerprint: "", specFile: experiment.specFile) })
    var dataset = try prepared.get()
    dataset.fingerprint = try digest.get()
    try plan.checkAgainstData(dataset, registry: registry)
    let rows = dataset.table.rowCount
    let columns = dataset.table.columns.count
    let quadratic = plan.metrics.contains { registry.metric(named: $0.name)?.pairwiseCost != nil }
      || plan.experiment.algorithms.contains { registry.algorithm(named: $0.name)?.capabilities.scalesQuadratically == true }
    let rate = quadratic ? Guardrails.measuredRate(columns: columns) : 1
    let guarded = Guardrails.apply(to: plan, rows: rows, columns: columns, registry: registry, pairsPerSecond: rate)
    return PreparedExperiment(plan: guarded.plan, dataset: dataset, estimates: guarded.estimates)
  }
}
