import Foundation
import Testing
import WorkbenchKit

/// `run --shard`, `merge`, `gate`, `compare`, `runs` and a copied `verify`, as the README shows them, on a small data set.
@Suite("Scale-out and CI commands end to end")
struct ScaleOutCommandTests {
  /// 60 customers in three groups, and a spec over them with a gate.
  static func workspace(gate: String = #"{"quality": 0.3, "min_segments": 2, "max_segments": 6}"#, swapIds: Bool = false) throws -> Workspace {
    var rows = (0..<60).map { row -> (String, String) in
      let group = row % 3
      let x = Double(group) * 6 + Double((row * 7) % 5) * 0.3
      let y = Double(2 - group) * 4 + Double((row * 3) % 7) * 0.2
      return ("C\(100 + row)", "\(x),\(y)")
    }
    // Ids swapped in pairs (rows 0 and 1, 2 and 3, …) give every id a customer of another group.
    if swapIds { rows = rows.indices.map { (rows[$0 ^ 1].0, rows[$0].1) } }
    let spec = """
      {"name": "segments", "seed": 3, "data": {"path": "data/customers.csv", "id": "customer_id"},
       "pipelines": [{"name": "raw"}, {"name": "scaled", "steps": ["standard-scaler"]}],
       "algorithms": [{"use": "kmeans", "params": {"n_init": 2}, "grid": {"k": [2, 3, 4]}}], "metrics": ["silhouette", "inertia"],
       "gate": \(gate)}
      """
    let workspace = try Workspace(["spec.json": spec])
    try FileManager.default.createDirectory(atPath: workspace.path("data"), withIntermediateDirectories: true)
    try workspace.write("customer_id,x,y\n" + rows.map { "\($0.0),\($0.1)" }.joined(separator: "\n") + "\n", to: "data/customers.csv")
    return workspace
  }

  /// Every file under `folder` but the run-varying ones, by relative path.
  static func stableFiles(_ workspace: Workspace, _ folder: String) throws -> [String: Data] {
    var out: [String: Data] = [:]
    let base = workspace.path(folder)
    let walker = FileManager.default.enumerator(atPath: base)
    while let relative = walker?.nextObject() as? String {
      let name = (relative as NSString).lastPathComponent
      guard !["manifest.json", "timings.jsonl", "timing.json", ".lock"].contains(name), let data = FileManager.default.contents(atPath: base + "/" + relative),
        !relative.hasSuffix("/")
      else { continue }
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isFolder), isFolder.boolValue { continue }
      out[relative] = data
    }
    return out
  }

  @Test("run --shard 1/2 and 2/2, then merge: the unsharded run's bytes; runs lists all three; verify passes on the shard and the merge")
  func shardAndMerge() throws {
    let w = try Self.workspace()
    #expect(try w.run("run", "spec.json", "--quiet").status == 0)
    let whole = try w.runFolder("segments")
    for shard in ["1/2", "2/2"] {
      let output = try w.run("run", "spec.json", "--shard", shard, "--out", "shards", "--quiet")
      #expect(output.status == 0, "\(output.stderr)")
      #expect(output.stdout.hasPrefix("shard \(shard): 3 of 3 trials recorded"))
      #expect(output.stdout.contains("workbench merge shards shards/segments/"))
    }
    let key = URL(fileURLWithPath: whole).lastPathComponent
    let merge = try w.run("merge", "merged", "shards/segments/\(key).shard-1-of-2", "shards/segments/\(key).shard-2-of-2")
    #expect(merge.status == 0, "\(merge.stderr)")
    #expect(merge.stdout.hasPrefix("merged 2 shards: 6 trials (6 copied, 0 already there)"))
    #expect(try Self.stableFiles(w, "merged/segments/\(key)") == (try Self.stableFiles(w, whole)))

    let runs = try w.run("runs", ".")
    #expect(runs.status == 0)
    let lines = runs.stdout.split(separator: "\n")
    #expect(lines.count == 5)
    #expect(lines.filter { $0.contains("shard ") && $0.contains("(merge to rank)") }.count == 2)
    let listed = try JSONParser.parse(try w.run("runs", ".", "--json").stdout)
    #expect(listed.array?.count == 4)

    let shardVerify = try w.run("verify", "shards/segments/\(key).shard-2-of-2")
    #expect(shardVerify.status == 0, "\(shardVerify.stderr)")
    #expect(shardVerify.stdout.hasPrefix("reproduced shard 2/2: all "))
    #expect(try w.run("verify", "merged/segments/\(key)").status == 0)
  }

  @Test("merge refuses a missing shard and a shard given twice with exit 2, writing nothing")
  func mergeRefusals() throws {
    let w = try Self.workspace()
    for shard in ["1/3", "2/3", "3/3"] { #expect(try w.run("run", "spec.json", "--shard", shard, "--out", "shards", "--quiet").status == 0) }
    let stores = try FileManager.default.contentsOfDirectory(atPath: w.path("shards/segments")).sorted().map { "shards/segments/" + $0 }
    let missing = try w.run("merge", "out", stores[0], stores[2])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("shard 2/3 is missing"))
    let twice = try w.run("merge", "out", stores[0], stores[1], stores[1], stores[2])
    #expect(twice.status == 2)
    #expect(twice.stderr.contains("is in 2 shards"))
    #expect(!w.exists("out"))
    let badShard = try w.run("run", "spec.json", "--shard", "4/3")
    #expect(badShard.status == 2)
    #expect(badShard.stderr.contains("--shard: '4/3' does not name a shard"))
    let auto = try CommandRunner.run(
      ["run", "spec.json", "--shard", "auto", "--out", "auto", "--quiet"], in: w.url,
      environment: ["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "0"])
    #expect(auto.status == 0, "\(auto.stderr)")
    #expect(auto.stdout.hasPrefix("shard 3/3:"))
  }

  @Test("gate: passes the spec's gate (exit 0), fails a raised threshold (exit 5) with a JUnit failure naming it; summary appended; no gate is exit 2")
  func gate() throws {
    let w = try Self.workspace()
    #expect(try w.run("run", "spec.json", "--quiet").status == 0)
    let run = try w.runFolder("segments")
    #expect(w.exists(run + "/gate.json") && w.exists(run + "/gate.xml") && w.exists(run + "/gate.md"))
    try "# Summary\n".write(toFile: w.path("summary.md"), atomically: true, encoding: .utf8)
    let pass = try w.run("gate", run, "--junit", "pass.xml", "--summary", "summary.md", "--json", "pass.json")
    #expect(pass.status == 0, "\(pass.stderr)")
    #expect(pass.stdout.hasPrefix("## ✅ Quality gate passed — segments"))
    #expect(try w.read("pass.xml") == (try w.read(run + "/gate.xml")))
    try w.write(#"{"quality": 0.99}"#, to: "raised.json")
    let fail = try w.run("gate", run, "--gate", "raised.json", "--junit", "fail.xml", "--summary", "summary.md")
    #expect(fail.status == 5)
    #expect(try w.read("fail.xml").contains(#"<testcase classname="workbench.gate.segments" name="quality: silhouette of the chosen trial ≥ 0.99">"#))
    #expect(try w.read("fail.xml").contains("<failure type=\"quality\""))
    let summary = try w.read("summary.md")
    #expect(summary.hasPrefix("# Summary\n## ✅ Quality gate passed"))
    #expect(summary.contains("## ❌ Quality gate failed: 1 of 2 checks"))
    try w.write(#"{"qualty": 0.99}"#, to: "typo.json")
    let typo = try w.run("gate", run, "--gate", "typo.json")
    #expect(typo.status == 2)
    #expect(typo.stderr.contains("Did you mean 'quality'?"))
  }

  @Test("gate --baseline: the same data agrees (exit 0); data whose ids are shuffled fails agreement (exit 5); compare shows both")
  func baseline() throws {
    let w = try Self.workspace(gate: #"{"baseline": {"min_ari": 0.9, "max_share_shift": 0.05, "same_choice": true}}"#)
    #expect(try w.run("run", "spec.json", "--quiet").status == 0)
    let run = try w.runFolder("segments")
    let other = try Self.workspace(gate: "{}", swapIds: true)
    #expect(try other.run("run", "spec.json", "--quiet").status == 0)
    let shuffled = other.path(try other.runFolder("segments"))
    let same = try w.run("gate", run, "--baseline", run)
    #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
    let drift = try w.run("gate", run, "--baseline", shuffled, "--junit", "drift.xml")
    #expect(drift.status == 5)
    #expect(try w.read("drift.xml").contains("name=\"baseline.min_ari: agreement (ARI) with the baseline&apos;s chosen segmentation ≥ 0.9\">"))
    let compare = try w.run("compare", shuffled, run)
    #expect(compare.status == 0, "\(compare.stderr)")
    #expect(compare.stdout.hasPrefix("# Comparison: segments"))
    #expect(compare.stdout.contains("| data SHA-256 |"))
    let json = try JSONParser.parse(try w.run("compare", shuffled, run, "--json").stdout)
    #expect(json.object?["agreement"]?.object?["shared_rows"] == 60)
    #expect((json.object?["agreement"]?.object?["ari"]?.number ?? 1) < 0.5)
    #expect(json.object?["trials"]?.array?.count == 6)
  }

  @Test("verify of a copied project folder (exit 0); --data with other data is exit 3 naming the file")
  func copiedVerify() throws {
    let w = try Self.workspace()
    #expect(try w.run("run", "spec.json", "--quiet").status == 0)
    let run = try w.runFolder("segments")
    let copy = try Workspace()
    try FileManager.default.removeItem(at: copy.url)
    try FileManager.default.copyItem(at: w.url, to: copy.url)
    try FileManager.default.removeItem(atPath: w.path("data"))
    let verified = try copy.run("verify", run)
    #expect(verified.status == 0, "\(verified.stderr)")
    try copy.write("customer_id,x,y\nA,1,2\n", to: "other.csv")
    let wrong = try copy.run("verify", run, "--data", "other.csv")
    #expect(wrong.status == 3)
    #expect(wrong.stderr.hasPrefix("error: other.csv: this is not the data the run used"))
  }
}
