import Foundation

/// Re-runs a recorded run from its manifest and proves its byte-stable files identical: what `workbench verify` runs.
///
/// The spec comes from the manifest (as it was run). The data is found where
/// the spec says relative to the spec's folder: the spec found from the run
/// folder by the relative path the manifest records (so a copied tree of
/// spec, data and results verifies anywhere), or the spec file given with
/// `spec` (checked to be the run's spec), or the data file given with
/// `data`; its SHA-256 must match the recorded one. A shard store re-runs
/// just its shard; a merged run re-runs the whole plan unsplit. Every
/// byte-stable file (trial records, labels, models, memberships, pipelines,
/// the shard manifest and the derived files) is compared byte for byte;
/// run-varying files (the manifest, timings, the lock) are not.
public struct RunVerifier: Sendable {
  /// The plugins to run with.
  public let registry: PluginRegistry

  public init(registry: PluginRegistry) {
    self.registry = registry
  }

  /// The outcome of a verification.
  public struct Report: Sendable {
    /// Files compared, relative to the run folder.
    public var compared: [String]
    /// Files that differ or are missing on one side.
    public var differing: [String]
    /// The shard verified, when the folder is a shard store.
    public var shard: Shard?
    /// Whether every file matched.
    public var identical: Bool { differing.isEmpty }
  }

  /// Re-runs the run in `runDirectory` into a scratch folder and compares; `spec` and `data` say where the spec copy
  /// and the data file are when they are not where the manifest says.
  public func verify(runDirectory: String, data: String? = nil, spec: String? = nil) throws -> Report {
    let results = try RunResults.open(runDirectory, registry: registry)
    var plan = results.plan
    if let spec {
      let given = try ExperimentReader(registry: registry).plan(path: spec)
      let changes = JSONDifference.specChanges(results.manifest.spec, given.experiment.source)
      guard changes.isEmpty else {
        throw SpecError(
          Location(file: spec), "this is not the spec the run used; it differs at " + changes.prefix(3).map(\.text).joined(separator: "; ") + ".",
          fix: "give the spec the run was made from, or leave out --spec to use the one recorded in the manifest (with --data for the data).")
      }
      plan.experiment.data.resolvedPath = given.experiment.data.resolvedPath
    }
    if let data { plan.experiment.data.resolvedPath = data }
    try checkData(at: plan.experiment.data.resolvedPath, recorded: results.manifest.dataSHA256, given: data != nil)
    let prepared = try PreparedExperiment.load(plan, registry: registry)
    let shard = try ShardManifest.read(results.folder)?.shard
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-verify-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let options = RunOptions(outputRoot: scratch, fresh: true, shard: shard)
    let runner = Runner(registry: registry)
    let again = shard == nil
      ? try runner.run(prepared.plan, dataset: prepared.dataset, options: options).directory
      : try runner.record(prepared.plan, dataset: prepared.dataset, options: options).results.folder.path
    let original = Self.stableFiles(under: results.folder.path)
    let rerun = Self.stableFiles(under: again)
    let names = Set(original.keys).union(rerun.keys).sorted()
    return Report(compared: names, differing: names.filter { original[$0] != rerun[$0] }, shard: shard)
  }

  /// Throws unless the file at `path` exists and has the SHA-256 the run recorded, before anything reads it as data.
  private func checkData(at path: String, recorded: String, given: Bool) throws(DataError) {
    guard FileManager.default.fileExists(atPath: path) else {
      throw DataError(
        Location(file: path), "the run's data file is not there.",
        fix: given ? "check the path given with --data." : "give the data file with --data FILE, or a copy of the spec with --spec FILE when the data sits beside it.")
    }
    let actual = try DataFingerprint.sha256(ofFileAt: path)
    guard actual == recorded else {
      throw DataError(
        Location(file: path), "this is not the data the run used (SHA-256 \(actual.prefix(12))…, recorded \(recorded.prefix(12))…).",
        fix: "give the data file the run used; a changed file cannot reproduce the results.")
    }
  }

  /// The byte-stable files of a run folder, by relative path: everything but the manifest, timings and hidden files.
  static func stableFiles(under root: String) -> [String: Data] {
    let folder = RunFolder(existing: root)
    var out: [String: Data] = [:]
    guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [:] }
    while let relative = walker.nextObject() as? String {
      let name = (relative as NSString).lastPathComponent
      guard !name.hasPrefix("."), ![RunManifest.fileName, "timings.jsonl", "timing.json"].contains(name), let data = folder.contents(relative) else { continue }
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: folder.file(relative), isDirectory: &isFolder), isFolder.boolValue { continue }
      out[relative] = data
    }
    return out
  }
}
