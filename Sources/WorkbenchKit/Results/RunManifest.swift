import Foundation

/// `manifest.json`: what was run, on what data, by which build, when.
///
/// The only run file with run-varying content (dates, host facts, jobs);
/// everything that must compare byte for byte lives elsewhere. It is written
/// when a run starts and when its trials are all recorded, and read back with
/// ``init(json:file:)`` by every command that opens a run (through
/// ``RunResults``). Paths are recorded relative to the run folder as well as
/// absolutely, so a copied run finds its spec and data where they sit relative
/// to it.
public struct RunManifest: Sendable, Equatable {
  /// The run's state: `running` until every planned trial is recorded.
  public enum Status: String, Sendable {
    case running
    case finished
  }

  /// Rows a pipeline variant's steps excluded, counted per step.
  public struct Exclusions: Sendable, Equatable {
    /// The variant's hash.
    public var pipelineHash: String
    /// Rows per step (`"2:remove-outliers"`).
    public var counts: [String: Int]
  }

  /// The experiment's name.
  public var experiment: String
  /// The run key (the folder's name).
  public var runKey: String
  /// Whether every planned trial is recorded.
  public var status: Status
  /// The spec as given.
  public var spec: JSONValue
  /// The spec file as the user named it (for messages).
  public var specFile: String
  /// The spec file's path relative to the run folder, so a copied tree still finds it.
  public var specPathFromRun: String
  /// The spec file's folder, absolute, as it was when the run started.
  public var specDirectory: String
  /// The data file's path as written in the spec (relative to the spec file).
  public var dataPath: String
  /// The data file's SHA-256.
  public var dataSHA256: String
  /// Rows and columns of the data.
  public var rows: Int
  public var columns: Int
  /// The experiment seed.
  public var seed: UInt64
  /// Planned, succeeded and failed trials.
  public var planned: Int
  public var succeeded: Int
  public var failed: Int
  /// Pipeline variants by hash with their names, in plan order, and the rows their steps excluded (when known).
  public var pipelines: [(hash: String, name: String, steps: JSONValue)]
  public var exclusions: [Exclusions]
  /// The workbench version that wrote the manifest.
  public var toolVersion: String
  /// Threads the last run that fitted trials used.
  public var jobs: Int
  /// When the first run of this folder started, and when the trials were last completed.
  public var startedAt: Date
  public var finishedAt: Date?

  public static func == (a: RunManifest, b: RunManifest) -> Bool { a.json == b.json }

  /// The manifest of a run of `plan` on data with `fingerprint` in `folder`, before any trial is recorded.
  public init(plan: TrialPlan, dataset: Dataset, folder: RunFolder, jobs: Int, startedAt: Date) {
    let experiment = plan.experiment
    let specURL = URL(fileURLWithPath: experiment.specFile).standardizedFileURL
    self.experiment = experiment.name
    runKey = URL(fileURLWithPath: folder.path).lastPathComponent
    status = .running
    spec = experiment.source
    specFile = experiment.specFile
    specPathFromRun = Self.relativePath(from: folder.path, to: specURL.path)
    specDirectory = specURL.deletingLastPathComponent().path
    dataPath = experiment.data.path
    dataSHA256 = dataset.fingerprint
    rows = dataset.table.rowCount
    columns = dataset.table.columns.count
    seed = experiment.seed
    planned = plan.trials.count
    succeeded = 0
    failed = 0
    pipelines = plan.pipelines.map { ($0.hash, $0.name, .array($0.steps.map(\.json))) }
    exclusions = []
    toolVersion = WorkbenchVersion.current
    self.jobs = jobs
    self.startedAt = startedAt
  }

  /// The manifest document.
  public var json: JSONValue {
    let formatter = ISO8601DateFormatter()
    var o: [String: JSONValue] = [
      "format_version": .int(ResultFormat.version),
      "experiment": .string(experiment),
      "run_key": .string(runKey),
      "status": .string(status.rawValue),
      "spec": spec,
      "spec_file": .string(specFile),
      "spec_path_from_run": .string(specPathFromRun),
      "spec_directory": .string(specDirectory),
      "spec_sha256": .string(DataFingerprint.sha256(of: spec.canonicalText)),
      "seed": .string(String(seed)),
      "data": ["path": .string(dataPath), "sha256": .string(dataSHA256), "rows": .int(rows), "columns": .int(columns)],
      "trials": ["planned": .int(planned), "ok": .int(succeeded), "failed": .int(failed)],
      "tool": ["name": "workbench", "version": .string(toolVersion), "swift": .string(WorkbenchVersion.swift)],
      "platform": ["os": .string(WorkbenchVersion.operatingSystem), "arch": .string(WorkbenchVersion.architecture)],
      "jobs": .int(jobs),
      "started_at": .string(formatter.string(from: startedAt)),
    ]
    if let finishedAt { o["finished_at"] = .string(formatter.string(from: finishedAt)) }
    o["pipelines"] = .array(
      pipelines.map { variant in
        var p: [String: JSONValue] = ["name": .string(variant.name), "hash": .string(variant.hash), "steps": variant.steps]
        if let excluded = exclusions.first(where: { $0.pipelineHash == variant.hash }) {
          p["excluded_rows"] = .object(excluded.counts.mapValues(JSONValue.int))
        }
        return .object(p)
      })
    return .object(o)
  }

  /// Reads a manifest back; `file` names it in errors.
  public init(json: JSONValue, file: String) throws(SavedStateError) {
    let saved = try SavedState(json, owner: "manifest \(file)")
    guard try saved.int("format_version") == ResultFormat.version else {
      throw SavedStateError(owner: "manifest \(file)", detail: "it was written by another version of the results layout (format \(try saved.int("format_version")), this workbench reads \(ResultFormat.version))")
    }
    let data = try SavedState(try saved.value("data"), owner: "manifest \(file), data")
    let trials = try SavedState(try saved.value("trials"), owner: "manifest \(file), trials")
    let tool = try SavedState(try saved.value("tool"), owner: "manifest \(file), tool")
    let formatter = ISO8601DateFormatter()
    guard let status = Status(rawValue: try saved.text("status")) else {
      throw SavedStateError(owner: "manifest \(file)", detail: "'status' is neither running nor finished")
    }
    guard let seed = UInt64(try saved.text("seed")) else { throw SavedStateError(owner: "manifest \(file)", detail: "'seed' is not a whole number") }
    guard let started = formatter.date(from: try saved.text("started_at")) else {
      throw SavedStateError(owner: "manifest \(file)", detail: "'started_at' is not an ISO 8601 date")
    }
    experiment = try saved.text("experiment")
    runKey = try saved.text("run_key")
    self.status = status
    spec = try saved.value("spec")
    specFile = try saved.text("spec_file")
    specPathFromRun = try saved.text("spec_path_from_run")
    specDirectory = try saved.text("spec_directory")
    dataPath = try data.text("path")
    dataSHA256 = try data.text("sha256")
    rows = try data.int("rows")
    columns = try data.int("columns")
    self.seed = seed
    planned = try trials.int("planned")
    succeeded = try trials.int("ok")
    failed = try trials.int("failed")
    toolVersion = try tool.text("version")
    jobs = try saved.int("jobs")
    startedAt = started
    finishedAt = saved.fields["finished_at"]?.string.flatMap(formatter.date(from:))
    var pipelines: [(String, String, JSONValue)] = []
    var exclusions: [Exclusions] = []
    for (i, entry) in (try saved.value("pipelines").array ?? []).enumerated() {
      let variant = try SavedState(entry, owner: "manifest \(file), pipelines[\(i)]")
      let hash = try variant.text("hash")
      pipelines.append((hash, try variant.text("name"), try variant.value("steps")))
      if let counts = variant.fields["excluded_rows"]?.object {
        exclusions.append(Exclusions(pipelineHash: hash, counts: counts.compactMapValues(\.integer)))
      }
    }
    self.pipelines = pipelines
    self.exclusions = exclusions
  }

  /// Reads `<folder>/manifest.json`; a missing or unreadable manifest is a clear error naming the folder.
  public static func read(_ folder: RunFolder) throws -> RunManifest {
    let file = folder.file(fileName)
    guard let bytes = folder.contents(fileName) else {
      throw SpecError(
        Location(file: folder.path), "this is not a run folder: it has no \(fileName).",
        fix: "give a folder under results/<experiment>/, as printed by `workbench run` (`workbench runs` lists them).")
    }
    let json: JSONValue
    do {
      json = try JSONParser.parse([UInt8](bytes))
    } catch {
      throw SavedStateError(owner: "manifest \(file)", detail: "it is not valid JSON (line \(error.line), column \(error.column): \(error.message))")
    }
    return try RunManifest(json: json, file: file)
  }

  /// This manifest once `records` are stored: finished when every planned trial is recorded, with the counts and
  /// each pipeline variant's excluded rows (from its first successful trial).
  public func completed(by results: RunResults) -> RunManifest {
    var copy = self
    let records = results.records
    copy.status = records.count == planned ? .finished : .running
    copy.succeeded = records.filter { $0.status == .ok }.count
    copy.failed = records.count - copy.succeeded
    copy.exclusions = pipelines.compactMap { variant in
      records.first { $0.status == .ok && results.plan.trials[$0.index].pipeline.hash == variant.hash }
        .map { Exclusions(pipelineHash: variant.hash, counts: $0.excluded) }
    }
    return copy
  }

  /// The spec file: found from the run folder by the recorded relative path when it is there (a copied tree), else
  /// where it was when the run started.
  public func resolvedSpecFile(runFolder: RunFolder) -> String {
    let relative = URL(fileURLWithPath: runFolder.file(specPathFromRun)).standardizedFileURL
    if FileManager.default.fileExists(atPath: relative.path) { return relative.path }
    return URL(fileURLWithPath: specDirectory).appendingPathComponent(URL(fileURLWithPath: specFile).lastPathComponent).path
  }

  /// The folder relative paths in the spec resolve against: the folder of ``resolvedSpecFile(runFolder:)``.
  public func resolvedSpecDirectory(runFolder: RunFolder) -> String {
    URL(fileURLWithPath: resolvedSpecFile(runFolder: runFolder)).deletingLastPathComponent().path
  }

  /// The data file (a transactions file when the spec aggregates one), resolved as the spec's `data` section is.
  public func resolvedDataFile(runFolder: RunFolder) -> String {
    DataSpec.resolve(dataPath, against: resolvedSpecDirectory(runFolder: runFolder))
  }

  /// The manifest's file name in the run folder.
  public static let fileName = "manifest.json"

  /// `target` relative to the folder `base` (both absolute and standardised), with `..` where needed.
  static func relativePath(from base: String, to target: String) -> String {
    let from = base.split(separator: "/")
    let to = target.split(separator: "/")
    let common = zip(from, to).prefix { $0 == $1 }.count
    return (Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)).joined(separator: "/")
  }
}
