import Foundation
import Testing
import WorkbenchKit

/// The trial store as a user meets it through the built binary: resuming after damage, keeping failed trials,
/// finishing a manifest a kill left at "running", unwritable folders, links planted in a run folder, changed files.
@Suite("results store")
struct ResultStoreTests {
  /// Six rows in two groups; row 3 has no value for b, so the raw pipeline fails (missing values) on every run.
  static let gappy = "id,a,b\n1,0,0\n2,0,1\n3,5,\n4,5,6\n5,9,0\n6,9,1\n"
  /// Two successful trials (k = 2, 3) on the imputed data.
  static let twoTrials =
    #"{"name": "store", "data": {"path": "data.csv", "id": "id"}, "pipelines": [{"name": "imputed", "steps": ["impute"]}], "algorithms": [{"use": "kmeans", "grid": {"k": [2, 3]}}]}"#
  /// A deterministic failure (raw pipeline, missing cell) beside a successful trial.
  static let oneFails =
    #"{"name": "store", "data": {"path": "data.csv", "id": "id"}, "pipelines": [{"name": "raw"}, {"name": "imputed", "steps": ["impute"]}], "algorithms": [{"use": "kmeans", "params": {"k": 2}}]}"#

  /// A workspace with `spec` run once (`--jobs 1`); the run folder and the config hashes in grid order.
  static func finished(_ spec: String, status: Int32 = 0) throws -> (Workspace, run: String, hashes: [String]) {
    let ws = try Workspace(["data.csv": gappy, "spec.json": spec])
    let output = try ws.run("run", "spec.json", "--quiet", "--jobs", "1")
    guard output.status == status else { throw WorkspaceError("run exited \(output.status): \(output.stderr)") }
    let run = try ws.runFolder("store")
    return (ws, run, try ws.configHashes(run))
  }

  /// Every byte-stable file of a run folder by relative path (not the manifest, timings or hidden files).
  static func stableFiles(_ ws: Workspace, _ run: String) throws -> [String: Data] {
    let root = ws.path(run)
    var files: [String: Data] = [:]
    for relative in FileManager.default.subpaths(atPath: root) ?? [] {
      let name = (relative as NSString).lastPathComponent
      var isFolder: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isFolder)
      guard !isFolder.boolValue, !name.hasPrefix("."), ![RunManifest.fileName, "timings.jsonl", "timing.json"].contains(name) else { continue }
      files[relative] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative))
    }
    return files
  }

  /// The inode of a file: a rename over it (every write is one) changes it; leaving the file alone does not.
  static func inode(_ path: String) throws -> Int {
    try #require(FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int)
  }

  /// Temporary files (`.…partial-…`) anywhere under `path`.
  static func leftovers(_ path: String) -> [String] {
    (FileManager.default.subpaths(atPath: path) ?? []).filter { $0.contains(AtomicFile.temporaryMarker) }
  }

  // MARK: - Resume

  @Test("resume redoes the last trial when its record file is truncated (and trials.jsonl's last line with it): it is refitted, not trusted, and the run ends identical")
  func truncatedRecord() throws {
    let (ws, run, hashes) = try Self.finished(Self.twoTrials)
    let before = try Self.stableFiles(ws, run)
    for file in ["/trials/\(hashes[1])/record.json", "/trials.jsonl"] {
      let url = URL(fileURLWithPath: ws.path(run + file))
      let bytes = try Data(contentsOf: url)
      try bytes.prefix(bytes.count - 40).write(to: url)
    }

    let resumed = try ws.run("run", "spec.json", "--jobs", "1")
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(resumed.stderr.contains("running 2 trials (1 already recorded, resuming)"), "\(resumed.stderr)")
    #expect(resumed.stderr.contains("[2/2] trial 1 imputed · kmeans k=3 ok"), "\(resumed.stderr)")
    #expect(try Self.stableFiles(ws, run) == before)
  }

  @Test("a record whose labels file is missing, or corrupt, is redone: the trial is refitted and its files restored", arguments: ["missing", "corrupt"])
  func damagedLabels(_ damage: String) throws {
    let (ws, run, hashes) = try Self.finished(Self.twoTrials)
    let before = try Self.stableFiles(ws, run)
    let labels = ws.path(ws.labelsFile(run, hashes[0]))
    if damage == "missing" {
      try FileManager.default.removeItem(atPath: labels)
    } else {
      try ws.write(try ws.read(ws.labelsFile(run, hashes[0])) + "7,0\n", to: ws.labelsFile(run, hashes[0]))
    }

    let resumed = try ws.run("run", "spec.json", "--jobs", "1")
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(resumed.stderr.contains("running 2 trials (1 already recorded, resuming)"), "\(resumed.stderr)")
    #expect(resumed.stderr.contains("[2/2] trial 0 imputed · kmeans k=2 ok"), "\(resumed.stderr)")
    #expect(try Self.stableFiles(ws, run) == before)
  }

  @Test("failed trials are kept on resume, not retried: failures are deterministic (same spec, data and seed), so the record stays and the exit is 1 again")
  func failedTrialsKept() throws {
    let (ws, run, hashes) = try Self.finished(Self.oneFails, status: 1)
    let failed = ws.path(run + "/trials/\(hashes[0])/record.json")
    #expect(try ws.read(run + "/trials/\(hashes[0])/record.json").contains(#""status":"failed""#))
    let inode = try Self.inode(failed)
    let before = try Self.stableFiles(ws, run)

    let resumed = try ws.run("run", "spec.json", "--jobs", "1")
    #expect(resumed.status == 1, "\(resumed.stderr)")
    #expect(resumed.stderr.contains("running 2 trials (2 already recorded, resuming)"), "\(resumed.stderr)")
    #expect(!resumed.stderr.contains("[1/2]") && !resumed.stderr.contains("[2/2]"), "no trial is fitted again\n\(resumed.stderr)")
    #expect(resumed.stderr.contains("1 of 2 trials failed"), "\(resumed.stderr)")
    #expect(try Self.inode(failed) == inode, "the failed trial's record was rewritten")
    #expect(try Self.stableFiles(ws, run) == before)
  }

  @Test("a manifest a kill left at \"running\" (every trial recorded) is completed by the resume, without refitting")
  func manifestLeftRunning() throws {
    let (ws, run, _) = try Self.finished(Self.twoTrials)
    let before = try Self.stableFiles(ws, run)
    let manifest = try ws.read(run + "/manifest.json")
    #expect(manifest.contains(#""status": "finished""#))
    try ws.write(manifest.replacingOccurrences(of: #""status": "finished""#, with: #""status": "running""#), to: run + "/manifest.json")
    #expect(try RunManifest.read(RunFolder(existing: ws.path(run))).status == .running)

    let resumed = try ws.run("run", "spec.json", "--jobs", "1")
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(resumed.stderr.contains("(2 already recorded, resuming)") && !resumed.stderr.contains("[2/2]"), "\(resumed.stderr)")
    #expect(try RunManifest.read(RunFolder(existing: ws.path(run))).status == .finished)
    #expect(try Self.stableFiles(ws, run) == before)
  }

  // MARK: - Unwritable folders

  @Test("an unwritable results folder: exit 1, the message names the folder it could not create, nothing is left in it")
  func unwritableResultsFolder() throws {
    let ws = try Workspace(["data.csv": Self.gappy, "spec.json": Self.twoTrials])
    try FileManager.default.createDirectory(atPath: ws.path("results"), withIntermediateDirectories: false, attributes: [.posixPermissions: 0o555])
    let output = try CommandRunner.run(["run", "spec.json", "--out", "results", "--quiet"], in: ws.url, unprivileged: true)
    #expect(output.status == 1, "\(output.stderr)")
    #expect(output.stderr.contains("error: \(ws.path("results/store")): cannot create the folder (Permission denied)."), "\(output.stderr)")
    #expect(output.stderr.contains("Fix: check that the results folder is writable"), "\(output.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: ws.path("results")).isEmpty)
  }

  @Test("resuming into a run whose trials folder is read-only: exit 1 naming the trial's folder, no temporary or partial file, earlier trials untouched")
  func unwritableTrialsFolder() throws {
    let (ws, run, hashes) = try Self.finished(Self.twoTrials)
    try FileManager.default.removeItem(atPath: ws.path(run + "/trials/\(hashes[0])"))
    let kept = try Self.stableFiles(ws, run)
    for relative in [""] + (FileManager.default.subpaths(atPath: ws.path(run)) ?? []) {
      let path = ws.path(run + "/" + relative)
      var isFolder: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
      try FileManager.default.setAttributes([.posixPermissions: isFolder.boolValue ? 0o777 : 0o666], ofItemAtPath: path)
    }
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: ws.path(run + "/trials"))
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: ws.path(run + "/trials")) }

    let output = try CommandRunner.run(["run", "spec.json", "--quiet", "--jobs", "1"], in: ws.url, unprivileged: true)
    #expect(output.status == 1, "\(output.stderr)")
    #expect(output.stderr.contains("error: \(ws.path(run))/trials/\(hashes[0]): cannot create the folder (Permission denied)."), "\(output.stderr)")
    #expect(Self.leftovers(ws.path(run)).isEmpty)
    #expect(!ws.exists(run + "/trials/\(hashes[0])"))
    #expect(try Self.stableFiles(ws, run) == kept)
  }

  // MARK: - Links and changed files

  @Test("a trials folder that is a link to elsewhere is refused before anything is read or removed through it")
  func linkedTrialsFolder() throws {
    let (ws, run, _) = try Self.finished(Self.twoTrials)
    try FileManager.default.moveItem(atPath: ws.path(run + "/trials"), toPath: ws.path("elsewhere"))
    try ws.write("keep me\n", to: "elsewhere/precious.txt")
    let target = try Self.stableFiles(ws, "elsewhere")
    try FileManager.default.createSymbolicLink(atPath: ws.path(run + "/trials"), withDestinationPath: ws.path("elsewhere"))

    for arguments in [["run", "spec.json", "--quiet"], ["finalize", run], ["assign", run, "--trial", "0", "data.csv"]] {
      let output = try CommandRunner.run(arguments, in: ws.url)
      #expect(output.status == 1, "\(arguments[0]): \(output.stderr)")
      #expect(output.stderr.contains("\(ws.path(run))/trials: this is a symbolic link; results are only read and written inside the results folder"), "\(arguments[0]): \(output.stderr)")
      #expect(try Self.stableFiles(ws, "elsewhere") == target, "\(arguments[0]) changed the link's target")
    }
  }

  @Test("a link planted at a derived file's name is replaced by the file, never written through")
  func plantedLink() throws {
    let (ws, run, _) = try Self.finished(Self.twoTrials)
    let leaderboard = try ws.read(run + "/leaderboard.md")
    try ws.write("someone else's file\n", to: "target.txt")
    try FileManager.default.removeItem(atPath: ws.path(run + "/leaderboard.md"))
    try FileManager.default.createSymbolicLink(atPath: ws.path(run + "/leaderboard.md"), withDestinationPath: ws.path("target.txt"))

    let output = try ws.run("finalize", run)
    #expect(output.status == 0, "\(output.stderr)")
    #expect(try ws.read("target.txt") == "someone else's file\n")
    #expect(!AtomicFile.isSymbolicLink(ws.path(run + "/leaderboard.md")))
    #expect(try ws.read(run + "/leaderboard.md") == leaderboard)
  }

  @Test("assign refuses a changed model or pipeline file, naming it; verify names it among the differing files (exit 4)", arguments: ["model", "pipeline"])
  func changedSavedFile(_ kind: String) throws {
    let (ws, run, hashes) = try Self.finished(Self.twoTrials)
    let relative = kind == "model" ? "trials/\(hashes[0])/model.json" : "pipelines/" + (try FileManager.default.contentsOfDirectory(atPath: ws.path(run + "/pipelines"))[0])
    let text = try ws.read(run + "/" + relative)
    try ws.write(text.replacingOccurrences(of: "}", with: " }"), to: run + "/" + relative)

    let assigned = try ws.run("assign", run, "--trial", hashes[0], "data.csv")
    #expect(assigned.status == 1, "\(assigned.stderr)")
    #expect(assigned.stderr.contains("error: \(ws.path(run))/\(relative): the file has changed since the run wrote it"), "\(assigned.stderr)")
    #expect(assigned.stdout.isEmpty)
    let verified = try ws.run("verify", run)
    #expect(verified.status == 4, "\(verified.stderr)")
    #expect(verified.stderr.contains("files differ:\n  \(relative)"), "\(verified.stderr)")
  }

  @Test("a run another process holds: run and run --fresh exit 1 naming the holder, and nothing is removed")
  func heldLock() throws {
    let (ws, run, _) = try Self.finished(Self.twoTrials)
    let before = try Self.stableFiles(ws, run)
    let descriptor = open(ws.path(run + "/" + RunLock.fileName), O_RDWR)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    try #require(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
    for arguments in [["run", "spec.json", "--quiet"], ["run", "spec.json", "--quiet", "--fresh"], ["finalize", run]] {
      let output = try CommandRunner.run(arguments, in: ws.url)
      #expect(output.status == 1, "\(arguments): \(output.stderr)")
      #expect(output.stderr.contains("\(ws.path(run)): another workbench process is writing this run (pid "), "\(arguments): \(output.stderr)")
      #expect(try Self.stableFiles(ws, run) == before)
    }
  }
}
