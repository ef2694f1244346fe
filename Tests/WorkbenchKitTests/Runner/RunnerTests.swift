import Foundation
import Testing
@testable import WorkbenchKit

@Suite("Runner and result store")
struct RunnerTests {
  func run(_ fixture: RunFixture, out: String, jobs: Int, fresh: Bool = false) throws -> RunSummary {
    try fixture.run(out: out, jobs: jobs, fresh: fresh)
  }

  @Test("records and labels are byte-identical for --jobs 1, --jobs 2 and a second run")
  func byteIdentical() async throws {
    let fixture = try RunFixture()
    defer { fixture.remove() }
    let one = try run(fixture, out: fixture.results("one"), jobs: 1)
    let two = try run(fixture, out: fixture.results("two"), jobs: 2)
    let again = try run(fixture, out: fixture.results("again"), jobs: 2)
    #expect(one.records.count == 8)
    #expect(one.failedCount == 0)
    let varying = ["manifest.json", "timings.jsonl", "timing.json", ".lock"]
    let stable = { (files: [String: Data]) in files.filter { !varying.contains(($0.key as NSString).lastPathComponent) } }
    let a = stable(try fixture.files(under: fixture.results("one")))
    // Per trial record, labels, model; 2 pipelines; trials.jsonl, k-selection, 2 leaderboards, metrics.json;
    // insight of the one method's best trial, segments.csv, customers.csv; report.html.
    let expectedFiles = 8 * 3 + 2 + 5 + 3 + 1
    #expect(a.count == expectedFiles)
    #expect(a == stable(try fixture.files(under: fixture.results("two"))))
    #expect(a == stable(try fixture.files(under: fixture.results("again"))))
    #expect(one.directory.hasSuffix("/fixture/" + URL(fileURLWithPath: two.directory).lastPathComponent))
    _ = again
  }

  @Test("a second run of the same spec resumes; --fresh refits")
  func resume() async throws {
    let fixture = try RunFixture()
    defer { fixture.remove() }
    let first = try run(fixture, out: fixture.results("r"), jobs: 2)
    let trials = try String(contentsOfFile: first.directory + "/trials.jsonl", encoding: .utf8)
    let second = try run(fixture, out: fixture.results("r"), jobs: 2)
    #expect(second.resumed == 8)
    #expect(try String(contentsOfFile: first.directory + "/trials.jsonl", encoding: .utf8) == trials)
    let fresh = try run(fixture, out: fixture.results("r"), jobs: 1, fresh: true)
    #expect(fresh.resumed == 0)
    #expect(try String(contentsOfFile: first.directory + "/trials.jsonl", encoding: .utf8) == trials)
  }

  @Test("the results folder holds every promised file, and the manifest says what ran")
  func layout() async throws {
    let fixture = try RunFixture()
    defer { fixture.remove() }
    let summary = try run(fixture, out: fixture.results("l"), jobs: 2)
    let names = try FileManager.default.contentsOfDirectory(atPath: summary.directory).sorted()
    #expect(names == [
      ".lock", "customers.csv", "insight", "k-selection.json", "leaderboard.csv", "leaderboard.md", "manifest.json", "metrics.json", "pipelines",
      "report.html", "segments.csv", "timings.jsonl", "trials", "trials.jsonl",
    ])
    #expect(try FileManager.default.contentsOfDirectory(atPath: summary.directory + "/trials/" + summary.records[0].configHash).sorted() == [
      "labels.csv", "model.json", "record.json", "timing.json",
    ])
    let manifest = try JSONParser.parse(String(contentsOfFile: summary.directory + "/manifest.json", encoding: .utf8))
    #expect(manifest.object?["status"] == "finished")
    #expect(manifest.object?["data"]?.object?["rows"] == 90)
    #expect(manifest.object?["data"]?.object?["sha256"]?.string == (try DataFingerprint.sha256(ofFileAt: fixture.directory.path + "/customers.csv")))
    #expect(manifest.object?["trials"]?.object?["ok"] == 8)
    let labels = try String(contentsOfFile: RunFixture.labelsPath(summary.directory, summary.records[0].configHash), encoding: .utf8).split(separator: "\n")
    #expect(labels.count == 91)
    #expect(labels[0] == "customer_id,label")
    #expect(labels[1].hasPrefix("C1000,"))
    let best = summary.leaderboard.ranked[0].record
    #expect(best.clusterCount == 3)
    #expect(best.metrics["silhouette"]?.value ?? 0 > 0.5)
  }

  @Test("a run whose derived files cannot be written (a full disk) is not marked finished; finalize finishes it once they can")
  func unwritableReport() async throws {
    let fixture = try RunFixture()
    defer { fixture.remove() }
    let first = try run(fixture, out: fixture.results("w"), jobs: 1)
    let folder = first.directory
    let status = { try JSONParser.parse(String(contentsOfFile: folder + "/manifest.json", encoding: .utf8)).object?["status"] }
    // One trial to fit again, and a report that cannot be written: a folder where the file goes.
    try FileManager.default.removeItem(atPath: folder + "/trials/" + first.records[0].configHash)
    try FileManager.default.removeItem(atPath: folder + "/report.html")
    try FileManager.default.createDirectory(atPath: folder + "/report.html/blocked", withIntermediateDirectories: true)
    #expect(throws: (any Error).self) { try run(fixture, out: fixture.results("w"), jobs: 1) }
    #expect(try status() == "running")
    try FileManager.default.removeItem(atPath: folder + "/report.html")
    _ = try RunFinalizer(registry: .builtIn).finalize(runDirectory: folder)
    #expect(try status() == "finished")
    #expect(FileManager.default.fileExists(atPath: folder + "/report.html"))
  }

  @Test("a failing trial is recorded with its reason and the others go on")
  func failingTrial() async throws {
    let fixture = try RunFixture(
      spec: """
        {"name": "partial", "data": {"path": "customers.csv", "id": "customer_id"},
         "pipelines": [{"name": "raw"}, {"name": "imputed", "steps": ["impute"]}],
         "algorithms": [{"use": "kmeans", "grid": {"k": [2, 3]}}]}
        """)
    defer { fixture.remove() }
    let summary = try run(fixture, out: fixture.results("f"), jobs: 2)
    #expect(summary.failedCount == 2)
    let failed = summary.records.filter { $0.status == .failed }
    #expect(failed.allSatisfy { $0.pipeline == "raw" })
    #expect(failed[0].error?.contains("the column 'income' has 5 missing values (first at line 7); add an \"impute\" step") == true)
    #expect(summary.leaderboard.ranked.count == 2)
  }

  @Test("missing cells a derive expression made (an overflow, a log of 0) are named with the expression's cause; an impute after it fixes them")
  func derivedGaps() async throws {
    let fixture = try RunFixture(
      spec: """
        {"name": "gaps", "data": {"path": "customers.csv", "id": "customer_id"},
         "pipelines": [{"name": "overflow", "steps": ["impute", {"use": "derive", "params": {"columns": {"huge": "abs(visits) * 1e308 * 10"}}}]},
                       {"name": "log", "steps": ["impute", {"use": "derive", "params": {"columns": {"l": "log(visits - visits)"}}}]},
                       {"name": "filled", "steps": ["impute", {"use": "derive", "params": {"columns": {"huge": "abs(visits) * 1e308 * 10"}}}, "impute", "standard-scaler"]}],
         "algorithms": [{"use": "kmeans", "params": {"k": 2}}]}
        """)
    defer { fixture.remove() }
    let summary = try run(fixture, out: fixture.results("g"), jobs: 1)
    let byPipeline = Dictionary(uniqueKeysWithValues: summary.records.map { ($0.pipeline, $0) })
    let overflow = try #require(byPipeline["overflow"]?.error)
    #expect(overflow.contains("the column 'huge' has "), "\(overflow)")
    #expect(overflow.contains("(derive 'huge' gave no value at line 2, an overflow (a result beyond ±1.8e308)"), "\(overflow)")
    #expect(overflow.contains("add an \"impute\" step after it, or change the expression)"), "\(overflow)")
    let log = try #require(byPipeline["log"]?.error)
    #expect(log.contains("derive 'l' gave no value at line 2, the log of a number ≤ 0, and in 89 other cells"), "\(log)")
    #expect(byPipeline["filled"]?.status == .ok, "\(byPipeline["filled"]?.error ?? "")")
  }

  @Test("k above the row count is a spec error before anything is written")
  func tooManyClusters() throws {
    let fixture = try RunFixture(rows: 6, spec: #"{"name": "big-k", "data": {"path": "customers.csv", "id": "customer_id"}, "pipelines": [{"name": "i", "steps": ["impute"]}], "algorithms": [{"use": "kmeans", "grid": {"k": [2, 9]}}]}"#)
    defer { fixture.remove() }
    #expect(throws: SpecError(Location(file: fixture.specURL.path, jsonPath: "algorithms[0].grid.k"), "kmeans asks for k = 9 clusters but the data has only 6 rows.", fix: "use values of k up to 6 (usually far fewer).")) {
      try PreparedExperiment.load(specPath: fixture.specURL.path, registry: .builtIn)
    }
  }

  @Test("an unknown column is located in the spec with suggestions")
  func unknownColumn() throws {
    let fixture = try RunFixture(spec: #"{"name": "cols", "data": {"path": "customers.csv", "features": ["incme", "visits"]}, "algorithms": ["kmeans"]}"#)
    defer { fixture.remove() }
    do {
      _ = try PreparedExperiment.load(specPath: fixture.specURL.path, registry: .builtIn)
      Issue.record("expected an error")
    } catch let error as SpecError {
      #expect(error.problems.map(\.location.jsonPath) == ["data.features[0]"])
      #expect(error.problems[0].message == "the column 'incme' is not in customers.csv. Did you mean 'income'?")
    }
  }
}

@Suite("Pipeline data errors")
struct PipelineDataErrorTests {
  @Test("a step that finds the data unusable stops the run with a located error and writes nothing")
  func unusableDataInStep() async throws {
    let fixture = try RunFixture(
      spec: #"{"name": "bad-step", "data": {"path": "customers.csv", "id": "customer_id"}, "pipelines": [{"name": "p", "steps": ["impute", {"use": "log1p", "params": {"columns": ["basket"]}}]}], "algorithms": [{"use": "kmeans", "params": {"k": 2}}]}"#)
    defer { fixture.remove() }
    let out = fixture.results("r")
    do {
      _ = try fixture.run(out: out, jobs: 1)
      Issue.record("expected a data error")
    } catch let error as DataError {
      #expect(error.problem.message.hasPrefix("pipeline 'p', step 2 (log1p): "))
      #expect(error.description.contains("basket"))
    }
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test("a step naming a missing column is a spec error at its JSON path, found before any fit or write")
  func missingColumnInStep() throws {
    let fixture = try RunFixture(
      spec: #"{"name": "bad-step", "data": {"path": "customers.csv", "id": "customer_id"}, "pipelines": [{"name": "p", "steps": ["impute", {"use": "log1p", "params": {"columns": ["visitz"]}}]}], "algorithms": [{"use": "kmeans", "params": {"k": 2}}]}"#)
    defer { fixture.remove() }
    do {
      _ = try PreparedExperiment.load(specPath: fixture.specURL.path, registry: .builtIn)
      Issue.record("expected a spec error")
    } catch let error as SpecError {
      #expect(error.problems.map(\.location.jsonPath) == ["pipelines[0].steps[1].params.columns"])
      #expect(error.problems[0].message == "step 2 (log1p) of pipeline 'p' names the column 'visitz', but no such column reaches it.")
    }
  }
}
