import Foundation

/// One algorithm on one CSV file without a spec: what `workbench cluster` runs.
///
/// Builds a one-trial experiment spec from the settings and runs it through
/// the same reader, registry, pipeline and executor as `workbench run`, so a
/// setting means exactly the same thing in both. Nothing is written to disk.
public struct SingleTrial: Sendable {
  /// How to scale features before clustering.
  public enum Scaling: String, Sendable, CaseIterable {
    case none
    case standard
  }

  /// The CSV file.
  public var dataPath: String
  /// The algorithm's registered name.
  public var algorithm: String
  /// Algorithm parameters, as JSON values.
  public var settings: [String: JSONValue]
  /// Feature columns; `nil` for every numeric column but the id.
  public var features: [String]?
  /// Id column, if any.
  public var idColumn: String?
  /// Imputation strategy for missing cells (`nil` for none).
  public var impute: String?
  /// Feature scaling.
  public var scaling: Scaling
  /// The experiment seed.
  public var seed: UInt64
  /// Metric names; `nil` for the defaults of a spec without a `metrics` list.
  public var metrics: [String]?
  /// A ground-truth column for external metrics, if any.
  public var truth: String?

  public init(
    dataPath: String, algorithm: String, settings: [String: JSONValue] = [:], features: [String]? = nil, idColumn: String? = nil,
    impute: String? = nil, scaling: Scaling = .none, seed: UInt64 = 0, metrics: [String]? = nil, truth: String? = nil
  ) {
    self.metrics = metrics
    self.truth = truth
    self.dataPath = dataPath
    self.algorithm = algorithm
    self.settings = settings
    self.features = features
    self.idColumn = idColumn
    self.impute = impute
    self.scaling = scaling
    self.seed = seed
  }

  /// The equivalent experiment spec.
  public var spec: JSONValue {
    var data: [String: JSONValue] = ["path": .string(dataPath)]
    if let features { data["features"] = .array(features.map(JSONValue.string)) }
    if let idColumn { data["id"] = .string(idColumn) }
    if let truth { data["truth"] = .string(truth) }
    var steps: [JSONValue] = []
    if let impute { steps.append(["use": "impute", "params": ["strategy": .string(impute)]]) }
    if scaling == .standard { steps.append("standard-scaler") }
    var spec: [String: JSONValue] = [
      "name": "cluster", "seed": .int(Int(clamping: seed)), "data": .object(data),
      "pipelines": [["name": .string(scaling.rawValue == "none" && impute == nil ? "raw" : "prepared"), "steps": .array(steps)]],
      "algorithms": [["use": .string(algorithm), "params": .object(settings)]],
    ]
    if let metrics { spec["metrics"] = .array(metrics.map(JSONValue.string)) }
    return .object(spec)
  }

  /// The outcome of the trial.
  public struct Outcome: Sendable {
    /// Metrics, diagnostics and status.
    public var record: TrialRecord
    /// Labels per dataset row (nil when the trial failed).
    public var labels: RowLabels?
    /// Row ids, aligned with labels.
    public var ids: [String]
    /// The id column's name.
    public var idColumn: String
    /// The quadratic steps and what was decided for them (sampled silhouette on large data).
    public var estimates: [Guardrails.Estimate]
  }

  /// Runs the trial; spec and data problems throw, a failed fit is reported in the record.
  ///
  /// Spec problems are located by JSON paths of ``spec`` (`data.features`,
  /// `algorithms[0].params.k`); the command line maps them to its flags.
  public func run(registry: PluginRegistry) throws -> Outcome {
    let plan = try ExperimentReader(registry: registry).plan(spec, file: "command line", baseDirectory: FileManager.default.currentDirectoryPath)
    let prepared = try PreparedExperiment.load(plan, registry: registry)
    let executor = try TrialExecutor(registry: registry, plan: prepared.plan, dataset: prepared.dataset)
    let trial = prepared.plan.trials[0]
    let outcome = executor.run(trial, features: executor.prepare(trial.pipeline))
    return Outcome(
      record: outcome.record, labels: outcome.labels, ids: prepared.dataset.ids, idColumn: prepared.dataset.idColumn, estimates: prepared.estimates)
  }
}
