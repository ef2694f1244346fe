import Foundation
import WorkbenchNumerics

/// A run folder read back: its manifest, its plan and every trusted trial — the one way commands read a run.
///
/// `finalize`, `assign`, `verify`, `report`, `gate`, `compare` and `merge`
/// all start here. Records are those ``TrialStore/scan(_:repair:)`` trusts,
/// in grid order; every file handed out is checked against the SHA-256 its
/// record lists, so an edited labels file, model or pipeline is refused with
/// its name instead of silently changing an answer.
public struct RunResults: Sendable {
  /// The run folder.
  public let folder: RunFolder
  /// The manifest.
  public let manifest: RunManifest
  /// The plan, expanded once from the spec the manifest holds.
  public let plan: TrialPlan
  /// Every trusted trial record, in grid order.
  public let records: [TrialRecord]

  /// The trial store behind the folder.
  public var store: TrialStore { TrialStore(folder: folder) }

  /// Results assembled by a process that has just written them (no re-reading).
  init(folder: RunFolder, manifest: RunManifest, plan: TrialPlan, records: [TrialRecord]) {
    self.folder = folder
    self.manifest = manifest
    self.plan = plan
    self.records = records.sorted { $0.index < $1.index }
  }

  /// Opens the run folder at `path`: reads the manifest, expands its spec, and scans the trial store (reading only).
  public static func open(_ path: String, registry: PluginRegistry) throws -> RunResults {
    let folder = RunFolder(existing: path)
    let manifest = try RunManifest.read(folder)
    let plan = try ExperimentReader(registry: registry).plan(
      manifest.spec, file: manifest.specFile, baseDirectory: manifest.resolvedSpecDirectory(runFolder: folder))
    let records = try TrialStore(folder: folder).scan(plan, repair: false)
    return RunResults(folder: folder, manifest: manifest, plan: plan, records: Array(records.values))
  }

  /// The record whose config hash is `prefix` or starts with it; an unknown or ambiguous prefix is an error, and so is
  /// a stored trial that is not trusted (the error names its changed or missing file).
  public func record(matching prefix: String) throws -> TrialRecord {
    let matches = records.filter { $0.configHash.hasPrefix(prefix.lowercased()) }
    let stored = Set(folder.entries("trials"))
    let untrusted = plan.trials.filter { $0.configHash.hasPrefix(prefix.lowercased()) && stored.contains($0.configHash) }
    if matches.isEmpty, untrusted.count == 1, !prefix.isEmpty, case .failure(let fault) = store.examine(untrusted[0]) { throw fault }
    guard matches.count == 1, !prefix.isEmpty else {
      let hint = matches.isEmpty ? "no recorded trial has a config hash starting with '\(prefix)'" : "'\(prefix)' matches \(matches.count) trials"
      throw SpecError(Location(file: folder.path), "\(hint).", fix: "use a config hash from leaderboard.md or trials.jsonl (a unique prefix is enough).")
    }
    return matches[0]
  }

  /// The canonical labels of a successful trial, for every dataset row.
  public func labels(_ record: TrialRecord) throws -> RowLabels {
    let relative = TrialStore.labelsFile(record.configHash)
    return try LabelsFile.parse(try verified(relative, of: record), path: folder.file(relative))
  }

  /// The saved model of a trial, or nil when its algorithm saves none.
  public func model(_ record: TrialRecord) throws -> SavedModel? {
    let relative = TrialStore.modelFile(record.configHash)
    guard record.files[relative] != nil else { return nil }
    return try SavedModel(json: try parse(try verified(relative, of: record), relative))
  }

  /// The fitted pipeline a trial ran on.
  public func pipeline(_ record: TrialRecord) throws -> SavedPipeline {
    guard let relative = record.files.keys.sorted().first(where: { $0.hasPrefix("pipelines/") }) else {
      throw SavedStateError(owner: "trial \(record.configHash)", detail: "its record names no fitted pipeline (the trial failed before its pipeline was fitted)")
    }
    return try SavedPipeline(json: try parse(try verified(relative, of: record), relative))
  }

  /// The bytes of `relative`, checked against the SHA-256 `record` lists for it.
  func verified(_ relative: String, of record: TrialRecord) throws -> Data {
    guard let expected = record.files[relative] else {
      throw ResultStoreError(
        path: folder.file(relative), reason: "trial \(record.configHash) did not write this file", fix: "choose a trial that has it (see leaderboard.md)")
    }
    return try store.check(relative, digest: expected).get()
  }

  private func parse(_ data: Data, _ relative: String) throws -> JSONValue {
    do {
      return try JSONParser.parse([UInt8](data))
    } catch {
      throw SavedStateError(owner: folder.file(relative), detail: "it is not valid JSON (line \(error.line), column \(error.column))")
    }
  }
}
