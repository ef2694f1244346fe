import Foundation

/// Every run found under a results folder, one entry each: what `workbench runs` lists.
///
/// A run is a folder holding `manifest.json`, found at most three levels
/// below the root (`<root>/<experiment>/<run-key>/`; the root may itself be
/// an experiment's or a run's folder); run folders are not searched further.
/// Each entry reads the manifest and the finalizer's `metrics.json` — never
/// the trial store — so listing is fast and ranks nothing itself. A run not
/// finalized yet shows no chosen trial; a folder whose manifest cannot be
/// read is listed with the reason instead of stopping the listing.
/// Entries are ordered by experiment, then start time, then path.
public struct RunListing: Sendable {
  /// One run folder.
  public struct Entry: Sendable {
    /// The folder.
    public var path: String
    /// The manifest, when it could be read.
    public var manifest: RunManifest?
    /// Why the manifest could not be read.
    public var problem: String?
    /// The shard, for a shard store.
    public var shard: Shard?
    /// The chosen trial as `metrics.json` records it (nil before finalizing, or when no trial could be ranked).
    public var chosen: JSONValue?
    /// For a run whose manifest says "running": the trials recorded so far (the manifest counts them only at the
    /// end) and whether a process still holds the run's lock (false: the run was stopped or killed).
    public var progress: (recorded: Int, active: Bool)?

    /// "trial 9: scaled · kmeans k=5".
    public var chosenText: String? {
      guard let o = chosen?.object, let trial = o["trial"]?.integer else { return nil }
      let configuration = TrialPlan.configurationText(
        pipeline: o["pipeline"]?.string ?? "", algorithm: o["algorithm"]?.string ?? "", parameters: o["parameters"]?.string ?? "")
      return "trial \(trial): \(configuration)"
    }

    /// The chosen trial's score.
    public var score: Double? { chosen?.object?["score"]?.number }
  }

  /// The runs found.
  public var entries: [Entry]

  /// Lists the runs under `root`.
  public init(root: String) {
    var found: [String] = []
    Self.collect(URL(fileURLWithPath: root).standardizedFileURL.path, depth: 0, into: &found)
    entries = found.map(Self.entry).sorted { a, b in
      let x = (a.manifest?.experiment ?? "", a.manifest?.startedAt ?? .distantPast), y = (b.manifest?.experiment ?? "", b.manifest?.startedAt ?? .distantPast)
      return x.0 != y.0 ? x.0 < y.0 : x.1 != y.1 ? x.1 < y.1 : a.path < b.path
    }
  }

  private static func collect(_ path: String, depth: Int, into found: inout [String]) {
    let folder = RunFolder(existing: path)
    if folder.contents(RunManifest.fileName) != nil {
      found.append(path)
      return
    }
    guard depth < 3 else { return }
    for name in folder.entries(".") where !name.hasPrefix(".") {
      var isFolder: ObjCBool = false
      let child = folder.file(name)
      if !AtomicFile.isSymbolicLink(child), FileManager.default.fileExists(atPath: child, isDirectory: &isFolder), isFolder.boolValue {
        collect(child, depth: depth + 1, into: &found)
      }
    }
  }

  private static func entry(_ path: String) -> Entry {
    let folder = RunFolder(existing: path)
    var entry = Entry(path: path)
    do {
      entry.manifest = try RunManifest.read(folder)
      entry.shard = try ShardManifest.read(folder)?.shard
    } catch {
      entry.problem = (error as? any WorkbenchError)?.description ?? String(describing: error)
    }
    entry.chosen = folder.contents(RunMetrics.fileName).flatMap { try? JSONParser.parse([UInt8]($0)) }?.object?["chosen"].flatMap { $0 == .null ? nil : $0 }
    if entry.manifest?.status == .running {
      let recorded = folder.entries("trials").filter { folder.contents(TrialStore.recordFile($0)) != nil }.count
      entry.progress = (recorded, RunLock.isHeld(folder))
    }
    return entry
  }

  /// One line per run under a header: experiment, run key, data, start, trials, chosen trial and score.
  public var table: String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
    var rows = [["experiment", "run", "data", "started", "trials", "chosen", "score"]]
    for entry in entries {
      guard let m = entry.manifest else {
        let folder = URL(fileURLWithPath: entry.path).lastPathComponent
        rows.append(["(unreadable)", folder, "", "", "", entry.problem?.split(separator: "\n").first.map(String.init) ?? "", ""])
        continue
      }
      var trials = "\(m.succeeded) ok" + (m.failed > 0 ? ", \(m.failed) failed" : "") + (m.succeeded + m.failed < m.planned ? " of \(m.planned)" : "")
      var state = m.status == .running ? "(running)" : "(none ranked)"
      if let progress = entry.progress {
        trials = "\(progress.recorded) of \(m.planned) recorded"
        state = progress.active ? "(running)" : "(stopped: run again to resume, or finalize)"
      }
      rows.append([
        m.experiment, m.runKey, String(m.dataSHA256.prefix(12)), formatter.string(from: m.startedAt).prefix(16).description, trials,
        entry.shard.map { "shard \($0) (merge to rank)" } ?? (entry.progress == nil ? entry.chosenText : nil) ?? state,
        entry.progress == nil ? entry.score.map(Leaderboard.rounded) ?? "" : "",
      ])
    }
    let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { row in
      zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }.joined(separator: "\n") + "\n"
  }

  /// The listing as a JSON array.
  public var json: JSONValue {
    let formatter = ISO8601DateFormatter()
    return .array(
      entries.map { entry in
        var o: [String: JSONValue] = ["path": .string(entry.path)]
        if let m = entry.manifest {
          o["experiment"] = .string(m.experiment)
          o["run_key"] = .string(m.runKey)
          o["data_sha256"] = .string(m.dataSHA256)
          o["started_at"] = .string(formatter.string(from: m.startedAt))
          o["status"] = .string(m.status.rawValue)
          o["trials"] = ["planned": .int(m.planned), "ok": .int(m.succeeded), "failed": .int(m.failed)]
        }
        if let progress = entry.progress { o["progress"] = ["recorded": .int(progress.recorded), "active": .bool(progress.active)] }
        if let problem = entry.problem { o["problem"] = .string(problem) }
        if let shard = entry.shard { o["shard"] = .string(shard.description) }
        o["chosen"] = entry.chosen ?? .null
        return .object(o)
      })
  }
}
