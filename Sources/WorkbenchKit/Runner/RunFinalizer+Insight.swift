extension RunFinalizer {
  /// The insight files: `insight/<hash>.json` for the chosen trial and the best trial of each method,
  /// `segments.csv` and `customers.csv` for the chosen trial; and the chosen trial's insight (for the report).
  ///
  /// Segment ids are the run-wide aligned ids (`segment_ids`), so "segment 2"
  /// in these files is the same customers' segment as everywhere in the run.
  /// Each trial's insight is seeded by its trial seed, so the files are
  /// byte-stable. `source` is every column of the data in original units.
  func insightFiles(_ results: RunResults, board: Leaderboard, source: DataTable) throws -> (files: [(name: String, text: String)], chosen: SegmentInsight?) {
    let spec = results.plan.experiment.insight
    guard spec.enabled, let chosen = board.ranked.first?.record else { return ([], nil) }
    var files: [(name: String, text: String)] = []
    var chosenInsight: SegmentInsight?
    for entry in board.bestPerMethod {
      let record = entry.record
      let (insight, pipeline, segments) = try self.insight(of: record, in: results, source: source)
      files.append(("insight/\(record.configHash).json", insight.json.prettyText))
      guard record.configHash == chosen.configHash else { continue }
      chosenInsight = insight
      files.append(("segments.csv", SegmentsFile.text(insight)))
      let derived = try CustomersFile.derivedColumns(pipeline, source: source, registry: registry)
      let names = Dictionary(uniqueKeysWithValues: insight.segments.map { ($0.id, $0.name.name) })
      let table = CustomersFile.table(source: source, derived: derived.columns, segments: segments, names: names, excludedBy: derived.excludedBy)
      files.append(("customers.csv", CSVWriter().text(of: table)))
    }
    return (files, chosenInsight)
  }

  /// The insight of one trial, its fitted pipeline, and its aligned segment id per dataset row (nil when excluded).
  func insight(of record: TrialRecord, in results: RunResults, source: DataTable) throws -> (SegmentInsight, SavedPipeline, [Int?]) {
    let pipeline = try results.pipeline(record)
    let ids = record.segmentIds ?? Array(0..<record.sizes.count)
    let segments = try results.labels(record).labels.map { label in label.map { $0 >= 0 && $0 < ids.count ? ids[$0] : $0 } }
    let insight = try SegmentInsight.compute(
      table: source, labels: segments, features: pipeline.inputColumns, roles: results.plan.experiment.insight.roles, seed: record.seed,
      options: results.plan.experiment.insight.options)
    return (insight, pipeline, segments)
  }
}
