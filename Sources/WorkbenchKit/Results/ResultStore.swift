import Foundation

/// The folder of one run, `<root>/<experiment>/<run-key>/`, and the files in it.
///
/// The run key is derived from the spec and the data fingerprint, so running
/// the same spec on the same data again finds its earlier trials and resumes.
/// Every file is written atomically.
public struct ResultStore: Sendable {
  /// The run folder.
  public let directory: String

  /// The store of an existing run folder (to read models back).
  public init(directory: String) {
    self.directory = directory
  }

  /// The store for `plan` run on data with `dataFingerprint` under `root`.
  public init(root: String, plan: TrialPlan, dataFingerprint: String) {
    let key = Self.runKey(plan: plan, dataFingerprint: dataFingerprint)
    directory = URL(fileURLWithPath: root).appendingPathComponent(plan.experiment.name).appendingPathComponent(key).path
  }

  /// First 12 hex digits of the SHA-256 of the spec (without `$schema`) and the data file's SHA-256.
  public static func runKey(plan: TrialPlan, dataFingerprint: String) -> String {
    var spec = plan.experiment.source.object ?? [:]
    spec["$schema"] = nil
    let input: JSONValue = ["spec": .object(spec), "data_sha256": .string(dataFingerprint), "format": .int(ResultFormat.version)]
    return String(DataFingerprint.sha256(of: input.canonicalText).prefix(12))
  }

  /// A file of the run, by its name relative to the run folder.
  public func path(_ name: String) -> String { URL(fileURLWithPath: directory).appendingPathComponent(name).path }

  /// The labels file of a trial.
  public func labelsPath(configHash: String) -> String { path("labels/\(configHash).csv") }

  /// Creates the run folder; with `fresh`, earlier results of this run are deleted first.
  public func create(fresh: Bool) throws(ResultStoreError) {
    let manager = FileManager.default
    do {
      if fresh, manager.fileExists(atPath: directory) { try manager.removeItem(atPath: directory) }
      try manager.createDirectory(atPath: path("labels"), withIntermediateDirectories: true)
    } catch {
      throw ResultStoreError(path: directory, reason: "cannot create the results folder (\(error.localizedDescription))")
    }
  }

  /// Trials an earlier run of the same spec and data recorded (with their labels, if they succeeded); reads only.
  public func recordedTrials() -> [String: TrialRecord] {
    let manager = FileManager.default
    guard let text = try? String(contentsOfFile: path("trials.jsonl"), encoding: .utf8) else { return [:] }
    var records: [String: TrialRecord] = [:]
    for line in text.split(separator: "\n") {
      guard let json = try? JSONParser.parse(String(line)), let record = TrialRecord(json: json) else { continue }
      if record.status == .ok, !manager.fileExists(atPath: labelsPath(configHash: record.configHash)) { continue }
      records[record.configHash] = record
    }
    return records
  }

  /// Saves what a finished trial produced besides its record: labels, model, fitted pipeline, memberships.
  ///
  /// The record itself is written with the others by ``writeRecords(_:)``,
  /// after its files, so a recorded trial always has them.
  func save(_ outcome: TrialOutcome, dataset: Dataset) throws(ResultStoreError) {
    let hash = outcome.record.configHash
    if let labels = outcome.labels { try LabelsFile.write(labels, ids: dataset.ids, idColumn: dataset.idColumn, to: labelsPath(configHash: hash)) }
    if let model = outcome.model, let pipeline = outcome.pipeline {
      try createFolder("models/pipelines")
      let pipelinePath = self.pipelinePath(hash: pipeline.hash)
      if !FileManager.default.fileExists(atPath: pipelinePath) { try AtomicFile.write(pipeline.json.canonicalText + "\n", to: pipelinePath) }
      try AtomicFile.write(model.json.canonicalText + "\n", to: modelPath(configHash: hash))
    }
    if let memberships = outcome.memberships {
      try createFolder("memberships")
      try AtomicFile.write(
        MembershipsFile.text(memberships.values, datasetRows: memberships.datasetRows, ids: dataset.ids, idColumn: dataset.idColumn),
        to: path("memberships/\(hash).csv"))
    }
  }

  /// The saved model of a trial.
  public func modelPath(configHash: String) -> String { path("models/\(configHash).json") }

  /// A saved fitted pipeline.
  public func pipelinePath(hash: String) -> String { path("models/pipelines/\(hash).json") }

  private func createFolder(_ name: String) throws(ResultStoreError) {
    do {
      try FileManager.default.createDirectory(atPath: path(name), withIntermediateDirectories: true)
    } catch {
      throw ResultStoreError(path: path(name), reason: "cannot create the folder (\(error.localizedDescription))")
    }
  }

  /// Rewrites `trials.jsonl` with `records` in grid order.
  public func writeRecords(_ records: [TrialRecord]) throws(ResultStoreError) {
    let lines = records.sorted { $0.index < $1.index }.map { $0.json.canonicalText + "\n" }
    try AtomicFile.write(lines.joined(), to: path("trials.jsonl"))
  }

  /// Durations, kept apart from the byte-stable records.
  public func writeTimings(_ seconds: [(index: Int, configHash: String, seconds: Double)]) throws(ResultStoreError) {
    let lines = seconds.sorted { $0.index < $1.index }.map { entry -> String in
      let json: JSONValue = ["trial": .int(entry.index), "config_hash": .string(entry.configHash), "seconds": .double(entry.seconds)]
      return json.canonicalText + "\n"
    }
    try AtomicFile.write(lines.joined(), to: path("timings.jsonl"))
  }

  /// Earlier durations, by config hash (for trials that are resumed, not refitted).
  public func readTimings() -> [String: Double] {
    guard let text = try? String(contentsOfFile: path("timings.jsonl"), encoding: .utf8) else { return [:] }
    var out: [String: Double] = [:]
    for line in text.split(separator: "\n") {
      guard let o = (try? JSONParser.parse(String(line)))?.object, let hash = o["config_hash"]?.string, let s = o["seconds"]?.number else { continue }
      out[hash] = s
    }
    return out
  }

  /// Writes a named file of the run (manifest, leaderboard) atomically.
  public func write(_ text: String, named name: String) throws(ResultStoreError) {
    try AtomicFile.write(text, to: path(name))
  }
}

/// The version of the results layout; part of the run key, so a new layout never resumes an old run.
public enum ResultFormat {
  public static let version = 1
}
