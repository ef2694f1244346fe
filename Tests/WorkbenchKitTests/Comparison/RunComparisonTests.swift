import Foundation
import Testing
@testable import WorkbenchKit

@Suite("Comparing two runs; listing runs; metrics.json")
struct RunComparisonTests {
  static let spec = """
    {"name": "cmp", "seed": 5, "data": {"path": "customers.csv", "id": "customer_id"},
     "pipelines": [{"name": "scaled", "steps": [{"use": "impute", "params": {"strategy": "median"}}, "standard-scaler"]}],
     "algorithms": [{"use": "kmeans", "params": {"n_init": 2}, "grid": {"k": [2, 3]}}], "metrics": ["silhouette", "inertia"]}
    """

  @Test("the spec change is named by path; shared trials keep their ranks and metrics; the chosen segmentations agree fully")
  func compare() async throws {
    let a = try RunFixture(spec: Self.spec)
    defer { a.remove() }
    let first = try a.run(out: a.results("a"), jobs: 2)
    try Self.spec.replacingOccurrences(of: "[2, 3]", with: "[3, 4]").write(to: a.specURL, atomically: true, encoding: .utf8)
    let second = try a.run(out: a.results("b"), jobs: 2)
    let comparison = try RunComparison(try RankedRun.open(first.directory, registry: .builtIn), try RankedRun.open(second.directory, registry: .builtIn))
    #expect(comparison.specChanges.map(\.text) == ["algorithms[0].grid.k[0]: 2 → 3", "algorithms[0].grid.k[1]: 3 → 4"])
    #expect(comparison.trials.map(\.description) == ["scaled · kmeans k=3 n_init=2"])
    #expect(comparison.onlyFirst.map(\.configHash) == [first.records[0].configHash])
    #expect(comparison.onlySecond.map(\.configHash) == [second.records[1].configHash])
    for trial in comparison.trials { #expect(trial.first.metrics == trial.second.metrics) }
    #expect(comparison.metricNames == ["silhouette", "inertia"])
    let agreement = try #require(comparison.agreement)
    #expect(agreement.sharedRows == 90)
    #expect(agreement.adjustedRandIndex == 1)
    #expect(comparison.markdown.contains("| 1 | scaled · kmeans k=3 n_init=2 |"))
    #expect(comparison.markdown.contains("| first \\ second | segment 0 | segment 1 | segment 2 | total |"))
    let json = try JSONParser.parse(comparison.json.prettyText)
    #expect(json.object?["spec_changes"]?.array?.count == 2)
    #expect(json.object?["agreement"]?.object?["contingency"]?.object?["counts"]?.array?.count == 3)
    #expect(RunComparison.change(0.5, 0.25) == "0.5 → 0.25 (−0.25)")
    #expect(RunComparison.change(nil, 1) == "— → 1")
  }

  @Test("runs lists every run below a results folder with its chosen trial, marks shard stores, and reports an unreadable manifest")
  func listing() async throws {
    let fixture = try RunFixture(spec: Self.spec)
    defer { fixture.remove() }
    let root = fixture.results("all")
    let summary = try fixture.run(out: root, jobs: 2)
    _ = try fixture.recordShard(Shard(number: 1, count: 2), out: root)
    try FileManager.default.createDirectory(atPath: root + "/cmp/broken", withIntermediateDirectories: true)
    try "{".write(toFile: root + "/cmp/broken/manifest.json", atomically: true, encoding: .utf8)
    let listing = RunListing(root: root)
    #expect(listing.entries.count == 3)
    let run = try #require(listing.entries.first { $0.path == summary.directory })
    let best = summary.leaderboard.ranked[0]
    #expect(run.chosenText == "trial \(best.record.index): scaled · kmeans k=\(best.record.clusterCount!) n_init=2")
    #expect(run.score == best.score)
    #expect(listing.entries.contains { $0.shard == Shard(number: 1, count: 2) && $0.chosen == nil })
    #expect(listing.entries.contains { $0.problem != nil && $0.manifest == nil })
    let table = listing.table.split(separator: "\n")
    #expect(table.count == 4)
    #expect(table[0].split(separator: " ", omittingEmptySubsequences: true) == ["experiment", "run", "data", "started", "trials", "chosen", "score"])
    #expect(table.contains { $0.contains("shard 1/2 (merge to rank)") })
    #expect(listing.json.array?.count == 3)
    // The root may be a run folder itself.
    #expect(RunListing(root: summary.directory).entries.map(\.path) == [summary.directory])
  }

  @Test("a run killed part way: the listing counts its recorded trials and says it stopped; with its lock held, running")
  func stoppedRun() throws {
    let fixture = try RunFixture()
    defer { fixture.remove() }
    let summary = try fixture.run(out: fixture.results("s"), jobs: 1)
    let folder = summary.directory
    // What a kill leaves: the manifest still says running, and some trials have no record yet.
    let manifest = try String(contentsOfFile: folder + "/manifest.json", encoding: .utf8)
    try manifest.replacingOccurrences(of: "\"status\": \"finished\"", with: "\"status\": \"running\"")
      .write(toFile: folder + "/manifest.json", atomically: true, encoding: .utf8)
    for record in summary.records.prefix(3) { try FileManager.default.removeItem(atPath: folder + "/trials/" + record.configHash + "/record.json") }
    let stopped = try #require(RunListing(root: folder).entries.first)
    #expect(stopped.progress?.recorded == 5 && stopped.progress?.active == false)
    #expect(RunListing(root: folder).table.contains("5 of 8 recorded"))
    #expect(RunListing(root: folder).table.contains("(stopped: run again to resume, or finalize)"))
    let lock = try RunLock.acquire(RunFolder(existing: folder))
    #expect(RunListing(root: folder).entries.first?.progress?.active == true)
    #expect(RunListing(root: folder).table.contains("(running)"))
    withExtendedLifetime(lock) {}
  }
}
