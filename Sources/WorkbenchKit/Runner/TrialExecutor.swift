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
  /// The metrics ranking reads from the evaluation space: the spec's internal metrics (those needing only
  /// features and labels) and every metric with an elbow rule (the consensus k), in that order.
  let evaluationMetrics: [(name: String, metric: any ClusterMetric)]
  /// The shared space every trial is also scored in for ranking; `nil` when the spec ranks in each pipeline's space.
  private(set) var evaluationSpace: EvaluationSpace?

  init(registry: PluginRegistry, plan: TrialPlan, dataset: Dataset) throws {
    self.registry = registry
    self.plan = plan
    self.dataset = dataset
    metrics = try plan.metrics.map { resolved in (resolved.name, try registry.metric(named: resolved.name)!.make(resolved.parameters)) }
    let internalMetrics = zip(plan.metrics, metrics).filter { registry.metric(named: $0.0.name)!.needs.isEmpty }.map(\.1)
    let elbows = try registry.metrics.filter { descriptor in
      descriptor.kRule == .elbow && descriptor.needs.isEmpty && !internalMetrics.contains { $0.name == descriptor.name }
    }.map { ($0.name, try $0.instance()) }
    evaluationMetrics = internalMetrics + elbows
    evaluationSpace = try buildEvaluationSpace()
  }

  /// The space the spec's `evaluation` section asks for, built once per run.
  ///
  /// A named pipeline's space is its first variant's output; a data problem
  /// in it stops the run (``DataError``), another failure of that pipeline
  /// fails the evaluation of every trial with the reason.
  private func buildEvaluationSpace() throws -> EvaluationSpace? {
    let evaluation = plan.experiment.evaluation
    switch evaluation.space {
    case .pipeline:
      return nil
    case .standardized:
      return EvaluationSpace.standardized(dataset.table, categoricalWeight: evaluation.categoricalWeight)
    case .named(let name):
      guard let variant = plan.pipelines.first(where: { $0.name == name }) else { return nil }
      switch prepare(variant) {
      case .success(let features):
        return EvaluationSpace.pipeline(named: name, output: features.input.numeric, datasetRows: features.datasetRows, rowCount: dataset.ids.count)
      case .failure(let failure):
        if let dataError = failure.dataError { throw dataError }
        throw FitError.degenerate("the evaluation pipeline '\(name)' cannot be fitted: \(failure.reason)")
      }
    }
  }

  /// Fits every step of `variant` in order on the whole dataset.
  func prepare(_ variant: PipelineVariant) -> Result<PreparedFeatures, TrialFailure> {
    var table = dataset.table
    var summaries: [JSONValue] = []
    var states: [JSONValue] = []
    var rows = PipelineRows(count: table.rowCount)
    let seed = TrialSeed.seed(experimentSeed: plan.experiment.seed, configHash: variant.hash)
    var gaps = DerivedGaps()
    for (i, step) in variant.steps.enumerated() {
      do {
        let preprocessor = try registry.preprocessor(named: step.name)!.make(step.parameters)
        let fitted = try preprocessor.checkedFit(table, context: FitContext(seed: seed))
        gaps.record(fitted, on: table)
        table = try fitted.checkedTransform(table, step: step.name)
        summaries.append(fitted.summary ?? .null)
        states.append(["use": .string(step.name), "params": step.parameters.json, "state": fitted.state])
      } catch {
        let context = "pipeline '\(variant.name)', step \(i + 1) (\(step.name)): "
        let reason = context + Self.describe(error) + (gaps.note(for: table).map { " (\($0))" } ?? "")
        return .failure(TrialFailure(reason, dataError: (error as? DataError)?.prefixed(context)))
      }
      rows.record(table, step: i, name: step.name)
    }
    guard !rows.rows.isEmpty else { return .failure(TrialFailure("pipeline '\(variant.name)' excluded every row")) }
    do {
      let saved = SavedPipeline(
        hash: variant.hash, name: variant.name, inputColumns: dataset.table.columnNames,
        categoricalColumns: dataset.table.columns.filter { !$0.isNumeric }.map(\.name), steps: states)
      return .success(
        PreparedFeatures(input: try table.clusteringInput(), datasetRows: rows.rows, excluded: rows.excluded, stepSummaries: summaries, saved: saved))
    } catch {
      return .failure(TrialFailure("after pipeline '\(variant.name)': \(error)" + (gaps.note(for: table).map { " (\($0))" } ?? "")))
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
    let descriptor = registry.algorithm(named: trial.algorithm.name)!
    do {
      algorithm = try descriptor.make(trial.algorithm.parameters)
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
    let input = MetricInput(features: prepared.input.numeric, clustering: clustering, truth: truth, refitting: algorithm, described: descriptor)
    for (name, metric) in metrics { record.metrics[name] = Self.score(metric, input, seed: trial.seed) }
    var scores: [String: Score] = [:]
    if let space = evaluationSpace {
      let (features, labels) = space.restricted(to: prepared.datasetRows, labels: clustering.labels)
      let shared = MetricInput(features: features, clustering: Clustering(labels: labels, clusterCount: clustering.clusterCount))
      for (name, metric) in evaluationMetrics { scores[name] = Self.score(metric, shared, seed: trial.seed) }
    } else {
      for (name, metric) in evaluationMetrics { scores[name] = record.metrics[name] ?? Self.score(metric, input, seed: trial.seed) }
    }
    record.evaluation = EvaluationScores(space: evaluationSpace?.name ?? EvaluationSpec.Space.pipeline.name, metrics: scores)
    if let stability = plan.experiment.stability, stability.resamples > 0 || stability.seeds > 0 {
      record.stability = StabilityAnalysis(spec: stability).run(
        algorithm, usesRandomness: descriptor.capabilities.usesRandomness, input: prepared.input, reference: clustering, experimentSeed: plan.experiment.seed, configHash: trial.configHash)
    }
    return TrialOutcome(
      record: record,
      labels: RowLabels(labels: clustering.labels, datasetRows: prepared.datasetRows, excluded: prepared.excluded, rowCount: dataset.ids.count),
      model: clustering.model.map {
        SavedModel(configHash: trial.configHash, algorithm: trial.algorithm.name, pipelineHash: trial.pipeline.hash, model: $0, labelMapping: labelMapping)
      },
      pipeline: prepared.saved, datasetRows: prepared.datasetRows, memberships: clustering.memberships, rowScores: clustering.rowScores,
      hierarchy: clustering.hierarchy)
  }

  /// `metric`'s score of `input`, or undefined with the reason when it throws.
  static func score(_ metric: any ClusterMetric, _ input: MetricInput, seed: UInt64) -> Score {
    do {
      return try metric.checkedScore(input, context: FitContext(seed: seed))
    } catch {
      return .undefined(describe(error))
    }
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
