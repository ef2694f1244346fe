import Foundation
import Testing

/// The run key (the results folder's name) pinned through the command line: SHA-256 of the spec without
/// `$schema`, the data file's SHA-256 and the result format, first 12 hex digits. The literals were computed
/// outside the workbench (Python's hashlib and json.dumps(sort_keys=True, separators=(",", ":"))) and must
/// never change for the same spec, data and format, or recorded runs stop resuming.
@Suite("run keys")
struct RunKeyTests {
  static let data = "id,a,b\n1,0,0\n2,0,1\n3,5,5\n4,5,6\n5,9,0\n6,9,1\n"
  static let spec = #"{"$schema": "../plugins-registry/experiment.schema.json", "name": "pinned", "seed": 1, "data": {"path": "data.csv", "id": "id"}, "algorithms": [{"use": "kmeans", "params": {"k": 3}}]}"#

  @Test("a spec and data file give a fixed key; $schema is left out; a changed data file or seed gives a new key")
  func pinned() throws {
    let ws = try Workspace(["data.csv": Self.data, "spec.json": Self.spec])
    #expect(try ws.run("run", "spec.json", "--quiet").status == 0)
    #expect(try ws.runKeys("pinned") == ["bb238bf37125"])
    try ws.write(Self.spec.replacingOccurrences(of: #""$schema": "../plugins-registry/experiment.schema.json", "#, with: ""), to: "spec.json")
    #expect(try ws.run("run", "spec.json", "--quiet").status == 0)
    #expect(try ws.runKeys("pinned") == ["bb238bf37125"], "without $schema the run resumes in the same folder")
    try ws.write(Self.data.replacingOccurrences(of: "6,9,1\n", with: "6,9,2\n"), to: "data.csv")
    #expect(try ws.run("run", "spec.json", "--quiet").status == 0)
    #expect(try ws.runKeys("pinned") == ["bb238bf37125", "c0e7be27f549"])
    try ws.write(Self.data, to: "data.csv")
    try ws.write(Self.spec.replacingOccurrences(of: #""seed": 1"#, with: #""seed": 2"#), to: "spec.json")
    #expect(try ws.run("validate", "spec.json").status == 0)
    #expect(try ws.run("run", "spec.json", "--quiet").status == 0)
    #expect(try ws.runKeys("pinned") == ["bb238bf37125", "c0e7be27f549", "c8cfd5f626cd"])
    #expect(try ws.read("results/pinned/bb238bf37125/trials.jsonl").contains(#""config_hash":"da7e60a3461cab95""#))
  }

  @Test("a transactions spec's key covers the transactions file")
  func transactions() throws {
    let transactions = "customer_id,date,amount\nA,2026-01-02,10\nA,2026-02-03,12\nB,2026-01-05,100\nB,2026-03-01,80\nC,2026-02-10,5\nD,2026-04-01,60\n"
    let ws = try Workspace([
      "tx.csv": transactions,
      "spec.json": #"{"name": "pinned-tx", "seed": 1, "data": {"transactions": {"path": "tx.csv", "as_of": "2026-06-30"}, "features": ["recency_days", "frequency", "monetary_total"]}, "algorithms": [{"use": "kmeans", "params": {"k": 2}}]}"#,
    ])
    let first = try ws.run("run", "spec.json", "--quiet")
    #expect(first.status == 0, "\(first.stderr)")
    #expect(try ws.runKeys("pinned-tx") == ["9ac0c81beb04"])
    try ws.write(transactions.replacingOccurrences(of: "D,2026-04-01,60", with: "D,2026-04-01,61"), to: "tx.csv")
    let second = try ws.run("run", "spec.json", "--quiet")
    #expect(second.status == 0, "\(second.stderr)")
    #expect(try ws.runKeys("pinned-tx") == ["9ac0c81beb04", "d229db1adbf6"])
  }
}
