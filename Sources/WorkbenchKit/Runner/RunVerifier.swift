import Foundation

/// Re-runs a recorded run from its manifest and proves its byte-stable files identical: what `workbench verify` runs.
///
/// The spec comes from the manifest (as it was run); the data is found where
/// the spec says relative to the spec's folder (located from the run folder
/// when the tree was copied), or given explicitly, and its SHA-256 must match
/// the recorded one. Every byte-stable file (trial records, labels, models,
/// memberships, pipelines and the derived files) is compared byte for byte;
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
    /// Whether every file matched.
    public var identical: Bool { differing.isEmpty }
  }

  /// Re-runs the run in `runDirectory` into a scratch folder and compares; `data` overrides where the data file is.
  public func verify(runDirectory: String, data: String? = nil) throws -> Report {
    let results = try RunResults.open(runDirectory, registry: registry)
    var plan = results.plan
    if let data { plan.experiment.data.resolvedPath = data }
    let prepared = try PreparedExperiment.load(plan, registry: registry)
    guard prepared.dataset.fingerprint == results.manifest.dataSHA256 else {
      throw DataError(
        Location(file: plan.experiment.data.resolvedPath),
        "this is not the data the run used (SHA-256 \(prepared.dataset.fingerprint.prefix(12))…, recorded \(results.manifest.dataSHA256.prefix(12))…).",
        fix: "give the data file the run used; a changed file cannot reproduce the results.")
    }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-verify-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let summary = try Runner(registry: registry).run(prepared.plan, dataset: prepared.dataset, options: RunOptions(outputRoot: scratch, fresh: true))
    let original = Self.stableFiles(under: results.folder.path)
    let again = Self.stableFiles(under: summary.directory)
    let names = Set(original.keys).union(again.keys).sorted()
    return Report(compared: names, differing: names.filter { original[$0] != again[$0] })
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
