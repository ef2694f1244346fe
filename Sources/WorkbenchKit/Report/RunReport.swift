import WorkbenchNumerics

/// Everything `report.html` shows, gathered from a run's results: the ranking, k selection and one trial's segments.
///
/// Built by ``RunFinalizer`` from ``RunResults`` (and the run's data in
/// original units, for the pictures and profiles), never from anything
/// else; ``html`` renders it. Every part is deterministic — samples are
/// seeded by the trial's seed — so the same run gives the same page.
struct RunReport: Sendable {
  /// The run's manifest (spec, data fingerprint, sizes, tool version; its dates are not shown).
  var manifest: RunManifest
  /// The expanded plan.
  var plan: TrialPlan
  /// The ranking.
  var board: Leaderboard
  /// Every record in grid order, with run-wide segment ids.
  var records: [TrialRecord]
  /// Choosing k.
  var kSelection: KSelection
  /// Each trial's parameters as `leaderboard.md` writes them, by grid index.
  var parameterTexts: [Int: String]
  /// Each metric's k rule, by metric name (metrics without one are absent).
  var kRules: [String: KSelectionRule]
  /// The trial whose segments the page describes (the chosen trial unless another was asked for), with its pictures.
  var segments: SegmentView?

  /// One trial's segments: sizes, insight, geometry and distributions.
  struct SegmentView: Sendable {
    var record: TrialRecord
    /// Its rank, when ranked.
    var rank: Int?
    /// (segment id, rows), in id order (noise, −1, first when present).
    var sizes: [(id: Int, size: Int)]
    /// Rows a pipeline step excluded.
    var excluded: Int
    /// The insight, or why there is none (turned off in the spec).
    var insight: Result<SegmentInsight, StatisticUndefined>
    var geometry: SegmentGeometry
    /// Box summaries of the most important features, per segment, in original units.
    var keyFeatures: [Distribution]
    /// Box summaries of the columns the pipeline's steps derived (behavioural scores such as churn risk and CLV).
    var derivedScores: [Distribution]
    /// The data columns the trial's pipeline read (the clustered features, in original units).
    var clusteredColumns: [String]
    /// The standardized space's name for the text.
    var spaceDescription: String

    /// The name of segment `id`: the insight's name, or "Segment id" without insight.
    func name(_ id: Int) -> String {
      if case .success(let insight) = insight, let segment = insight.segments.first(where: { $0.id == id }) { return segment.name.name }
      return id < 0 ? "Noise" : "Segment \(id)"
    }

    /// "0 · High spenders": the id and name as legends show them.
    func label(_ id: Int) -> String { id < 0 ? "Noise" : "\(id) · \(name(id))" }
  }

  /// One column's distribution in each segment and in the population.
  struct Distribution: Sendable {
    var column: String
    var segments: [(id: Int, box: BoxSummary)]
    var population: BoxSummary
  }
}

extension RunReport {
  /// Most key features drawn as box plots.
  static let keyFeatureLimit = 6

  /// Gathers the report of `results`: `records` are the ranked, aligned records, `trial` the one to describe
  /// (nil = none: nothing ranked), `insight` its insight when the spec asks for insight, `source` every column
  /// of the data in original units (needed when `trial` is given), `space` the standardized evaluation space of its
  /// features when the caller has it (built here otherwise).
  static func assemble(
    _ results: RunResults, board: Leaderboard, records: [TrialRecord], kSelection: KSelection, trial: TrialRecord?, insight: SegmentInsight?,
    source: DataTable?, space: EvaluationSpace? = nil, registry: PluginRegistry
  ) throws -> RunReport {
    var view: SegmentView?
    if let trial, let source {
      view = try segmentView(results, record: trial, rank: board.ranked.firstIndex { $0.record.configHash == trial.configHash }.map { $0 + 1 },
        insight: insight, source: source, space: space, registry: registry)
    }
    return RunReport(
      manifest: results.manifest, plan: results.plan, board: board, records: records, kSelection: kSelection,
      parameterTexts: Dictionary(uniqueKeysWithValues: records.map { ($0.index, results.plan.parameterText(of: $0.index, registry: registry)) }),
      kRules: Dictionary(uniqueKeysWithValues: results.plan.metrics.compactMap { m in registry.metric(named: m.name)?.kRule.map { (m.name, $0) } }),
      segments: view)
  }

  private static func segmentView(
    _ results: RunResults, record: TrialRecord, rank: Int?, insight: SegmentInsight?, source: DataTable, space: EvaluationSpace?,
    registry: PluginRegistry
  ) throws -> SegmentView {
    let ids = record.segmentIds ?? Array(0..<record.sizes.count)
    let segments = try results.labels(record).labels.map { label in label.map { $0 >= 0 && $0 < ids.count ? ids[$0] : $0 } }
    let grouping = SegmentRows(labels: segments)
    let experiment = results.plan.experiment
    let features = try Dataset.featureTable(source, spec: experiment.data, specFile: experiment.specFile)
    let pipeline = try results.pipeline(record)
    let keyColumns = keyFeatures(insight: insight, source: source, pipeline: pipeline)
    let space = space ?? EvaluationSpace.standardized(features, categoricalWeight: experiment.evaluation.categoricalWeight)
    let geometry = try SegmentGeometry.compute(space: space, grouping: grouping, seed: record.seed)
    let derived = try CustomersFile.derivedColumns(pipeline, source: source, registry: registry).columns
      .filter { $0.isNumeric && !$0.name.contains("=") }
    return SegmentView(
      record: record, rank: rank, sizes: zip(grouping.ids, grouping.sizes).map { ($0, $1) }, excluded: grouping.excludedRows,
      insight: insight.map { .success($0) } ?? .failure(StatisticUndefined("segment insight is turned off in the spec (insight.enabled is false)")),
      geometry: geometry, keyFeatures: distributions(keyColumns.map { source.column(named: $0)! }, grouping),
      derivedScores: distributions(derived, grouping),
      clusteredColumns: pipeline.inputColumns,
      spaceDescription: "the spec's \(features.columns.count) feature columns, missing values filled, standardised\(experiment.data.categorical.isEmpty ? "" : ", categories one-hot")")
  }

  /// The numeric columns to draw as box plots: the most important clustered features, else those furthest from the population.
  static func keyFeatures(insight: SegmentInsight?, source: DataTable, pipeline: SavedPipeline) -> [String] {
    let numeric = { (name: String) in source.column(named: name)?.isNumeric == true }
    if let insight, case .success(let importance) = insight.importance {
      let ranked = importance.overall.map(\.column).filter(numeric)
      if !ranked.isEmpty { return Array(ranked.prefix(keyFeatureLimit)) }
    }
    let candidates = pipeline.inputColumns.filter(numeric)
    guard let insight else { return Array(candidates.prefix(keyFeatureLimit)) }
    let spread = { (name: String) in insight.profiles.numeric(named: name)?.zScores.compactMap(\.value).map(abs).max() ?? 0 }
    return Array(candidates.sorted { (spread($0), $1) > (spread($1), $0) }.prefix(keyFeatureLimit))
  }

  /// Each column's ``distribution(_:_:groups:)`` that has values, in order; the columns' box summaries are computed in parallel.
  static func distributions(_ columns: [Column], _ grouping: SegmentRows) -> [Distribution] {
    let groups = [grouping.includedRowIndices] + grouping.rows
    return Parallel.map(count: columns.count) { distribution(columns[$0], grouping, groups: groups) }.compactMap { $0 }
  }

  /// `column`'s box summary in each segment with values and in the population, or nil when it has no values;
  /// `groups` are the population's rows, then each segment's.
  static func distribution(_ column: Column, _ grouping: SegmentRows, groups: [[Int]]) -> Distribution? {
    guard let values = column.numbers else { return nil }
    let boxes = Parallel.map(count: groups.count) { g in BoxSummary(groups[g].map { values[$0] }) }
    guard let population = boxes[0] else { return nil }
    let segments = grouping.ids.indices.compactMap { g in boxes[g + 1].map { (id: grouping.ids[g], box: $0) } }
    return Distribution(column: column.name, segments: segments, population: population)
  }
}
