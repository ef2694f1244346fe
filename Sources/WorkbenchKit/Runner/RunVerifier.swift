import Foundation

/// Re-runs a recorded run from its manifest and proves its byte-stable files identical: what `workbench verify` runs.
///
/// The spec comes from the manifest (as it was run), the data from the path
/// it names; the data's SHA-256 must match the recorded one. Every
/// byte-stable file (trials, labels, models, memberships, leaderboard,
/// k-selection) is compared with `cmp` semantics.
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

  /// Re-runs the run in `runDirectory` into a scratch folder with `jobs` and compares.
  public func verify(runDirectory: String, jobs: Int) async throws -> Report {
    let manifestPath = URL(fileURLWithPath: runDirectory).appendingPathComponent("manifest.json").path
    guard let data = FileManager.default.contents(atPath: manifestPath) else {
      throw SpecError(Location(file: runDirectory), "this is not a run folder: it has no manifest.json.", fix: "give a folder under results/<experiment>/, as printed by `workbench run`.")
    }
    let manifest = try JSONParser.parse([UInt8](data))
    guard let spec = manifest.object?["spec"], let specFile = manifest.object?["spec_file"]?.string,
      let base = manifest.object?["spec_directory"]?.string, let recordedData = manifest.object?["data"]?.object?["sha256"]?.string
    else { throw SavedStateError(owner: "manifest", detail: "'spec', 'spec_file', 'spec_directory' or 'data.sha256' is missing") }
    let experiment = try ExperimentReader(registry: registry).read(spec, file: specFile, baseDirectory: base)
    let prepared = try PreparedExperiment.load(experiment, registry: registry)
    guard prepared.dataset.fingerprint == recordedData else {
      throw DataError(
        Location(file: experiment.data.resolvedPath), "the data file has changed since the run (SHA-256 \(prepared.dataset.fingerprint.prefix(12))…, recorded \(recordedData.prefix(12))…).",
        fix: "restore the data file the run used; a changed file cannot reproduce the results.")
    }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-verify-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let summary = try await Runner(registry: registry).run(prepared.plan, dataset: prepared.dataset, options: RunOptions(outputRoot: scratch, jobs: jobs, fresh: true))
    let original = Self.stableFiles(under: runDirectory)
    let again = Self.stableFiles(under: summary.directory)
    let names = Set(original.keys).union(again.keys).sorted()
    return Report(compared: names, differing: names.filter { original[$0] != again[$0] })
  }

  /// The byte-stable files of a run folder, by relative path.
  static func stableFiles(under root: String) -> [String: Data] {
    let base = URL(fileURLWithPath: root).standardizedFileURL
    var out: [String: Data] = [:]
    guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [:] }
    for case let url as URL in walker where !url.hasDirectoryPath {
      let relative = String(url.standardizedFileURL.path.dropFirst(base.path.count + 1))
      guard !["manifest.json", "timings.jsonl"].contains(relative), !url.lastPathComponent.hasPrefix(".") else { continue }
      out[relative] = FileManager.default.contents(atPath: url.path)
    }
    return out
  }
}
