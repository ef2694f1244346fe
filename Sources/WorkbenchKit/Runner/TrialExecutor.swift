import WorkbenchNumerics

/// Runs the pieces of a trial: fits a pipeline variant, fits the algorithm, scores it.
///
/// Pure with respect to its inputs: the same plan, data and trial always
/// give the same record and labels, on any thread, in any order.
struct TrialExecutor: Sendable {
  let registry: PluginRegistry
  let plan: TrialPlan
  let dataset: Dataset
  let metrics: [(name: String, metric: any ClusterMetric)]

  init(registry: PluginRegistry, plan: TrialPlan, dataset: Dataset) throws {
    self.registry = registry
    self.plan = plan
    self.dataset = dataset
    metrics = try plan.metrics.map { resolved in
      (resolved.name, try registry.metric(named: resolved.name)!.init(validated: resolved.parameters))
    }
  }

  /// Fits every step of `variant` in order on the whole dataset.
  func prepare(_ variant: PipelineVariant) -> Result<PreparedFeatures, TrialFailure> {
    var table = dataset.table
    var summaries: [JSONValue] = []
    var states: [JSONValue] = []
    var rows = Array(0..<table.rowCount)
    var excluded: [Int: String] = [:]
    let seed = TrialSeed.seed(experimentSeed: plan.experiment.seed, configHash: variant.hash)
    for (i, step) in variant.steps.enumerated() {
      do {
        let preprocessor = try registry.preprocessor(named: step.name)!.init(validated: step.parameters)
        let fitted = try preprocessor.checkedFit(table, context: FitContext(seed: seed))
        table = try fitted.checkedTransform(table, step: step.name)
        summaries.append(fitted.summary ?? .null)
        states.append(["use": .string(step.name), "params": step.parameters.json, "state": fitted.state])
      } catch {
        let context = "pipeline '\(variant.name)', step \(i + 1) (\(step.name)): "
        return .failure(TrialFailure(context + Self.describe(error), dataError: (error as? DataError)?.prefixed(context)))
      }
      let kept = table.sourceRows ?? rows
      if kept.count < rows.count {
        let keptSet = Set(kept)
        for row in rows where !keptSet.contains(row) { excluded[row] = "\(i + 1):\(step.name)" }
      }
      rows = kept
    }
    guard !rows.isEmpty else { return .failure(TrialFailure("pipeline '\(variant.name)' excluded every row")) }
    do {
      let saved = SavedPipeline(
        hash: variant.hash, name: variant.name, inputColumns: dataset.table.columnNames,
        categoricalColumns: dataset.table.columns.filter { !$0.isNumeric }.map(\.name), steps: states)
      return .success(
        PreparedFeatures(input: try table.clusteringInput(), datasetRows: rows, excluded: excluded, stepSummaries: summaries, saved: saved))
    } catch {
      return .failure(TrialFailure("after pipeline '\(variant.name)': \(error)"))
    }
  }

  /// Fits and scores one trial on prepared features; never throws: failures become failed records.
  func run(_ trial: TrialConfig, features: Result<PreparedFeatures, TrialFailure>) -> TrialOutcome {
    var record = TrialRecord(
      index: trial.index, configHash: trial.configHash, seed: trial.seed, pipeline: trial.pipeline.name,
      configuration: trial.configuration, status: .failed)
    let prepared: PreparedFeatures
    switch features {
    case .failure(let failure):
      record.error = failure.reason
      return TrialOutcome(record: record)
    case .success(let p): prepared = p
    }
    record.preprocessing = prepared.stepSummaries
    record.excluded = prepared.exclusionCounts
    var clustering: Clustering
    let labelMapping: [Int]
    let algorithm: any ClusteringAlgorithm
    do {
      algorithm = try registry.algorithm(named: trial.algorithm.name)!.init(validated: trial.algorithm.parameters)
      (clustering, labelMapping) = try algorithm.fit(prepared.input, context: FitContext(seed: trial.seed))
        .requiringFinite(algorithm: trial.algorithm.name).canonicallyOrdered()
    } catch {
      record.error = "\(trial.algorithm.name): \(Self.describe(error))"
      return TrialOutcome(record: record)
    }
    record.status = .ok
    record.clusterCount = clustering.clusterCount
    record.sizes = clustering.sizes
    record.noise = clustering.noiseCount
    record.diagnostics = clustering.diagnostics.json
    record.exemplarIds = clustering.exemplars.map { rows in rows.map { dataset.ids[prepared.datasetRows[$0]] } }
    let truth = dataset.truth.map { truth in prepared.datasetRows.map { truth[$0] } }
    record.contingency = truth.map { ContingencyTable(labels: clustering.labels, truth: $0).json }
    let input = MetricInput(features: prepared.input.numeric, clustering: clustering, truth: truth, refitting: algorithm)
    for (name, metric) in metrics {
      do {
        record.metrics[name] = try metric.checkedScore(input, context: FitContext(seed: trial.seed))
      } catch {
        record.metrics[name] = .undefined(Self.describe(error))
      }
    }
    if let stability = plan.experiment.stability, stability.resamples > 0 || stability.seeds > 0 {
      record.stability = StabilityAnalysis(spec: stability).run(
        algorithm, input: prepared.input, reference: clustering, experimentSeed: plan.experiment.seed, configHash: trial.configHash)
    }
    return TrialOutcome(
      record: record,
      labels: RowLabels(labels: clustering.labels, datasetRows: prepared.datasetRows, excluded: prepared.excluded, rowCount: dataset.ids.count),
      model: clustering.model.map {
        SavedModel(configHash: trial.configHash, algorithm: trial.algorithm.name, pipelineHash: trial.pipeline.hash, model: $0, labelMapping: labelMapping)
      },
      pipeline: prepared.saved, memberships: clustering.memberships.map { ($0, prepared.datasetRows) })
  }

  static func describe(_ error: any Error) -> String {
    if let error = error as? any WorkbenchError { return error.description }
    return String(describing: error)
  }
}

/// Why a trial could not produce a clustering; recorded on the trial.
struct TrialFailure: Error, Sendable {
  var reason: String
  /// Set when a pipeline step found the data itself unusable (a missing or non-numeric column):
  /// such a problem stops the whole run before anything is written.
  var dataError: DataError?

  init(_ reason: String, dataError: DataError? = nil) {
    self.reason = reason
    self.dataError = dataError
  }
}
