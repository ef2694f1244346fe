import Foundation
import Testing

/// The documented exit codes, each asserted through the built binary: 0 ok, 1 some trials failed (or results
/// could not be written), 2 bad usage or spec, 3 bad data, 4 a re-run differs (`verify`).
@Suite("workbench exit codes")
struct ExitCodeTests {
  /// Six rows in two groups; row 3 has no value for b.
  static let gappy = "id,a,b\n1,0,0\n2,0,1\n3,5,\n4,5,6\n5,9,0\n6,9,1\n"
  static let twoPipelines =
    #"{"name": "partial", "data": {"path": "data.csv", "id": "id"}, "pipelines": [{"name": "raw"}, {"name": "imputed", "steps": ["impute"]}], "algorithms": [{"use": "kmeans", "params": {"k": 2}}]}"#

  @Test("1 when some trials fail: the failure is recorded with its reason and the other trial is ranked")
  func someTrialsFail() throws {
    let ws = try Workspace(["data.csv": Self.gappy, "spec.json": Self.twoPipelines])
    let output = try ws.run("run", "spec.json", "--quiet", "--jobs", "1")
    #expect(output.status == 1, "\(output.stderr)")
    #expect(output.stderr.contains("1 of 2 trials failed; see leaderboard.md for the reasons."))
    #expect(output.stdout.contains("| 1 ★ | 0.5979 | imputed | kmeans | k=2 | 2 | 0.5 |"))
    let run = try ws.runFolder("partial")
    let records = try ws.read(run + "/trials.jsonl").split(separator: "\n")
    #expect(records.count == 2)
    #expect(records[0].contains(#""status":"failed""#) && records[0].contains(#""pipeline":"raw""#) && records[0].contains("missing"))
    #expect(records[1].contains(#""status":"ok""#) && records[1].contains(#""pipeline":"imputed""#))
    let hashes = try ws.configHashes(run)
    #expect(hashes.count == 2 && ws.exists(ws.labelsFile(run, hashes[1])) && !ws.exists(ws.labelsFile(run, hashes[0])))
  }

  @Test("validate reports features with gaps and no impute step: a warning when other pipelines work, exit 3 when none does")
  func validateMissingValues() throws {
    let ws = try Workspace([
      "data.csv": Self.gappy, "spec.json": Self.twoPipelines,
      "raw.json": #"{"name": "raw", "data": {"path": "data.csv", "id": "id"}, "algorithms": [{"use": "kmeans", "params": {"k": 2}}]}"#,
    ])
    let partial = try ws.run("validate", "spec.json")
    #expect(partial.status == 0, "\(partial.stderr)")
    #expect(partial.stdout.contains("(1 of them will fail: see the warnings)"))
    #expect(partial.stderr.contains("warning: spec.json: every trial on pipeline 'raw' will fail: after pipeline 'raw': the column 'b' has 1 missing value (first at line 4); add an \"impute\" step"))
    let none = try ws.run("validate", "raw.json")
    #expect(none.status == 3)
    #expect(none.stderr.contains("raw.json: every trial would fail: after pipeline 'raw': the column 'b' has 1 missing value"))
    #expect(none.stderr.contains("Fix: add the step the message names to each pipeline (usually \"impute\")"))
  }

  @Test("0 when every trial succeeds")
  func allSucceed() throws {
    let ws = try Workspace(["data.csv": Self.gappy.replacingOccurrences(of: "3,5,\n", with: "3,5,5\n"), "spec.json": Self.twoPipelines])
    let output = try ws.run("run", "spec.json", "--quiet")
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stderr.isEmpty)
  }

  @Test("2 for an unknown command, with or without --help: an error listing the commands, not the root help", arguments: [["gaet"], ["gaet", "--help"], ["gaet", "run"]])
  func unknownCommand(_ arguments: [String]) throws {
    let output = try CommandRunner.run(arguments)
    #expect(output.status == 2)
    #expect(output.stdout.isEmpty, "no help on standard output")
    #expect(output.stderr.hasPrefix("error: 'gaet' is not a workbench command. Did you mean 'gate'?\n"))
    let fix = output.stderr.components(separatedBy: "Fix: use one of: ").last ?? ""
    let listed = Set(fix.components(separatedBy: " (see")[0].components(separatedBy: ", "))
    #expect(listed.isSuperset(of: ["run", "validate", "cluster", "evaluate", "assign", "verify", "plugins", "schema", "simulate", "bench", "help", "gate", "merge", "runs", "compare", "finalize"]))
  }

  @Test("2 for a misspelt command, naming the nearest one; the real command's help still works")
  func misspeltCommand() throws {
    let output = try CommandRunner.run(["verfy", "results/x"])
    #expect(output.status == 2)
    #expect(output.stderr.hasPrefix("error: 'verfy' is not a workbench command. Did you mean 'verify'?"))
    let help = try CommandRunner.run(["verify", "--help"])
    #expect(help.status == 0 && help.stdout.contains("USAGE: workbench verify <run>"))
    let root = try CommandRunner.run(["--help"])
    #expect(root.status == 0 && root.stdout.contains("4 a re-run differs"))
  }

  @Test("2 for an unknown option, a bad option value, and a spec error", arguments: [
    (["run", "spec.json", "--bogus"], "Unknown option '--bogus'"),
    (["simulate", "--rows", "0"], "--rows must be from 1 to 100000000; got 0."),
    (["simulate", "--missing-rate", "2"], "--missing-rate must be between 0 and 1; got 2.0."),
    (["validate", "bad.json"], "bad.json: algorithms[0].params.k: the 'k' parameter of kmeans must be an integer in [1, 10000]; got 0."),
  ])
  func usageAndSpecErrors(_ arguments: [String], _ message: String) throws {
    let ws = try Workspace([
      "data.csv": Self.gappy, "spec.json": Self.twoPipelines,
      "bad.json": #"{"name": "bad", "data": {"path": "data.csv"}, "algorithms": [{"use": "kmeans", "params": {"k": 0}}]}"#,
    ])
    let output = try CommandRunner.run(arguments, in: ws.url)
    #expect(output.status == 2)
    #expect(output.stderr.contains(message), "\(output.stderr)")
    #expect(!ws.exists("results") && !ws.exists("customers.csv"), "nothing written")
  }

  @Test("3 for data errors: a file to assign without the pipeline's columns, repeated ids, an unreadable transaction date")
  func dataErrors() throws {
    let complete = Self.gappy.replacingOccurrences(of: "3,5,\n", with: "3,5,5\n")
    let ws = try Workspace([
      "data.csv": complete, "spec.json": #"{"name": "d", "data": {"path": "data.csv", "id": "id"}, "algorithms": [{"use": "kmeans", "params": {"k": 2}}]}"#,
      "new.csv": "id,a\n7,1\n",
      "twice.json": #"{"name": "t", "data": {"path": "twice.csv", "id": "id"}, "algorithms": [{"use": "kmeans", "params": {"k": 2}}]}"#,
      "twice.csv": complete.replacingOccurrences(of: "\n4,", with: "\n2,"),
      "tx.json": #"{"name": "x", "data": {"transactions": {"path": "tx.csv"}}, "algorithms": [{"use": "kmeans", "params": {"k": 2}}]}"#,
      "tx.csv": "customer_id,date,amount\nA,2026-01-02,10\nA,2026-13-40,12\n",
    ])
    #expect(try ws.run("run", "spec.json", "--quiet").status == 0)
    let run = try ws.runFolder("d")
    let assign = try ws.run("assign", run, "--trial", try ws.configHashes(run)[0], "new.csv")
    #expect(assign.status == 3)
    #expect(assign.stderr.contains("no column named 'b'"), "\(assign.stderr)")
    let twice = try ws.run("validate", "twice.json")
    #expect(twice.status == 3)
    #expect(twice.stderr.contains("twice.csv") && twice.stderr.contains("line 5"), "\(twice.stderr)")
    let date = try ws.run("run", "tx.json", "--quiet")
    #expect(date.status == 3)
    #expect(date.stderr.contains("tx.csv") && date.stderr.contains("line 3") && date.stderr.contains("2026-13-40"), "\(date.stderr)")
    #expect(!ws.exists("results/t") && !ws.exists("results/x"))
  }

  @Test("4 when verify finds a labels file that differs from the re-run, naming it; 0 on the untouched copy")
  func verifyDifference() throws {
    let ws = try Workspace(["data.csv": Self.gappy.replacingOccurrences(of: "3,5,\n", with: "3,5,5\n"), "spec.json": Self.twoPipelines])
    #expect(try ws.run("run", "spec.json", "--quiet").status == 0)
    let run = try ws.runFolder("partial")
    #expect(try ws.run("verify", run).status == 0)
    let hash = try #require(try ws.configHashes(run).first)
    let labels = ws.labelsFile(run, hash)
    try ws.write(try ws.read(labels).replacingOccurrences(of: "\n1,", with: "\n1,9"), to: labels)
    let output = try ws.run("verify", run)
    #expect(output.status == 4)
    #expect(output.stderr.contains("not reproduced: 1 of") && output.stderr.contains(String(labels.dropFirst(run.count + 1))), "\(output.stderr)")
  }
}
