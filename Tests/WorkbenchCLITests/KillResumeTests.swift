import Foundation
import Testing
import WorkbenchKit

/// A run killed with SIGKILL at fixed points, then resumed, ends byte-identical to an uninterrupted run.
@Suite("Kill and resume")
struct KillResumeTests {
  /// A folder with simulated customers and a spec with k-means and gmm trials (memberships), stability and two pipelines.
  struct Fixture {
    let directory: URL

    init() throws {
      directory = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-kill-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      let simulated = try CommandRunner.run(["simulate", "--rows", "400", "--seed", "3", "--output", directory.appendingPathComponent("customers.csv").path])
      #expect(simulated.status == 0, "\(simulated.stderr)")
      let spec = """
        {"name": "killed", "seed": 9,
         "data": {"path": "customers.csv", "id": "customer_id", "features": ["age", "income", "recency_days", "frequency", "monetary"], "truth": "segment"},
         "pipelines": [{"name": "imputed", "steps": [{"use": "impute", "params": {"strategy": "median"}}]},
                       {"name": "scaled", "steps": [{"use": "impute", "params": {"strategy": "median"}}, "standard-scaler"]}],
         "algorithms": [{"use": "kmeans", "params": {"n_init": 2}, "grid": {"k": [2, 3, 4]}},
                        {"use": "gmm", "params": {"covariance_type": "diag"}, "grid": {"k": [2, 3]}}],
         "stability": {"method": "bootstrap", "resamples": 2}}
        """
      try spec.write(to: specPath, atomically: true, encoding: .utf8)
    }

    var specPath: URL { directory.appendingPathComponent("spec.json") }
    func out(_ name: String) -> String { directory.appendingPathComponent(name).path }
    func remove() { try? FileManager.default.removeItem(at: directory) }
  }

  /// Starts `workbench run`, reads its progress lines and kills it with SIGKILL once `lines` trial lines have appeared.
  static func runAndKill(_ fixture: Fixture, out: String, afterTrialLines lines: Int) throws {
    let process = Process()
    process.executableURL = CommandRunner.binary
    process.arguments = ["run", fixture.specPath.path, "--out", out, "--jobs", "2"]
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    var seen = 0
    var text = ""
    while seen < lines {
      let chunk = err.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      text += String(decoding: chunk, as: UTF8.self)
      seen = text.split(separator: "\n").filter { $0.hasPrefix("[") }.count
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  /// The run folder under `out` (one experiment, one run key).
  static func runFolder(_ out: String) throws -> String {
    let experiment = out + "/killed"
    let keys = try FileManager.default.contentsOfDirectory(atPath: experiment)
    #expect(keys.count == 1)
    return experiment + "/" + keys[0]
  }

  /// Every file of a run folder by relative path, except the run-varying ones.
  static func stableFiles(_ folder: String) throws -> [String: Data] {
    var out: [String: Data] = [:]
    let walker = FileManager.default.enumerator(atPath: folder)
    while let relative = walker?.nextObject() as? String {
      let name = (relative as NSString).lastPathComponent
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue, !["manifest.json", "timings.jsonl", "timing.json", ".lock"].contains(name) else { continue }
      out[relative] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + relative))
    }
    return out
  }

  @Test("killed after 0, 1, 4 and all trials (then during the run's last writes and finalize), a resumed run is byte-identical", arguments: [0, 1, 4, 10])
  func killAndResume(afterTrialLines lines: Int) throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    let reference = try CommandRunner.run(["run", fixture.specPath.path, "--out", fixture.out("reference"), "--quiet"])
    #expect(reference.status == 0, "\(reference.stderr)")
    let expected = try Self.stableFiles(try Self.runFolder(fixture.out("reference")))
    #expect(expected.keys.filter { $0.hasSuffix("/record.json") }.count == 10)
    #expect(expected.keys.contains { $0.hasSuffix("/memberships.csv") })

    try Self.runAndKill(fixture, out: fixture.out("killed"), afterTrialLines: lines)
    try Self.runAndKill(fixture, out: fixture.out("killed"), afterTrialLines: 2)
    let resumed = try CommandRunner.run(["run", fixture.specPath.path, "--out", fixture.out("killed"), "--quiet", "--jobs", "1"])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    let folder = try Self.runFolder(fixture.out("killed"))
    let actual = try Self.stableFiles(folder)
    #expect(actual.keys.sorted() == expected.keys.sorted())
    for (name, bytes) in expected where actual[name] != bytes { Issue.record("\(name) differs after kill and resume") }
    let leftovers = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String }.filter { $0.contains(AtomicFile.temporaryMarker) } ?? []
    #expect(leftovers.isEmpty)

    // Every saved model labels the fit's own rows exactly as the trial's labels file does.
    for name in actual.keys.sorted() where name.hasSuffix("/model.json") {
      let hash = (name as NSString).deletingLastPathComponent.split(separator: "/").last.map(String.init) ?? ""
      let assigned = try CommandRunner.run(["assign", folder, "--trial", hash, fixture.directory.appendingPathComponent("customers.csv").path])
      #expect(assigned.status == 0, "\(assigned.stderr)")
      let labels = String(decoding: actual["trials/\(hash)/labels.csv"] ?? Data(), as: UTF8.self)
      let assignedLabels = assigned.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(2).joined(separator: ",") }
      #expect(assignedLabels == labels.split(separator: "\n").map(String.init), "trial \(hash)")
    }
  }

  @Test("finalize on a finished run rewrites nothing; after deleting every derived file it restores them byte-identical")
  func finalizeIsPure() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    #expect(try CommandRunner.run(["run", fixture.specPath.path, "--out", fixture.out("r"), "--quiet"]).status == 0)
    let folder = try Self.runFolder(fixture.out("r"))
    let before = try Self.stableFiles(folder)
    let derived = ["trials.jsonl", "leaderboard.csv", "leaderboard.md", "k-selection.json"]
    let modified = try derived.map { try FileManager.default.attributesOfItem(atPath: folder + "/" + $0)[.modificationDate] as? Date }
    let again = try CommandRunner.run(["finalize", folder])
    #expect(again.status == 0)
    #expect(again.stdout.contains("nothing rewritten"))
    #expect(try derived.map { try FileManager.default.attributesOfItem(atPath: folder + "/" + $0)[.modificationDate] as? Date } == modified)
    for name in derived + ["timings.jsonl"] { try FileManager.default.removeItem(atPath: folder + "/" + name) }
    #expect(try CommandRunner.run(["finalize", folder]).status == 0)
    #expect(try Self.stableFiles(folder) == before)
  }
}
