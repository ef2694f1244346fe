import Foundation
import Testing

/// `workbench assign` through the built binary: membership models, rows a step excludes, transactions specs.
@Suite("workbench assign")
struct AssignCommandTests {
  /// Three groups of ten rows around (0, 0), (6, 0) and (3, 5), spread by a fixed pattern, and one far outlier, c30.
  static let groups: String = {
    let centers = [(0.0, 0.0), (6.0, 0.0), (3.0, 5.0)]
    let rows = (0..<30).map { i in
      let (x, y) = centers[i % 3]
      return "c\(i),\(x + Double((i * 7) % 5 - 2) * 0.2),\(y + Double((i * 3) % 5 - 2) * 0.2)"
    }
    return (["id,a,b"] + rows + ["c30,40,40"]).joined(separator: "\n") + "\n"
  }()

  /// New rows near the three groups (n1, n2, n4) and one far outside the fit's fences (n3).
  static let newRows = "id,a,b\nn1,0.1,0.2\nn2,6.2,-0.1\nn3,55,60\nn4,3.1,4.8\n"

  static let spec = #"""
    {"name": "assign", "seed": 3, "data": {"path": "data.csv", "id": "id"},
     "pipelines": [{"name": "trimmed", "steps": [{"use": "remove-outliers", "params": {"columns": ["a", "b"]}}, "standard-scaler"]}],
     "algorithms": [{"use": "gmm", "params": {"k": 3}}, {"use": "fuzzy-cmeans", "params": {"k": 3}}, {"use": "kmeans", "params": {"k": 3}}]}
    """#

  /// A workspace with the groups run through the spec; the run folder and the config hashes (gmm, fuzzy-cmeans, kmeans).
  static func fitted() throws -> (Workspace, run: String, hashes: [String]) {
    let ws = try Workspace(["data.csv": groups, "new.csv": newRows, "spec.json": spec])
    let output = try ws.run("run", "spec.json", "--quiet", "--jobs", "1")
    guard output.status == 0 else { throw WorkspaceError("run failed: \(output.stderr)") }
    let run = try ws.runFolder("assign")
    return (ws, run, try ws.configHashes(run))
  }

  @Test("membership models add p0…p2 that sum to 1 and pick the label; the fences fitted on the data exclude the far row",
    arguments: [0, 1])
  func memberships(_ trial: Int) throws {
    let (ws, run, hashes) = try Self.fitted()
    let output = try ws.run("assign", run, "--trial", String(hashes[trial].prefix(6)), "new.csv")
    #expect(output.status == 0, "\(output.stderr)")
    let rows = Workspace.csvRows(output.stdout)
    #expect(rows.map(\.count) == Array(repeating: 6, count: 5))
    #expect(rows.first == ["id", "label", "excluded_by", "p0", "p1", "p2"])
    #expect(rows.map(\.first) == ["id", "n1", "n2", "n3", "n4"])
    #expect(rows[3] == ["n3", "", "1:remove-outliers", "", "", ""])
    let fitLabels = try ws.csvRows(ws.labelsFile(run, hashes[trial]))
    for (row, twin) in [(1, 1), (2, 2), (4, 3)] {
      let p = rows[row].suffix(3).compactMap(Double.init)
      #expect(p.count == 3 && abs(p.reduce(0, +) - 1) <= 1e-12, "\(rows[row])")
      #expect(rows[row][1] == String(p.indices.max { p[$0] < p[$1] } ?? -1), "the label is the most probable component")
      #expect(rows[row][1] == fitLabels[twin][1], "\(rows[row][0]) gets the label of the fit row c\(twin - 1) of its group")
    }
  }

  @Test("on the fit's own rows assign reproduces the labels file and the memberships file", arguments: [0, 1, 2])
  func fitRowsReproduce(_ trial: Int) throws {
    let (ws, run, hashes) = try Self.fitted()
    let output = try ws.run("assign", run, "--trial", hashes[trial], "data.csv", "--out", "assigned.csv")
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout.isEmpty)
    let assigned = try ws.csvRows("assigned.csv")
    let labels = try ws.csvRows(ws.labelsFile(run, hashes[trial]))
    #expect(assigned.count == 32 && labels.count == 32)
    #expect(assigned.map { Array($0.prefix(3)) } == labels, "id, label and excluded_by as the run wrote them")
    #expect(labels.last == ["c30", "", "1:remove-outliers"])
    guard trial < 2 else {
      #expect(assigned.allSatisfy { $0.count == 3 } && !ws.exists(ws.membershipsFile(run, hashes[trial])), "kmeans has no memberships")
      return
    }
    let memberships = try ws.csvRows(ws.membershipsFile(run, hashes[trial]))
    #expect(memberships.first == ["id", "p0", "p1", "p2"] && memberships.last == ["c30", "", "", ""], "the excluded row has no memberships")
    #expect(assigned.map { [$0[0]] + $0.suffix(3) } == memberships, "the same probabilities, digit for digit")
  }

  @Test("hdbscan: assign adds the model's per-row probability; on the fit's rows labels and probabilities are the run's, digit for digit")
  func rowScores() throws {
    let ws = try Workspace([
      "data.csv": Self.groups, "new.csv": Self.newRows,
      "spec.json": #"{"name": "density", "seed": 3, "data": {"path": "data.csv", "id": "id"}, "pipelines": [{"name": "scaled", "steps": ["standard-scaler"]}], "algorithms": [{"use": "hdbscan", "params": {"min_cluster_size": 5}}]}"#,
    ])
    #expect(try ws.run("run", "spec.json", "--quiet", "--jobs", "1").status == 0)
    let run = try ws.runFolder("density")
    let hash = try #require(try ws.configHashes(run).first)
    let fit = try ws.run("assign", run, "--trial", hash, "data.csv")
    #expect(fit.status == 0, "\(fit.stderr)")
    let assigned = Workspace.csvRows(fit.stdout)
    let labels = try ws.csvRows(ws.labelsFile(run, hash))
    let scores = try ws.csvRows(run + "/trials/\(hash)/scores.csv")
    #expect(assigned.first == ["id", "label", "probability"] && scores.first == ["id", "probability", "outlier_score"])
    #expect(assigned.count == 32 && assigned.map { Array($0.prefix(2)) } == labels, "the fit's labels, the far row c30 noise")
    #expect(assigned.map { [$0[0], $0[2]] } == scores.map { Array($0.prefix(2)) }, "the fit's membership probabilities")
    #expect(assigned.last == ["c30", "-1", "0.0"])
    let new = try ws.run("assign", run, "--trial", hash, "new.csv")
    #expect(Workspace.csvRows(new.stdout) == [["id", "label", "probability"], ["n1", "0", "1.0"], ["n2", "1", "1.0"], ["n3", "-1", "0.0"], ["n4", "2", "1.0"]])
  }

  @Test("a missing value the trial's pipeline does not fill is a data error at its line and column, and nothing is written")
  func missingValue() throws {
    let (ws, run, hashes) = try Self.fitted()
    try ws.write("id,a,b\nn1,0.1,0.2\nn2,,-0.1\n", to: "gap.csv")
    let output = try ws.run("assign", run, "--trial", hashes[2], "gap.csv", "--out", "labels.csv")
    #expect(output.status == 3, "\(output.stderr)")
    #expect(output.stderr.contains("gap.csv, line 3, column 2 (a): the column 'a' has 1 missing value after the trial's pipeline"), "\(output.stderr)")
    #expect(output.stderr.contains("Fix: fill the value in the file, or assign with a trial whose pipeline imputes"), "\(output.stderr)")
    #expect(!FileManager.default.fileExists(atPath: ws.path("labels.csv")))
  }

  @Test("an unknown or ambiguous trial is a usage error naming it")
  func unknownTrial() throws {
    let (ws, run, _) = try Self.fitted()
    let unknown = try ws.run("assign", run, "--trial", "zzzz", "new.csv")
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("no recorded trial has a config hash starting with 'zzzz'"))
    let every = try ws.run("assign", run, "--trial", "", "new.csv")
    #expect(every.status == 2)
    #expect(every.stderr.contains("'' matches 3 trials"))
  }

  @Test("a transactions spec: assign aggregates a transactions file the same way; a subset of customers keeps its labels")
  func transactions() throws {
    let ws = try Workspace([
      "spec.json": #"""
        {"name": "tx", "seed": 11,
         "data": {"transactions": {"path": "transactions.csv", "customer": "customer_id", "date": "date", "amount": "amount",
           "discount": "discount", "channel": "channel", "category": "category", "campaign": "campaign_response", "as_of": "2026-06-30"}},
         "pipelines": [{"name": "behaviour", "steps": [{"use": "impute", "params": {"strategy": "median"}}, "value-score", "loyalty-score",
           {"use": "select", "params": {"columns": ["recency_days", "frequency", "monetary_mean", "loyalty_score", "value_score"]}}, "standard-scaler"]}],
         "algorithms": [{"use": "kmeans", "params": {"k": 3, "n_init": 4}}]}
        """#
    ])
    #expect(try ws.run("simulate", "--rows", "60", "--seed", "5", "--output", "customers.csv", "--transactions", "transactions.csv").status == 0)
    let output = try ws.run("run", "spec.json", "--quiet")
    #expect(output.status == 0, "\(output.stderr)")
    let run = try ws.runFolder("tx")
    let hash = try #require(try ws.configHashes(run).first)
    let all = try ws.run("assign", run, "--trial", hash, "transactions.csv")
    #expect(all.status == 0, "\(all.stderr)")
    #expect(all.stdout == (try ws.read(ws.labelsFile(run, hash))), "the fit's customers get the fit's labels")
    let lines = try ws.read("transactions.csv").split(separator: "\n")
    let chosen = Set(["C00003", "C00017", "C00042", "C00059"])
    try ([String(lines[0])] + lines.dropFirst().filter { chosen.contains(String($0.prefix(6))) }.map(String.init)).joined(separator: "\n").appending("\n")
      .write(to: ws.url.appendingPathComponent("subset.csv"), atomically: true, encoding: .utf8)
    let subset = try ws.run("assign", run, "--trial", hash, "subset.csv")
    #expect(subset.status == 0, "\(subset.stderr)")
    let expected = Workspace.csvRows(all.stdout).filter { $0[0] == "customer_id" || chosen.contains($0[0]) }
    #expect(expected.count == 5)
    #expect(Workspace.csvRows(subset.stdout) == expected)
  }
}
