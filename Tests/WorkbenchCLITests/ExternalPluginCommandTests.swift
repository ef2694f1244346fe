import Foundation
import Testing
import WorkbenchKit

/// External plugins through the built binary: a spec mixing built-in and process plugins runs, ranks, verifies and
/// assigns like a built-in-only one, misbehaving plugins fail only their trials, and `plugins check` judges plugins.
@Suite("external plugins end to end")
struct ExternalPluginCommandTests {
  /// The compiled example plugin, built next to `workbench` by `swift test`.
  static let kmedians = CommandRunner.binary.deletingLastPathComponent().appendingPathComponent("workbench-plugin-kmedians").path

  /// The example's committed manifest with its command pointing at the binary of this build.
  static var kmediansManifest: String {
    get throws {
      let committed = SchemaAndExportCommandTests.registry.appendingPathComponent("external/kmedians.json")
      return try String(contentsOf: committed, encoding: .utf8).replacingOccurrences(of: "../../.build/release/workbench-plugin-kmedians", with: kmedians)
    }
  }

  /// A `/bin/sh` algorithm plugin called `name` that answers with `script`.
  static func shellPlugin(_ name: String, _ script: String, in ws: Workspace) throws {
    try ws.write("#!/bin/sh\n" + script + "\n", to: "plugins/\(name).sh")
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: ws.path("plugins/\(name).sh"))
    try ws.write(
      """
      {"manifest_version": 2, "name": "\(name)", "kind": "algorithm", "summary": "A test plugin.",
       "parameters": [{"name": "k", "schema": {"type": "integer", "minimum": 1, "maximum": 10000}, "default": 2, "description": "Clusters."}],
       "capabilities": {"accepts_categorical": false, "can_predict": false, "order_invariant": false, "produces_noise": false,
                        "requires_categorical": false, "requires_cluster_count": true, "scales_quadratically": false, "uses_randomness": false},
       "command": ["./\(name).sh"], "protocol_version": 1, "timeout_seconds": 30}
      """, to: "plugins/\(name).json")
  }

  /// A workspace with the groups of the assign tests, the kmedians example, a plugin that writes outside its folder, and a spec using them.
  static func workspace() throws -> Workspace {
    let ws = try Workspace(["data.csv": AssignCommandTests.groups, "new.csv": AssignCommandTests.newRows])
    try FileManager.default.createDirectory(atPath: ws.path("plugins"), withIntermediateDirectories: true)
    try ws.write(try kmediansManifest, to: "plugins/kmedians.json")
    try shellPlugin("escaper", "echo owned > '\(ws.path("outside.txt"))' || exit 1\necho '{\"labels\": []}'", in: ws)
    try ws.write(
      #"""
      {"name": "mixed", "seed": 5, "plugins": ["plugins"], "data": {"path": "data.csv", "id": "id"},
       "pipelines": [{"name": "scaled", "steps": ["standard-scaler"]}],
       "algorithms": [{"use": "kmeans", "grid": {"k": [2, 3]}}, {"use": "kmedians", "grid": {"k": [2, 3]}}, {"use": "escaper"}],
       "metrics": ["silhouette", "davies-bouldin"], "stability": {"method": "subsample", "resamples": 2}}
      """#, to: "spec.json")
    return ws
  }

  /// Every file under `folder` by relative path, except the run-varying ones (manifest, timings).
  static func stableFiles(_ folder: String) throws -> [String: Data] {
    var out: [String: Data] = [:]
    let walker = FileManager.default.enumerator(atPath: folder)
    while let relative = walker?.nextObject() as? String {
      let name = (relative as NSString).lastPathComponent
      guard !name.hasPrefix("."), !["manifest.json", "timings.jsonl", "timing.json"].contains(name) else { continue }
      if let data = FileManager.default.contents(atPath: folder + "/" + relative) { out[relative] = data }
    }
    return out
  }

  @Test("a spec mixing kmeans, the compiled example and a misbehaving plugin: the same bytes for --jobs 1 and 2, ranked, verified, assigned")
  func mixedRun() throws {
    let ws = try Self.workspace()
    let one = try ws.run("run", "spec.json", "--quiet", "--jobs", "1", "--out", "one")
    let two = try ws.run("run", "spec.json", "--quiet", "--jobs", "2", "--out", "two")
    #expect(one.status == 1 && two.status == 1, "\(one.stderr)\n\(two.stderr)")
    #expect(one.stderr.contains("1 of 5 trials failed"), "\(one.stderr)")
    #expect(!ws.exists("outside.txt") || !ExternalPlugins.confinesWrites)
    let keys = try FileManager.default.contentsOfDirectory(atPath: ws.path("one/mixed"))
    #expect(keys == (try FileManager.default.contentsOfDirectory(atPath: ws.path("two/mixed"))))
    let first = try Self.stableFiles(ws.path("one/mixed/\(keys[0])"))
    let second = try Self.stableFiles(ws.path("two/mixed/\(keys[0])"))
    #expect(first.keys.sorted() == second.keys.sorted())
    #expect(first.keys.sorted().filter { first[$0] != second[$0] } == [])
    let records = try ws.read("one/mixed/\(keys[0])/trials.jsonl")
    #expect(records.contains("\"plugin_sha256\""))
    #expect(records.contains("plugin 'escaper' exited with status 1"), "\(records)")
    let board = try ws.read("one/mixed/\(keys[0])/leaderboard.md")
    #expect(board.contains("| kmedians | k=2 |") && board.contains("| kmeans | k=2 |"), "\(board)")

    let run = "one/mixed/\(keys[0])"
    let verified = try ws.run("verify", run, "--jobs", "2")
    #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")

    let hashes = try ws.configHashes(run)
    let fitted = try ws.csvRows(ws.labelsFile(run, hashes[2]))
    let assigned = try ws.run("assign", run, "--trial", hashes[2], "data.csv")
    #expect(assigned.status == 0, "\(assigned.stderr)")
    #expect(Workspace.csvRows(assigned.stdout) == fitted)

    try ws.write(try Self.kmediansManifest.replacingOccurrences(of: "\"timeout_seconds\": 600", with: "\"timeout_seconds\": 601"), to: "plugins/kmedians.json")
    let changed = try ws.run("verify", run)
    #expect(changed.status == 4, "\(changed.stdout)\(changed.stderr)")
  }

  @Test("plugins lists external plugins; schema and validate treat them like built-ins")
  func listingSchemaValidation() throws {
    let ws = try Self.workspace()
    let list = try ws.run("plugins", "--plugins", "plugins")
    #expect(list.stdout.contains("kmedians") && list.stdout.contains("[external]"), "\(list.stdout)")
    let schema = try ws.run("schema", "--plugins", "plugins")
    #expect(try JSONParser.parse(schema.stdout).object?["$defs"]?.object?["algorithm"]?.canonicalText.contains("\"const\":\"kmedians\"") == true)
    try ws.write(#"{"name": "bad", "plugins": ["plugins"], "data": {"path": "data.csv"}, "algorithms": [{"use": "kmedians", "params": {"k": 0}}]}"#, to: "bad.json")
    let invalid = try ws.run("validate", "bad.json", "--spec-only")
    #expect(invalid.status == 2)
    #expect(invalid.stderr.contains("bad.json: algorithms[0].params.k: the 'k' parameter of kmedians must be an integer in [1, 10000]; got 0."), "\(invalid.stderr)")
  }

  @Test("plugins check passes the compiled example")
  func checkPasses() throws {
    let ws = try Self.workspace()
    let output = try ws.run("plugins", "check", "kmedians", "--plugins", "plugins")
    #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
    #expect(output.stdout.hasSuffix("All 13 checks pass.\n"), "\(output.stdout)")
  }

  @Test("plugins check fails a plugin that puts every row in one cluster, on exactly the checks it breaks")
  func checkFailsBroken() throws {
    let ws = try Self.workspace()
    try Self.shellPlugin(
      "lazy",
      """
      n=$(grep -o '"rows":[0-9]*' | head -n 1 | cut -d: -f2)
      printf '{"labels": ['; i=1; while [ "$i" -lt "$n" ]; do printf '0, '; i=$((i + 1)); done; printf '0]}'
      """, in: ws)
    let output = try ws.run("plugins", "check", "lazy", "--plugins", "plugins")
    #expect(output.status == 1)
    let failed = output.stdout.split(separator: "\n").filter { $0.hasPrefix("  FAIL") }.map { $0.split(separator: " ").last.map(String.init) ?? "" }
    #expect(failed == ["recoversBlobs", "tooFewSamples", "duplicatePoints"], "\(output.stdout)")
    #expect(output.stdout.contains("  pass  determinism"))
  }
}
