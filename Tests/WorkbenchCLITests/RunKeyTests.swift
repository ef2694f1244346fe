import Foundation
import Testing
import WorkbenchKit

/// The run key (the results folder's name) pinned through the command line: the first 12 hex digits of the
/// SHA-256 of the canonical JSON {"data_sha256": SHA-256 of the data file, "format": results format version,
/// "spec": the spec without `$schema`}. The literals were computed outside the workbench, with Python:
/// `hashlib.sha256(json.dumps({...}, sort_keys=True, separators=(",", ":")).encode()).hexdigest()[:12]`.
/// They must not change for the same spec, data and results format, or recorded runs stop resuming; a new
/// results format changes every key on purpose (recompute them then).
@Suite("run keys")
struct RunKeyTests {
  /// The results format the literals below are for.
  static let format = 2
  static let keys = (spec: "1d03e934b9e1", changedData: "debdb53361a2", otherSeed: "e4be6a595b9b")
  static let transactionKeys = (file: "982687046b64", changedFile: "1316bdfb0ea0")

  static let data = "id,a,b\n1,0,0\n2,0,1\n3,5,5\n4,5,6\n5,9,0\n6,9,1\n"
  static let spec = #"{"$schema": "../plugins-registry/experiment.schema.json", "name": "pinned", "seed": 1, "data": {"path": "data.csv", "id": "id"}, "algorithms": [{"use": "kmeans", "params": {"k": 3}}]}"#

  @Test("a spec and data file give a fixed key; $schema is left out; a changed data file or seed gives a new key")
  func pinned() throws {
    try #require(ResultFormat.version == Self.format, "the literals are for results format \(Self.format); recompute them for \(ResultFormat.version)")
    let ws = try Workspace(["data.csv": Self.data, "spec.json": Self.spec])
    #expect(try ws.run("run", "spec.json", "--quiet").status == 0)
    #expect(try ws.runKeys("pinned") == [Self.keys.spec])
    try ws.write(Self.spec.replacingOccurrences(of: #""$schema": "../plugins-registry/experiment.schema.json", "#, with: ""), to: "spec.json")
    #expect(try ws.run("run", "spec.json", "--quiet").status == 0)
    #expect(try ws.runKeys("pinned") == [Self.keys.spec], "without $schema the run resumes in the same folder")
    try ws.write(Self.data.replacingOccurrences(of: "6,9,1\n", with: "6,9,2\n"), to: "data.csv")
    #expect(try ws.run("run", "spec.json", "--quiet").status == 0)
    #expect(try ws.runKeys("pinned") == [Self.keys.spec, Self.keys.changedData].sorted())
    try ws.write(Self.data, to: "data.csv")
    try ws.write(Self.spec.replacingOccurrences(of: #""seed": 1"#, with: #""seed": 2"#), to: "spec.json")
    #expect(try ws.run("validate", "spec.json").status == 0)
    #expect(try ws.run("run", "spec.json", "--quiet").status == 0)
    #expect(try ws.runKeys("pinned") == [Self.keys.spec, Self.keys.changedData, Self.keys.otherSeed].sorted())
    #expect(try ws.read("results/pinned/\(Self.keys.spec)/trials.jsonl").contains(#""config_hash":"da7e60a3461cab95""#))
  }

  @Test("a transactions spec's key covers the transactions file")
  func transactions() throws {
    try #require(ResultFormat.version == Self.format, "the literals are for results format \(Self.format); recompute them for \(ResultFormat.version)")
    let transactions = "customer_id,date,amount\nA,2026-01-02,10\nA,2026-02-03,12\nB,2026-01-05,100\nB,2026-03-01,80\nC,2026-02-10,5\nD,2026-04-01,60\n"
    let ws = try Workspace([
      "tx.csv": transactions,
      "spec.json": #"{"name": "pinned-tx", "seed": 1, "data": {"transactions": {"path": "tx.csv", "as_of": "2026-06-30"}, "features": ["recency_days", "frequency", "monetary_total"]}, "algorithms": [{"use": "kmeans", "params": {"k": 2}}]}"#,
    ])
    let first = try ws.run("run", "spec.json", "--quiet")
    #expect(first.status == 0, "\(first.stderr)")
    #expect(try ws.runKeys("pinned-tx") == [Self.transactionKeys.file])
    try ws.write(transactions.replacingOccurrences(of: "D,2026-04-01,60", with: "D,2026-04-01,61"), to: "tx.csv")
    let second = try ws.run("run", "spec.json", "--quiet")
    #expect(second.status == 0, "\(second.stderr)")
    #expect(try ws.runKeys("pinned-tx") == [Self.transactionKeys.file, Self.transactionKeys.changedFile].sorted())
  }
}
