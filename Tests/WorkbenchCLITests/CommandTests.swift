import Foundation
import Testing
import WorkbenchKit

@Suite("workbench command line")
struct CommandTests {
  /// A temporary folder with a small CSV and a spec.
  func workspace(spec: String, csv: String = "id,a,b\n1,0,0\n2,0,1\n3,5,5\n4,5,6\n5,9,0\n6,9,1\n") throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try csv.write(to: directory.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
    try spec.write(to: directory.appendingPathComponent("spec.json"), atomically: true, encoding: .utf8)
    return directory
  }

  let goodSpec = #"{"name": "tiny", "data": {"path": "data.csv", "id": "id"}, "algorithms": [{"use": "kmeans", "grid": {"k": [2, 3]}}]}"#

  @Test("run writes results and prints the leaderboard")
  func run() throws {
    let dir = try workspace(spec: goodSpec)
    defer { try? FileManager.default.removeItem(at: dir) }
    let output = try CommandRunner.run(["run", "spec.json", "--quiet"], in: dir)
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout.contains("| 1 ★ | 0.8556 | raw | kmeans | k=3 | 3 | 0.8 | 0.8226 | 0.8486 |"))
    #expect(output.stderr.isEmpty)
    let runs = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("results/tiny").path)
    #expect(runs.count == 1)
  }

  @Test("plain progress lines when not on a terminal")
  func progressLines() throws {
    let dir = try workspace(spec: goodSpec)
    defer { try? FileManager.default.removeItem(at: dir) }
    let output = try CommandRunner.run(["run", "spec.json", "--jobs", "1"], in: dir)
    #expect(output.stderr.contains("running 2 trials"))
    #expect(output.stderr.contains("[2/2] trial 1 raw · kmeans k=3 ok"))
  }

  @Test("a bad spec exits 2 with the path and a fix, and writes nothing")
  func badSpec() throws {
    let dir = try workspace(spec: #"{"name": "bad", "data": {"path": "data.csv"}, "algorithms": [{"use": "kmeans", "params": {"k": 0}}]}"#)
    defer { try? FileManager.default.removeItem(at: dir) }
    let output = try CommandRunner.run(["run", "spec.json"], in: dir)
    #expect(output.status == 2)
    #expect(output.stderr.contains("spec.json: algorithms[0].params.k: the 'k' parameter of kmeans must be an integer in [1, 10000]; got 0."))
    #expect(output.stderr.contains("Fix: use a whole number from 1 to 10000."))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("results").path))
  }

  @Test("one stray text cell in a small numeric column (a typo, inf) is reported, not silently dropped from the features")
  func strayTextSmallFile() throws {
    for stray in ["n/a?", "inf"] {
      let dir = try workspace(spec: goodSpec, csv: "id,a,b\n1,1.0,2.0\n2,1.1,2.1\n3,\(stray),1.9\n4,5.0,6.0\n5,5.1,6.1\n6,4.9,5.9\n")
      defer { try? FileManager.default.removeItem(at: dir) }
      let output = try CommandRunner.run(["validate", "spec.json"], in: dir)
      #expect(output.status == 3, "\(output.stdout)")
      #expect(output.stderr.contains("line 4, column 2 (a): '\(stray)' is not a number, though 83 % of column 'a' is"), "\(output.stderr)")
    }
    // A text column with a few numbers is text, not a numeric column with strays.
    let dir = try workspace(spec: goodSpec, csv: "id,a,b\n1,north,2.0\n2,south,2.1\n3,7,1.9\n4,east,6.0\n5,west,6.1\n6,north,5.9\n")
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(try CommandRunner.run(["validate", "spec.json"], in: dir).status == 0)
  }

  @Test("a non-numeric feature cell exits 3 naming line and column")
  func badData() throws {
    let rows = (1...12).map { "\($0),\($0 == 3 ? "x7" : String($0 % 3)),\($0 % 4)" }.joined(separator: "\n")
    let dir = try workspace(spec: goodSpec, csv: "id,a,b\n" + rows + "\n")
    defer { try? FileManager.default.removeItem(at: dir) }
    let output = try CommandRunner.run(["run", "spec.json"], in: dir)
    #expect(output.status == 3)
    #expect(output.stderr.contains("line 4, column 2 (a): 'x7' is not a number, though 91 % of column 'a' is"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("results").path))
  }

  @Test("missing data file and empty file are data errors")
  func missingAndEmpty() throws {
    let dir = try workspace(spec: goodSpec, csv: "")
    defer { try? FileManager.default.removeItem(at: dir) }
    let empty = try CommandRunner.run(["validate", "spec.json"], in: dir)
    #expect(empty.status == 3)
    #expect(empty.stderr.contains("the file is empty"))
    try FileManager.default.removeItem(at: dir.appendingPathComponent("data.csv"))
    let missing = try CommandRunner.run(["validate", "spec.json"], in: dir)
    #expect(missing.status == 3)
    #expect(missing.stderr.contains("data.csv"))
  }

  @Test("usage errors exit 2")
  func usage() throws {
    #expect(try CommandRunner.run(["run"]).status == 2)
    let jobs = try CommandRunner.run(["run", "x.json", "--jobs", "0"])
    #expect(jobs.status == 2)
    #expect(jobs.stderr.contains("--jobs must be at least 1; got 0."))
    #expect(try CommandRunner.run(["frobnicate"]).status == 2)
  }

  @Test("plugins lists, shows and rejects unknown names")
  func plugins() throws {
    let list = try CommandRunner.run(["plugins"])
    #expect(list.status == 0)
    #expect(list.stdout.contains("kmeans"))
    let show = try CommandRunner.run(["plugins", "kmeans"])
    #expect(show.stdout.contains("n_init"))
    let unknown = try CommandRunner.run(["plugins", "kmeens"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("Did you mean 'kmeans'"))
  }

  @Test("k just below the row count prints an abbreviated sizes line (issue 12: it was 10,000 characters)")
  func longSizesLine() throws {
    let rows = (1...40).map { "\($0),\($0 * 3),\($0 % 5)" }.joined(separator: "\n")
    let dir = try workspace(spec: goodSpec, csv: "id,a,b\n" + rows + "\n")
    defer { try? FileManager.default.removeItem(at: dir) }
    let output = try CommandRunner.run(["cluster", "data.csv", "--id", "id", "--set", "k=38"], in: dir)
    #expect(output.status == 0, "\(output.stderr)")
    let sizes = try #require(output.stdout.split(separator: "\n").first)
    #expect(sizes.hasPrefix("kmeans: 38 clusters, sizes 2, 2, 1, 1, 1,"))
    #expect(sizes.hasSuffix(", … (26 more)"))
  }

  @Test("values near ±1.8e308 no longer crash run or evaluate: the raw trial fails with the fix, the scaled one is ranked, no null lacks a reason")
  func valuesNearTheLargestDouble() throws {
    let rows = (1...30).map { i in "\(i),\((i <= 15 ? -1.6 : 1.6) + Double(i % 4) * 0.01)e308,\(Double(i % 5) * 1e307)" }.joined(separator: "\n")
    let spec = #"{"name": "huge", "data": {"path": "data.csv", "id": "id"}, "pipelines": [{"name": "raw"}, {"name": "scaled", "steps": ["standard-scaler"]}], "algorithms": [{"use": "kmeans", "params": {"k": 2}}]}"#
    let dir = try workspace(spec: spec, csv: "id,a,b\n" + rows + "\n")
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try CommandRunner.run(["run", "spec.json", "--quiet", "--out", "out"], in: dir)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stdout.contains("| 1 ") && run.stdout.contains("| scaled | kmeans | k=2 | 2 |"), "\(run.stdout)")
    let runDirectory = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out/huge").path).first)
    let records = try String(contentsOf: dir.appendingPathComponent("out/huge/\(runDirectory)/trials.jsonl"), encoding: .utf8)
    #expect(records.contains("holds values up to 1.63") && records.contains("in magnitude, beyond ±1e+100"))
    #expect(records.contains("add a \\\"standard-scaler\\\" step to the pipeline"))
    for line in records.split(separator: "\n") {
      let record = try #require(JSONParser.parse(String(line)).object)
      for (name, value) in record["metrics"]?.object ?? [:] where value == .null {
        #expect(record["undefined_metrics"]?.object?[name] != nil, "metric \(name) is null without a reason")
      }
    }
    try "id,label\n" .appending((1...30).map { "\($0),\($0 <= 15 ? 0 : 1)" }.joined(separator: "\n")).write(
      to: dir.appendingPathComponent("labels.csv"), atomically: true, encoding: .utf8)
    let evaluate = try CommandRunner.run(["evaluate", "data.csv", "--labels", "labels.csv", "--id", "id"], in: dir)
    #expect(evaluate.status == 0, "\(evaluate.stderr)")
    #expect(evaluate.stdout.contains("silhouette             undefined: the column 'a' holds values up to 1.63"))
    let scaled = try CommandRunner.run(["evaluate", "data.csv", "--labels", "labels.csv", "--id", "id", "--scale", "standard"], in: dir)
    #expect(scaled.status == 0, "\(scaled.stderr)")
    #expect(!scaled.stdout.contains("undefined"), "\(scaled.stdout)")
  }

  @Test("cluster runs one algorithm and reports JSON")
  func cluster() throws {
    let dir = try workspace(spec: goodSpec)
    defer { try? FileManager.default.removeItem(at: dir) }
    let output = try CommandRunner.run(["cluster", "data.csv", "--id", "id", "--set", "k=3", "--set", "n_init=4", "--json", "--labels-out", "labels.csv"], in: dir)
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout.contains("\"clusters\": 3"))
    let labels = try String(contentsOf: dir.appendingPathComponent("labels.csv"), encoding: .utf8)
    #expect(labels.hasPrefix("id,label\n1,"))
    let bad = try CommandRunner.run(["cluster", "data.csv", "--set", "k=-1"], in: dir)
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("--set k: the 'k' parameter of kmeans must be an integer in [1, 10000]; got -1."))
  }
}

@Suite("workbench verify")
struct VerifyCommandTests {
  @Test("a run reproduces byte for byte from another folder; a tampered file is reported with exit 4")
  func verify() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-verify-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try "id,a,b\n1,0,0\n2,0,1\n3,5,5\n4,5,6\n5,9,0\n6,9,1\n".write(to: directory.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
    try #"{"name": "v", "data": {"path": "data.csv", "id": "id"}, "algorithms": [{"use": "kmeans", "grid": {"k": [2, 3]}}]}"#
      .write(to: directory.appendingPathComponent("spec.json"), atomically: true, encoding: .utf8)
    #expect(try CommandRunner.run(["run", "spec.json", "--quiet", "--jobs", "2"], in: directory).status == 0)
    let runs = directory.appendingPathComponent("results/v")
    let run = runs.appendingPathComponent(try FileManager.default.contentsOfDirectory(atPath: runs.path)[0]).path
    let ok = try CommandRunner.run(["verify", run, "--jobs", "1"], in: FileManager.default.temporaryDirectory)
    #expect(ok.status == 0, "\(ok.stderr)")
    #expect(ok.stdout.contains("reproduced: all"))
    let trials = run + "/trials.jsonl"
    try (String(contentsOfFile: trials, encoding: .utf8) + "\n").write(toFile: trials, atomically: true, encoding: .utf8)
    let bad = try CommandRunner.run(["verify", run])
    #expect(bad.status == 4)
    #expect(bad.stderr.contains("trials.jsonl"))
  }
}
