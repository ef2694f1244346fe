import Foundation

/// `manifest.json`: what was run, on what data, by which build, when.
///
/// The only results file with run-varying content (dates, host facts, jobs);
/// records that must compare byte for byte live in other files.
public struct RunManifest: Sendable {
  /// The run's state when the manifest was written.
  public enum Status: String, Sendable {
    case running
    case finished
  }

  public var plan: TrialPlan
  public var dataFingerprint: String
  public var rows: Int
  public var columns: Int
  public var runKey: String
  public var jobs: Int
  public var startedAt: Date
  public var finishedAt: Date?
  public var status: Status
  public var counts: (ok: Int, failed: Int, resumed: Int)
  /// Rows excluded by each pipeline variant's steps, by variant hash (known once its trials ran).
  public var excludedRows: [String: (pipeline: String, counts: [String: Int])] = [:]

  /// The manifest document.
  public var json: JSONValue {
    let experiment = plan.experiment
    let formatter = ISO8601DateFormatter()
    var o: [String: JSONValue] = [
      "format_version": .int(ResultFormat.version),
      "experiment": .string(experiment.name),
      "run_key": .string(runKey),
      "status": .string(status.rawValue),
      "spec": experiment.source,
      "spec_file": .string(experiment.specFile),
      "spec_directory": .string(URL(fileURLWithPath: experiment.specFile).deletingLastPathComponent().standardizedFileURL.path),
      "spec_sha256": .string(DataFingerprint.sha256(of: experiment.source.canonicalText)),
      "seed": .string(String(experiment.seed)),
      "data": [
        "path": .string(experiment.data.path), "sha256": .string(dataFingerprint), "rows": .int(rows), "columns": .int(columns),
      ],
      "trials": [
        "planned": .int(plan.trials.count), "ok": .int(counts.ok), "failed": .int(counts.failed), "resumed": .int(counts.resumed),
      ],
      "tool": ["name": "workbench", "version": .string(WorkbenchVersion.current), "swift": .string(WorkbenchVersion.swift)],
      "platform": ["os": .string(WorkbenchVersion.operatingSystem), "arch": .string(WorkbenchVersion.architecture)],
      "jobs": .int(jobs),
      "started_at": .string(formatter.string(from: startedAt)),
    ]
    if let finishedAt { o["finished_at"] = .string(formatter.string(from: finishedAt)) }
    o["pipelines"] = .array(
      plan.pipelines.map { variant in
        var p: [String: JSONValue] = ["name": .string(variant.name), "hash": .string(variant.hash), "steps": .array(variant.steps.map(\.json))]
        if let excluded = excludedRows[variant.hash] { p["excluded_rows"] = .object(excluded.counts.mapValues(JSONValue.int)) }
        return .object(p)
      })
    return .object(o)
  }
}
