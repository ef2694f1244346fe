import Foundation
import Testing
import WorkbenchNumerics
@testable import WorkbenchKit

@Suite("Split runs: shard stores, merge, and byte-identity with the unsharded run")
struct ShardMergeTests {
  /// Files that vary between runs (or are a process's lock), left out of byte comparisons.
  static let varying: Set<String> = ["manifest.json", "timings.jsonl", "timing.json", ".lock"]

  static func stable(_ files: [String: Data]) -> [String: Data] { files.filter { !varying.contains(($0.key as NSString).lastPathComponent) } }

  /// The fixture's spec with stability, so shards also carry resample results.
  static let spec = """
    {"name": "split", "seed": 9, "data": {"path": "customers.csv", "id": "customer_id", "truth": "group"},
     "pipelines": [{"name": "imputed", "steps": [{"use": "impute", "params": {"strategy": "median"}}]},
                   {"name": "scaled", "steps": [{"use": "impute", "params": {"strategy": "median"}}, "standard-scaler"]}],
     "algorithms": [{"use": "kmeans", "params": {"n_init": 2}, "grid": {"k": {"from": 2, "to": 5}}},
                    {"use": "gmm", "grid": {"k": [2, 3]}}],
     "stability": {"resamples": 3}}
    """

  /// Records every shard of an `count`-way split under `root`; returns the shard store folders.
  static func shards(_ fixture: RunFixture, root: String, count: Int) throws -> [String] {
    try (1...count).map { number in try fixture.recordShard(Shard(number: number, count: count), out: root).results.folder.path }
  }

  @Test("merging N = 1, 2, 3 and 7 shards gives the unsharded run's bytes, and the merged run verifies")
  func byteIdentical() async throws {
    let fixture = try RunFixture(spec: Self.spec)
    defer { fixture.remove() }
    let whole = try fixture.run(out: fixture.results("whole"), jobs: 2)
    let expected = Self.stable(try fixture.files(under: whole.directory))
    #expect(expected.keys.contains("metrics.json"))
    #expect(expected.keys.filter { $0.hasSuffix("/record.json") }.count == 12)
    for count in [1, 2, 3, 7] {
      let stores = try Self.shards(fixture, root: fixture.results("shards-\(count)"), count: count)
      #expect(stores.allSatisfy { !FileManager.default.fileExists(atPath: $0 + "/leaderboard.csv") })
      let merged = try Executor.run(threads: 2) {
        try ShardMerger(registry: .builtIn).merge(shardDirectories: stores.reversed(), outputRoot: fixture.results("merged-\(count)"))
      }
      #expect(merged.copied == 12)
      #expect(merged.shards.map(\.shard.number) == Array(1...count))
      #expect(URL(fileURLWithPath: merged.directory).lastPathComponent == URL(fileURLWithPath: whole.directory).lastPathComponent)
      #expect(Self.stable(try fixture.files(under: merged.directory)) == expected, "merge of \(count) shards")
      let manifest = try RunManifest.read(RunFolder(existing: merged.directory))
      #expect(manifest.status == .finished)
      #expect(manifest.planned == 12 && manifest.succeeded == 12)
      #expect(manifest.runKey == URL(fileURLWithPath: whole.directory).lastPathComponent)
    }
    let report = try Executor.run(threads: 2) { try RunVerifier(registry: .builtIn).verify(runDirectory: fixture.results("merged-3") + "/split/" + URL(fileURLWithPath: whole.directory).lastPathComponent) }
    #expect(report.identical)
    #expect(report.shard == nil)
  }

  @Test("a shard store holds only its share, its shard manifest and no derived file; verify re-runs that shard; finalize refuses it")
  func shardStore() async throws {
    let fixture = try RunFixture(spec: Self.spec)
    defer { fixture.remove() }
    let recorded = try fixture.recordShard(Shard(number: 2, count: 3), out: fixture.results("s"))
    let folder = recorded.results.folder
    let hashes = recorded.results.records.map(\.configHash)
    #expect(folder.path.hasSuffix(".shard-2-of-3"))
    let shard = try #require(try ShardManifest.read(folder))
    #expect(shard.shard == Shard(number: 2, count: 3))
    #expect(Set(hashes) == Set(shard.trials))
    #expect(folder.entries(".") == [".lock", "manifest.json", "pipelines", "shard.json", "trials"])
    let manifest = try RunManifest.read(folder)
    #expect(manifest.status == .finished)
    #expect(manifest.planned == shard.trials.count)
    let report = try Executor.run(threads: 2) { try RunVerifier(registry: .builtIn).verify(runDirectory: folder.path) }
    #expect(report.identical)
    #expect(report.shard == Shard(number: 2, count: 3))
    #expect(report.compared.contains("shard.json"))
    #expect(throws: SpecError.self) { try RunFinalizer(registry: .builtIn).finalize(runDirectory: folder.path) }
    #expect(throws: SpecError.self) { try RankedRun.open(folder.path, registry: .builtIn) }
    // Recording the same shard again resumes every trial.
    #expect(try fixture.recordShard(Shard(number: 2, count: 3), out: fixture.results("s")).resumed == shard.trials.count)
  }

  func mergeError(_ stores: [String], into out: String) throws -> SpecError {
    let error = try #require(throws: SpecError.self) { try ShardMerger(registry: .builtIn).merge(shardDirectories: stores, outputRoot: out) }
    #expect(!FileManager.default.fileExists(atPath: out), "nothing is written when a merge is refused")
    return error
  }

  @Test("a missing shard, a shard of another spec, a trial in two shards, an unfinished shard: each named, nothing written")
  func refusals() async throws {
    let fixture = try RunFixture(spec: Self.spec)
    defer { fixture.remove() }
    let stores = try Self.shards(fixture, root: fixture.results("s"), count: 3)
    let plan = try ExperimentReader(registry: .builtIn).plan(path: fixture.specURL.path)
    let missingTrials = try #require(try ShardManifest.read(RunFolder(existing: stores[1])))

    let missing = try mergeError([stores[0], stores[2]], into: fixture.results("m1"))
    #expect(missing.description.contains("shard 2/3 is missing"))
    for hash in missingTrials.trials { #expect(missing.description.contains(hash)) }
    #expect(missing.description.contains(".shard-2-of-3"))

    let other = try RunFixture(spec: Self.spec.replacingOccurrences(of: "\"to\": 5", with: "\"to\": 6"))
    defer { other.remove() }
    let foreign = try other.recordShard(Shard(number: 2, count: 3), out: other.results("o")).results.folder.path
    let mixed = try mergeError([stores[0], foreign, stores[2]], into: fixture.results("m2"))
    #expect(mixed.description.contains("another spec"))
    #expect(mixed.description.contains("algorithms[0].grid.k.to: 5 → 6"))

    // A trial recorded in two stores: copy one of shard 2's trials into shard 1's store.
    let twice = missingTrials.trials[0]
    try FileManager.default.copyItem(atPath: stores[1] + "/trials/" + twice, toPath: stores[0] + "/trials/" + twice)
    let duplicated = try mergeError(stores, into: fixture.results("m3"))
    let index = try #require(plan.trials.first { $0.configHash == twice }?.index)
    #expect(duplicated.description.contains("trial \(index) ("))
    #expect(duplicated.description.contains(twice))
    #expect(duplicated.description.contains("is in 2 shards"))
    try FileManager.default.removeItem(atPath: stores[0] + "/trials/" + twice)

    // An unfinished shard: one of its records is gone.
    try FileManager.default.removeItem(atPath: stores[2] + "/trials/" + (try #require(try ShardManifest.read(RunFolder(existing: stores[2])))).trials[0] + "/record.json")
    let unfinished = try mergeError(stores, into: fixture.results("m4"))
    #expect(unfinished.description.contains("shard 3/3 has not recorded 1 of its"))

    let notShard = try mergeError([try fixture.run(out: fixture.results("whole"), jobs: 1).directory], into: fixture.results("m5"))
    #expect(notShard.description.contains("not a shard store"))
  }
}

extension RunFixture {
  /// Records `shard` of the fixture's spec into `out`, as `workbench run --shard I/N` does.
  func recordShard(_ shard: Shard, out: String, jobs: Int = 2) throws -> RecordedTrials {
    try Executor.run(threads: jobs) {
      let prepared = try PreparedExperiment.load(specPath: specURL.path, registry: .builtIn)
      return try Runner(registry: .builtIn).record(prepared.plan, dataset: prepared.dataset, options: RunOptions(outputRoot: out, shard: shard))
    }
  }
}
