import Foundation
import WorkbenchNumerics

/// Derives every run-level file from the trial store: a pure function of ``RunResults``.
///
/// Ranking, segment alignment, k selection and the leaderboards are computed
/// from the stored records and labels alone and written only where their
/// bytes changed, so finalizing twice, or again after a kill at any moment,
/// leaves the same files — and a finished run's files untouched. Trial
/// outputs are never rewritten: alignment is data (`segment_ids` in
/// `trials.jsonl`), not a renumbering of labels files.
///
/// Derived files: `trials.jsonl` (every record in grid order, with its
/// run-wide `segment_ids`), `timings.jsonl`, `leaderboard.csv`,
/// `leaderboard.md`, `k-selection.json`, `report.html`, and the files other tools read at
/// the run's root (``runOutputs(_:leaderboard:)``: `metrics.json`, the gate's verdict).
public struct RunFinalizer: Sendable {
  /// The plugins the run used (metric directions, bounds, k rules, parameter declarations).
  public let registry: PluginRegistry

  public init(registry: PluginRegistry) {
    self.registry = registry
  }

  /// What finalizing derived.
  public struct Derived: Sendable {
    /// The ranked trials; records carry their `segment_ids`.
    public var leaderboard: Leaderboard
    /// Every record in grid order, with `segment_ids` for successful trials once a trial ranks first.
    public var records: [TrialRecord]
    /// The k-selection groups.
    public var kSelection: KSelection
    /// Files that were written because their content changed (relative to the run folder).
    public var written: [String]
    /// Planned trials with no trusted record (a stopped run, or a trial whose files were changed): the ranking leaves them out.
    public var unrecorded: Int
  }

  /// Re-derives the run in `runDirectory` (`workbench finalize`): after a crash, or after an upgrade that changes
  /// ranking or reports.
  ///
  /// Takes the run's lock, removes what a killed process left half-written,
  /// derives every run-level file, then marks the manifest finished when
  /// every planned trial is recorded (and only then touches it): a run whose
  /// files could not all be written stays unfinished.
  public func finalize(runDirectory: String) throws -> Derived {
    let folder = RunFolder(existing: runDirectory)
    let manifest = try RunManifest.read(folder)
    if let shard = try ShardManifest.read(folder) {
      throw SpecError(
        Location(file: folder.path), "this is the store of shard \(shard.shard) of a split run; a shard is merged, not finalized.",
        fix: "merge every shard with `workbench merge OUT SHARD_DIR…`, which finalizes the whole run once.")
    }
    let lock = try RunLock.acquire(folder)
    defer { withExtendedLifetime(lock) {} }
    let plan = try ExperimentReader(registry: registry).plan(
      manifest.spec, file: manifest.specFile, baseDirectory: manifest.resolvedSpecDirectory(runFolder: folder))
    let records = try TrialStore(folder: folder).scan(plan, repair: true)
    let results = RunResults(folder: folder, manifest: manifest, plan: plan, records: Array(records.values))
    var completed = manifest.completed(by: results)
    if completed.status == .finished, manifest.status != .finished { completed.finishedAt = Date() }
    let derived = try finalize(results)
    if completed != manifest { try folder.write(completed.json.prettyText, to: RunManifest.fileName) }
    return derived
  }

  /// Every column of the run's data, read where the manifest locates it and checked against the recorded SHA-256.
  func loadSource(_ results: RunResults) throws -> DataTable {
    let prepared = try PreparedExperiment.load(results.plan, registry: registry)
    guard prepared.dataset.fingerprint == results.manifest.dataSHA256 else {
      throw DataError(
        Location(file: results.plan.experiment.data.resolvedPath),
        "this is not the data the run used (SHA-256 \(prepared.dataset.fingerprint.prefix(12))…, recorded \(results.manifest.dataSHA256.prefix(12))…).",
        fix: "restore the data file the run used; segment insight is derived from it.")
    }
    return prepared.dataset.source
  }

  /// Derives and writes the run-level files of `results`; `source` is every column of the run's data in original
  /// units (for insight), read from the data file when not given; `standardizedSpace` the standardized evaluation space
  /// of its features when the caller has built it (the report draws it; it is built here otherwise).
  public func finalize(_ results: RunResults, source: DataTable? = nil, standardizedSpace: EvaluationSpace? = nil) throws -> Derived {
    let plan = results.plan
    let (board, records) = try ranked(results)
    let metricNames = plan.metrics.map(\.name)
    let describe = { (record: TrialRecord) in plan.parameterText(of: record.index, registry: registry) }
    let kSelection = kSelection(records, plan: plan)
    let timings = records.compactMap { record in
      results.store.seconds(record.configHash).map { seconds -> String in
        JSONValue.object(["trial": .int(record.index), "config_hash": .string(record.configHash), "seconds": .double(seconds)]).canonicalText + "\n"
      }
    }
    var files: [(name: String, text: String)] = [
      ("trials.jsonl", records.map { $0.json.canonicalText + "\n" }.joined()),
      ("timings.jsonl", timings.joined()),
      (
        "leaderboard.csv",
        board.csv(metricNames: metricNames, describe: describe, parameterColumns: plan.parameterColumns, parameterValue: { plan.parameterValue(of: $0.index, $1) })
      ),
      ("k-selection.json", kSelection.json.prettyText),
      ("leaderboard.md", board.markdown(title: "Leaderboard: \(plan.experiment.name)", metricNames: metricNames, describe: describe, evaluation: plan.experiment.evaluation) + kSelection.markdown),
    ]
    files += try runOutputs(results, leaderboard: board)
    let data = board.ranked.isEmpty ? nil : try source ?? loadSource(results)
    var chosenInsight: SegmentInsight?
    if results.plan.experiment.insight.enabled, let data {
      let insight = try insightFiles(results, board: board, source: data)
      files += insight.files
      chosenInsight = insight.chosen
    }
    files.append(("report.html", try reportText(results, board: board, records: records, kSelection: kSelection, source: data, space: standardizedSpace, insight: chosenInsight)))
    var written: [String] = []
    for (name, text) in files where try results.folder.writeIfChanged(text, to: name) { written.append(name) }
    let kept = Set(files.map(\.name))
    for name in results.folder.entries("insight") where !kept.contains("insight/" + name) {
      try results.folder.remove("insight/" + name)
      written.append("insight/" + name)
    }
    for name in ["segments.csv", "customers.csv"] where !kept.contains(name) && results.folder.contents(name) != nil {
      try results.folder.remove(name)
      written.append(name)
    }
    return Derived(leaderboard: board, records: records, kSelection: kSelection, written: written, unrecorded: plan.trials.count - records.count)
  }

  /// The leaderboard of `results` and every record with its `segment_ids` (aligned to the rank-1 trial).
  public func ranked(_ results: RunResults) throws -> (board: Leaderboard, records: [TrialRecord]) {
    guard let metric = registry.metric(named: results.plan.experiment.ranking.metric) else {
      preconditionFailure("the spec reader accepts only registered ranking metrics")
    }
    let rule = RankingRule(
      spec: results.plan.experiment.ranking, direction: metric.direction, bounds: metric.bounds,
      elbowMetric: registry.metrics.first { $0.kRule == .elbow }?.name)
    let first = Leaderboard(records: results.records, rule: rule)
    let records = try aligned(results.records, reference: first.ranked.first?.record, in: results)
    return (Leaderboard(records: records, rule: rule), records)
  }

  /// `records` with each successful trial's `segment_ids`: its segments matched to `reference`'s (see ``SegmentAlignment``).
  ///
  /// Labels files are read one trial at a time, in parallel; the reference maps to itself without reading.
  private func aligned(_ records: [TrialRecord], reference: TrialRecord?, in results: RunResults) throws -> [TrialRecord] {
    guard let reference else { return records }
    let referenceLabels = try results.labels(reference).labels
    let mappings = try Parallel.map(count: records.count) { i -> [Int]? in
      let record = records[i]
      guard record.status == .ok else { return nil }
      let count = record.sizes.count
      if record.configHash == reference.configHash { return Array(0..<count) }
      let mapping = SegmentAlignment.mapping(try results.labels(record).labels, reference: referenceLabels)
      return (0..<count).map { mapping[$0] ?? $0 }
    }
    return zip(records, mappings).map { record, ids in
      var copy = record
      copy.segmentIds = ids
      return copy
    }
  }
}
