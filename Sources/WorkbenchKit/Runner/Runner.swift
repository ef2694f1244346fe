import Foundation
import WorkbenchNumerics

/// Runs an experiment: records every pending trial in the trial store, then derives the run-level files.
///
/// The steps, each resumable:
/// 1. Pipelines of the pending trials are fitted first: a step that finds
///    the data unusable stops the run with a located error before anything
///    is written.
/// 2. The run folder is created and locked (``RunLock``); trusted trials of
///    an earlier run of the same spec and data are kept, anything partial is
///    removed (``TrialStore/scan(_:repair:)``).
/// 3. ``TrialRunner`` fits the pending trials over the current ``Executor``.
/// 4. The manifest is marked finished and ``RunFinalizer`` derives ranking,
///    alignment, k selection and leaderboards from the store alone.
/// A kill at any point loses only the trials in flight; running again
/// resumes and ends with the same bytes as an uninterrupted run.
public struct Runner: Sendable {
  /// The plugins trials may use.
  public let registry: PluginRegistry

  public init(registry: PluginRegistry) {
    self.registry = registry
  }

  /// Runs `plan` on `dataset`, resuming trials an earlier run of the same spec and data recorded, then finalizes.
  ///
  /// A shard (``RunOptions/shard``) is only recorded, never finalized: use ``record(_:dataset:options:observe:)``.
  public func run(_ plan: TrialPlan, dataset: Dataset, options: RunOptions, observe: @escaping @Sendable (RunEvent) -> Void = { _ in }) throws -> RunSummary {
    precondition(options.shard == nil, "a shard is recorded, then merged: call record(_:dataset:options:observe:)")
    let (recorded, lock) = try recordHoldingLock(plan, dataset: dataset, options: options, finalizing: true, observe: observe)
    let derived = try RunFinalizer(registry: registry).finalize(recorded.results, source: dataset.source, standardizedSpace: recorded.standardizedSpace)
    if let finished = recorded.finishedManifest { try recorded.results.folder.write(finished.json.prettyText, to: RunManifest.fileName) }
    withExtendedLifetime(lock) {}
    return RunSummary(directory: recorded.results.folder.path, plan: plan, records: derived.records, leaderboard: derived.leaderboard, resumed: recorded.resumed)
  }

  /// Steps 1–3 and the manifest: records every pending trial of `plan` (or of the shard's share) in the trial store.
  ///
  /// A shard's store goes beside the run folder (``Shard/storeName(runKey:)``)
  /// and gets its ``ShardManifest`` before any trial; its manifest counts
  /// only the shard's trials as planned.
  public func record(_ plan: TrialPlan, dataset: Dataset, options: RunOptions, observe: @escaping @Sendable (RunEvent) -> Void = { _ in }) throws -> RecordedTrials {
    try recordHoldingLock(plan, dataset: dataset, options: options, finalizing: false, observe: observe).recorded
  }

  /// ``record(_:dataset:options:observe:)``, returning the folder's lock still held (so `run` finalizes under it).
  ///
  /// When `finalizing`, a manifest that every trial completes is written as still running and returned as
  /// ``RecordedTrials/finishedManifest``: the run is marked finished only once its derived files are written, so a
  /// run whose report could not be written (a full disk) is not listed as finished.
  private func recordHoldingLock(
    _ plan: TrialPlan, dataset: Dataset, options: RunOptions, finalizing: Bool, observe: @escaping @Sendable (RunEvent) -> Void
  ) throws -> (recorded: RecordedTrials, lock: RunLock) {
    let started = Date()
    let runKey = RunKey.of(plan: plan, dataFingerprint: dataset.fingerprint)
    let shard = options.shard.map { shard in
      let partition = ShardPartition(plan: plan, rows: dataset.table.rowCount, columns: dataset.table.columns.count, count: shard.count, registry: registry)
      return ShardManifest(shard: shard, runKey: runKey, trials: partition.trials(of: shard, in: plan).map(\.configHash))
    }
    let share = shard.map { Set($0.trials) }
    let folderName = options.shard?.storeName(runKey: runKey) ?? runKey
    let executor = try TrialExecutor(registry: registry, plan: plan, dataset: dataset)
    let existing = URL(fileURLWithPath: options.outputRoot).appendingPathComponent(plan.experiment.name).appendingPathComponent(folderName).path
    let earlier = options.fresh || !FileManager.default.fileExists(atPath: existing)
      ? [:] : try TrialStore(folder: RunFolder(existing: existing)).scan(plan, repair: false)
    let wanted = { (trial: TrialConfig) in options.includes(trial) && share?.contains(trial.configHash) != false }
    var features = try prepareFeatures(plan.trials.filter { earlier[$0.configHash] == nil && wanted($0) }, executor: executor)

    let folder = try RunFolder.create(root: options.outputRoot, experiment: plan.experiment.name, runKey: folderName)
    let lock = try RunLock.acquire(folder)
    if options.fresh { try folder.removeAll(keeping: [RunLock.fileName]) }
    if let shard { try folder.writeIfChanged(shard.json.prettyText, to: ShardManifest.fileName) }
    let store = TrialStore(folder: folder)
    let recorded = try store.scan(plan, repair: true)
    let pending = plan.trials.filter { recorded[$0.configHash] == nil && wanted($0) }
    for (hash, prepared) in try prepareFeatures(pending.filter { features[$0.pipeline.hash] == nil }, executor: executor) { features[hash] = prepared }

    let previous = try? RunManifest.read(folder)
    var manifest = RunManifest(plan: plan, dataset: dataset, folder: folder, jobs: Executor.current?.threads ?? 1, startedAt: previous?.startedAt ?? started)
    if let shard { manifest.planned = shard.trials.count }
    manifest.finishedAt = previous?.finishedAt
    // A finished run's manifest is left alone unless trials are fitted or the spec changed where the run key ignores it (its gate).
    let outdated = previous?.status != .finished || previous?.spec != manifest.spec
    if !pending.isEmpty || outdated { try folder.write(manifest.json.prettyText, to: RunManifest.fileName) }
    let total = share?.count ?? plan.trials.count
    observe(.started(total: total, resumed: recorded.count, directory: folder.path))
    let fitted = try TrialRunner(executor: executor, store: store).run(
      pending, features: features, finishedBefore: recorded.count, total: total, observe: observe)

    let records = Array(recorded.values) + fitted
    let results = RunResults(folder: folder, manifest: manifest, plan: plan, records: records)
    var finishedManifest: RunManifest?
    if !fitted.isEmpty || outdated {
      manifest.finishedAt = fitted.isEmpty ? previous?.finishedAt ?? Date() : Date()
      var completed = manifest.completed(by: results)
      if finalizing, completed.status == .finished {
        finishedManifest = completed
        completed.status = .running
      }
      try folder.write(completed.json.prettyText, to: RunManifest.fileName)
    }
    let standardized = plan.experiment.evaluation.space == .standardized ? executor.evaluationSpace : nil
    return (
      RecordedTrials(results: results, resumed: recorded.count, shard: shard, standardizedSpace: standardized, finishedManifest: finishedManifest), lock
    )
  }

  /// Fits the pipeline variants `trials` need, in parallel, keyed by variant hash.
  ///
  /// A step that finds the data itself unusable (a missing or non-numeric
  /// column) throws its ``DataError``; other step failures become failed trials.
  private func prepareFeatures(_ trials: [TrialConfig], executor: TrialExecutor) throws -> [String: Result<PreparedFeatures, TrialFailure>] {
    var seen: Set<String> = []
    let variants = trials.map(\.pipeline).filter { seen.insert($0.hash).inserted }
    let prepared = Parallel.map(count: variants.count) { executor.prepare(variants[$0]) }
    for result in prepared { if case .failure(let failure) = result, let dataError = failure.dataError { throw dataError } }
    return Dictionary(uniqueKeysWithValues: zip(variants.map(\.hash), prepared))
  }
}
