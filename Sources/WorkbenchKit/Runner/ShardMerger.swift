import Foundation

/// Unites the trial stores of a split run's shards into one run folder and finalizes it once: what `workbench merge` runs.
///
/// Every check comes first, and any problem stops the merge before anything
/// is written, with every problem listed: each folder must be a shard store
/// (``ShardManifest``); all must come from the same spec (`$schema` aside)
/// and the same data (SHA-256); each shard's listed trials must be recorded
/// and intact; and every trial of the plan must be in exactly one shard — a
/// missing or duplicated trial is named (index, pipeline, algorithm,
/// parameters, config hash), and a shard store not given at all is named by
/// its number. Then each trial's files are copied into
/// `<out>/<experiment>/<run-key>/` (each file atomically, the record last,
/// as ``TrialStore`` saves them), the manifest is written, and
/// ``RunFinalizer`` derives everything run-level. Because trial outputs
/// depend only on the spec, the data and the config hash, the merged run is
/// byte-identical to an unsharded run of the same spec, whatever the number
/// of shards. A kill while copying leaves trials without records, which
/// merging again (or `finalize`) repairs.
public struct ShardMerger: Sendable {
  /// The plugins the run used.
  public let registry: PluginRegistry

  public init(registry: PluginRegistry) {
    self.registry = registry
  }

  /// What a merge wrote.
  public struct Merged: Sendable {
    /// The merged run folder.
    public var directory: String
    /// The shards merged, in shard order.
    public var shards: [ShardManifest]
    /// Trials copied, and trials the output already held with the same record.
    public var copied: Int
    public var kept: Int
    /// What finalizing derived.
    public var derived: RunFinalizer.Derived
  }

  /// One shard store, read and checked.
  private struct Store {
    var path: String
    var folder: RunFolder
    var manifest: RunManifest
    var shard: ShardManifest
    var records: [String: TrialRecord] = [:]
  }

  /// Merges the shard stores at `shardDirectories` into a run folder under `outputRoot`.
  public func merge(shardDirectories: [String], outputRoot: String) throws -> Merged {
    var problems: [Problem] = []
    var stores = try open(shardDirectories, problems: &problems)
    guard let reference = stores.first, problems.isEmpty else { throw SpecError(problems) }
    let plan = try ExperimentReader(registry: registry).plan(
      reference.manifest.spec, file: reference.manifest.specFile, baseDirectory: reference.manifest.resolvedSpecDirectory(runFolder: reference.folder))
    for i in stores.indices {
      stores[i].records = try TrialStore(folder: stores[i].folder).scan(plan, repair: false)
      problems += unrecorded(stores[i], plan: plan)
    }
    problems += coverage(stores, plan: plan)
    let runKey = reference.shard.runKey
    let target = URL(fileURLWithPath: outputRoot).appendingPathComponent(plan.experiment.name).appendingPathComponent(runKey).path
    let existing = FileManager.default.fileExists(atPath: target) ? try TrialStore(folder: RunFolder(existing: target)).scan(plan, repair: false) : [:]
    for store in stores {
      for (hash, record) in store.records.sorted(by: { $0.key < $1.key }) where existing[hash] != nil && existing[hash] != record {
        problems.append(
          Problem(
            Location(file: target), "it already holds trial \(record.index) (\(hash)) with a record that differs from shard \(store.shard.shard)'s.",
            fix: "merge into another OUT folder, or remove \(target) first."))
      }
    }
    guard problems.isEmpty else { throw SpecError(problems) }

    let folder = try RunFolder.create(root: outputRoot, experiment: plan.experiment.name, runKey: runKey)
    let lock = try RunLock.acquire(folder)
    defer { withExtendedLifetime(lock) {} }
    let kept = try TrialStore(folder: folder).scan(plan, repair: true)
    var copied = 0
    for store in stores {
      let source = RunResults(folder: store.folder, manifest: store.manifest, plan: plan, records: Array(store.records.values))
      for record in source.records where kept[record.configHash] == nil {
        try copy(record, from: source, to: folder)
        copied += 1
      }
    }
    let records = stores.flatMap { $0.records.values }
    var manifest = mergedManifest(stores, folder: folder, plan: plan, runKey: runKey)
    let results = RunResults(folder: folder, manifest: manifest, plan: plan, records: records)
    manifest = manifest.completed(by: results)
    try folder.write(manifest.json.prettyText, to: RunManifest.fileName)
    let derived = try RunFinalizer(registry: registry).finalize(results)
    return Merged(directory: folder.path, shards: stores.map(\.shard), copied: copied, kept: kept.count, derived: derived)
  }

  /// Reads every folder's manifest and shard manifest, in shard order; checks they share spec, data and shard count.
  private func open(_ paths: [String], problems: inout [Problem]) throws -> [Store] {
    guard !paths.isEmpty else {
      throw SpecError(Location(file: "SHARD_DIR"), "no shard store given.", fix: "list the folders `run --shard I/N` wrote, e.g. results/<experiment>/<run-key>.shard-*.")
    }
    var stores: [Store] = []
    for path in paths {
      let folder = RunFolder(existing: path)
      let manifest: RunManifest
      do {
        manifest = try RunManifest.read(folder)
      } catch let error as SpecError {
        problems += error.problems
        continue
      } catch let error as SavedStateError {
        problems.append(Problem(Location(file: path), error.description))
        continue
      }
      guard let shard = try ShardManifest.read(folder) else {
        problems.append(
          Problem(Location(file: path), "this is a run folder, not a shard store (it has no \(ShardManifest.fileName)).", fix: "give the folders `workbench run SPEC --shard I/N` wrote."))
        continue
      }
      stores.append(Store(path: path, folder: folder, manifest: manifest, shard: shard))
    }
    stores.sort { ($0.shard.shard.number, $0.path) < ($1.shard.shard.number, $1.path) }
    guard let reference = stores.first else { return stores }
    for store in stores.dropFirst() {
      let name = "shard \(store.shard.shard)"
      let changes = JSONDifference.specChanges(reference.manifest.spec, store.manifest.spec)
      if !changes.isEmpty {
        problems.append(
          Problem(
            Location(file: store.path),
            "\(name) was run from another spec than shard \(reference.shard.shard) (\(reference.path)): " + changes.prefix(3).map(\.text).joined(separator: "; ")
              + (changes.count > 3 ? "; and \(changes.count - 3) more" : "") + ".",
            fix: "merge only the shards of one run: the same spec and data, split the same way."))
      } else if store.manifest.dataSHA256 != reference.manifest.dataSHA256 {
        problems.append(
          Problem(
            Location(file: store.path),
            "\(name) ran on other data (SHA-256 \(store.manifest.dataSHA256.prefix(12))…) than shard \(reference.shard.shard) (\(reference.manifest.dataSHA256.prefix(12))…).",
            fix: "run every shard on the same data file."))
      } else if store.shard.shard.count != reference.shard.shard.count {
        problems.append(
          Problem(
            Location(file: store.path), "\(name) belongs to a split into \(store.shard.shard.count) shards, shard \(reference.shard.shard) to a split into \(reference.shard.shard.count).",
            fix: "merge the shards of one split: every --shard I/N with the same N."))
      }
    }
    return stores
  }

  /// Problems for the trials a shard lists but does not hold intact.
  private func unrecorded(_ store: Store, plan: TrialPlan) -> [Problem] {
    let byHash = Dictionary(plan.trials.map { ($0.configHash, $0) }, uniquingKeysWith: { first, _ in first })
    let missing = store.shard.trials.filter { store.records[$0] == nil }
    guard !missing.isEmpty else { return [] }
    let names = missing.prefix(5).map { byHash[$0].map { describe($0, plan: plan) } ?? $0 }
    return [
      Problem(
        Location(file: store.path),
        "shard \(store.shard.shard) has not recorded \(missing.count) of its \(store.shard.trials.count) trials (the task did not finish, or files changed): "
          + names.joined(separator: "; ") + (missing.count > 5 ? "; and \(missing.count - 5) more" : "") + ".",
        fix: "run `workbench run SPEC --shard \(store.shard.shard)` again with the same --out; it resumes and records the rest.")
    ]
  }

  /// Problems for every trial held by more than one store, and for every trial of the plan held by none.
  private func coverage(_ stores: [Store], plan: TrialPlan) -> [Problem] {
    var problems: [Problem] = []
    var owners: [String: [Int]] = [:]
    for (i, store) in stores.enumerated() {
      for hash in Set(store.records.keys).union(store.shard.trials) { owners[hash, default: []].append(i) }
    }
    let duplicated = plan.trials.filter { (owners[$0.configHash]?.count ?? 0) > 1 }
    for trial in duplicated.prefix(10) {
      let holders = owners[trial.configHash]!.map { "shard \(stores[$0].shard.shard) (\(stores[$0].path))" }
      problems.append(
        Problem(
          Location(file: stores[owners[trial.configHash]![1]].path), "\(describe(trial, plan: plan)) is in \(holders.count) shards: \(holders.joined(separator: ", ")).",
          fix: "give each shard's store once; shards of one split never share a trial."))
    }
    if duplicated.count > 10 { problems.append(Problem(Location(), "and \(duplicated.count - 10) more trials are in more than one shard.")) }
    let missing = plan.trials.filter { owners[$0.configHash] == nil }
    guard !missing.isEmpty else { return problems }
    let count = stores.first?.shard.shard.count ?? 1
    let given = Set(stores.map(\.shard.shard.number))
    let absent = (1...count).filter { !given.contains($0) }
    let names = missing.prefix(5).map { describe($0, plan: plan) }.joined(separator: "; ") + (missing.count > 5 ? "; and \(missing.count - 5) more" : "")
    let which = absent.isEmpty ? "" : "shard\(absent.count == 1 ? "" : "s") \(absent.map { "\($0)/\(count)" }.joined(separator: ", ")) \(absent.count == 1 ? "is" : "are") missing; "
    let runs = absent.map { "`workbench run SPEC --shard \($0)/\(count)`" }.joined(separator: ", ")
    problems.append(
      Problem(
        Location(file: stores.first?.path), "\(which)\(missing.count) trial\(missing.count == 1 ? " is" : "s are") in no shard: \(names).",
        fix: absent.isEmpty
          ? "run the shards that should hold them again and give their stores."
          : "give the store\(absent.count == 1 ? "" : "s") " + absent.map { "`\(stores[0].shard.runKey).shard-\($0)-of-\(count)`" }.joined(separator: ", ") + " too (made by \(runs))."))
    return problems
  }

  /// "trial 3 (scaled · kmeans k=5, config hash 1a2b…)".
  private func describe(_ trial: TrialConfig, plan: TrialPlan) -> String {
    "trial \(trial.index) (\(plan.configurationText(of: trial.index, registry: registry)), config hash \(trial.configHash))"
  }

  /// Copies one trial's files (each checked against its record), its timing, then its record, as ``TrialStore`` saves them.
  private func copy(_ record: TrialRecord, from source: RunResults, to folder: RunFolder) throws {
    let hash = record.configHash
    try folder.remove(TrialStore.trialFolder(hash))
    for relative in record.files.keys.sorted() {
      let data = try source.verified(relative, of: record)
      if relative.hasPrefix(TrialStore.trialFolder(hash) + "/") {
        try folder.write(data, to: relative)
      } else {
        try folder.writeIfChanged(String(decoding: data, as: UTF8.self), to: relative)
      }
    }
    for relative in [TrialStore.timingFile(hash), TrialStore.recordFile(hash)] {
      guard let data = source.folder.contents(relative) else {
        throw ResultStoreError(path: source.folder.file(relative), reason: "the file vanished while merging", fix: "merge again once no process writes the shard")
      }
      try folder.write(data, to: relative)
    }
  }

  /// The merged run's manifest: the first shard's, with the whole plan, the run key, the spec found from the new folder,
  /// the earliest start and the latest finish.
  private func mergedManifest(_ stores: [Store], folder: RunFolder, plan: TrialPlan, runKey: String) -> RunManifest {
    let reference = stores[0]
    var manifest = reference.manifest
    manifest.runKey = runKey
    manifest.planned = plan.trials.count
    let spec = URL(fileURLWithPath: reference.folder.file(reference.manifest.specPathFromRun)).standardizedFileURL.path
    if FileManager.default.fileExists(atPath: spec) { manifest.specPathFromRun = RunManifest.relativePath(from: folder.path, to: spec) }
    manifest.startedAt = stores.map(\.manifest.startedAt).min() ?? manifest.startedAt
    manifest.finishedAt = stores.compactMap(\.manifest.finishedAt).max() ?? Date()
    manifest.jobs = stores.map(\.manifest.jobs).max() ?? manifest.jobs
    return manifest
  }
}
