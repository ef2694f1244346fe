import Foundation
import Testing
import WorkbenchNumerics
@testable import WorkbenchKit

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite("Quality gate: thresholds on the chosen trial, drift against a baseline, JUnit/Markdown/JSON")
struct QualityGateTests {
  static let stable = """
    {"name": "gated", "seed": 5, "data": {"path": "customers.csv", "id": "customer_id", "truth": "group"},
     "pipelines": [{"name": "scaled", "steps": [{"use": "impute", "params": {"strategy": "median"}}, "standard-scaler"]}],
     "algorithms": [{"use": "kmeans", "params": {"n_init": 2}, "grid": {"k": {"from": 2, "to": 4}}}],
     "stability": {"resamples": 3}
    """

  func ranked(_ fixture: RunFixture, _ name: String = "r") throws -> RankedRun {
    let summary = try fixture.run(out: fixture.results(name), jobs: 2)
    return try RankedRun.open(summary.directory, registry: .builtIn)
  }

  @Test("thresholds pass at the measured values and fail just beyond them, each check named with value and threshold")
  func thresholds() async throws {
    let fixture = try RunFixture(spec: Self.stable + "}")
    defer { fixture.remove() }
    let run = try ranked(fixture)
    let chosen = try #require(run.chosen)
    #expect(chosen.record.clusterCount == 3)
    let silhouette = try #require(chosen.record.metrics["silhouette"]?.value)
    let stability = try #require(chosen.record.stability?.score)
    let share = try #require(chosen.smallestSegmentShare)
    #expect(share == Double(chosen.record.sizes.min()!) / 90)
    let passing = GateSpec(
      quality: silhouette, minStability: stability, minSegmentShare: share, minSegments: 3, maxSegments: 3,
      metrics: [.init(metric: "davies-bouldin", minimum: nil, maximum: chosen.record.metrics["davies-bouldin"]!.value!)])
    let pass = try QualityGate(spec: passing).evaluate(run)
    #expect(pass.passed)
    #expect(pass.checks.map(\.name) == ["chosen", "quality", "min_stability", "min_segment_share", "segments", "metrics.davies-bouldin"])
    #expect(pass.checks[1].measured == .double(silhouette))
    #expect(pass.checks[4].measured == .int(3))

    let failing = GateSpec(quality: silhouette + 0.01, minStability: stability + 0.01, minSegments: 4, metrics: [.init(metric: "inertia", minimum: nil, maximum: 1)])
    let fail = try QualityGate(spec: failing).evaluate(run)
    #expect(!fail.passed)
    #expect(fail.failures.map(\.name) == ["quality", "min_stability", "segments", "metrics.inertia"])
    #expect(fail.failures[0].detail == "silhouette of the chosen trial is \(Leaderboard.rounded(silhouette)), below the threshold \(JSONNumber.plain(silhouette + 0.01)).")
    #expect(fail.failures[0].threshold == "≥ \(JSONNumber.plain(silhouette + 0.01))")
  }

  @Test("a lower-is-better ranking metric is gated from above; stability that was not computed fails with the fix")
  func directions() async throws {
    let fixture = try RunFixture(
      spec: """
        {"name": "db", "data": {"path": "customers.csv", "id": "customer_id"},
         "pipelines": [{"name": "imputed", "steps": ["impute"]}], "algorithms": [{"use": "kmeans", "grid": {"k": [2, 3]}}],
         "ranking": {"metric": "davies-bouldin"}, "stability": false}
        """)
    defer { fixture.remove() }
    let run = try ranked(fixture)
    let value = try #require(run.chosen?.record.metrics["davies-bouldin"]?.value)
    let report = try QualityGate(spec: GateSpec(quality: value - 0.01, minStability: 0.5)).evaluate(run)
    #expect(report.checks[1].threshold == "≤ \(JSONNumber.plain(value - 0.01))")
    #expect(report.checks[1].outcome == .failed)
    #expect(report.checks[2].outcome == .failed)
    #expect(report.checks[2].detail?.contains("stability was not computed; the spec turns it off (\"stability\": false)") == true)
  }

  @Test("against a baseline: the same run agrees fully; the same data under shuffled ids fails agreement but not shares")
  func baseline() async throws {
    let fixture = try RunFixture(spec: Self.stable + "}")
    defer { fixture.remove() }
    let run = try ranked(fixture)
    let same = try QualityGate(spec: GateSpec(baseline: .init(minAgreement: 0.9, maxShareShift: 0.01, sameChoice: true))).evaluate(run, baseline: run)
    #expect(same.passed)
    #expect(same.checks.map(\.name) == ["chosen", "baseline.min_ari", "baseline.max_share_shift", "baseline.same_choice"])
    #expect(same.checks[1].measured == .double(1))
    #expect(same.checks[2].measured == .double(0))
    #expect(same.baseline?.agreement?.sharedRows == 90)

    // The same customers under shuffled ids (a seeded permutation): the partitions by id are unrelated.
    let rotated = try RunFixture(spec: Self.stable + "}")
    defer { rotated.remove() }
    let path = rotated.directory.appendingPathComponent("customers.csv")
    var lines = try String(contentsOf: path, encoding: .utf8).split(separator: "\n").map(String.init)
    var generator = SeededGenerator(seed: 17)
    let ids = lines.dropFirst().map { String($0.prefix { $0 != "," }) }.shuffled(using: &generator)
    for row in ids.indices { lines[row + 1] = ids[row] + lines[row + 1].drop { $0 != "," } }
    try (lines.joined(separator: "\n") + "\n").write(to: path, atomically: true, encoding: .utf8)
    let shuffled = try ranked(rotated, "shuffled")
    let report = try QualityGate(spec: GateSpec(baseline: .standard)).evaluate(run, baseline: shuffled)
    #expect(!report.passed)
    #expect(report.failures.map(\.name) == ["baseline.min_ari"])
    let ari = try #require(report.baseline?.agreement?.adjustedRandIndex)
    #expect(abs(ari) < 0.1)
    #expect(report.checks[2].outcome == .passed)

    // Without a baseline run, a baseline section's checks are listed as skipped, not passed.
    let skipped = try QualityGate(spec: GateSpec(baseline: .standard)).evaluate(run)
    #expect(skipped.passed)
    #expect(skipped.checks.dropFirst().allSatisfy { $0.outcome == .skipped })
  }

  @Test("JUnit XML parses: one testcase per check, a failure carrying value and threshold; Markdown and JSON agree")
  func renderings() async throws {
    let fixture = try RunFixture(spec: Self.stable + "}")
    defer { fixture.remove() }
    let run = try ranked(fixture)
    let report = try QualityGate(spec: GateSpec(quality: 0.99, minSegments: 2, baseline: .standard)).evaluate(run)
    #if canImport(FoundationXML)
      let document = try XMLDocument(xmlString: report.junit)
      let suite = try #require(document.rootElement()?.elements(forName: "testsuite").first)
      #expect(suite.attribute(forName: "tests")?.stringValue == "5")
      #expect(suite.attribute(forName: "failures")?.stringValue == "1")
      #expect(suite.attribute(forName: "skipped")?.stringValue == "2")
      let cases = suite.elements(forName: "testcase")
      #expect(cases.count == 5)
      let failed = try #require(cases.first { !$0.elements(forName: "failure").isEmpty })
      #expect(failed.attribute(forName: "name")?.stringValue?.hasPrefix("quality: silhouette") == true)
      let failure = try #require(failed.elements(forName: "failure").first)
      #expect(failure.attribute(forName: "message")?.stringValue?.contains("below the threshold 0.99") == true)
      #expect(failure.stringValue?.contains("threshold ≥ 0.99") == true)
    #endif
    #expect(report.markdown.hasPrefix("## ❌ Quality gate failed: 1 of 5 checks — gated\n"))
    #expect(report.markdown.contains("| ❌ | `quality`: silhouette of the chosen trial |"))
    let json = try JSONParser.parse(report.json.prettyText)
    #expect(json.object?["passed"] == false)
    #expect(json.object?["checks"]?.array?.count == 5)
    #expect(GateReport.escaped(#"a<b & "c" 'd'>"#) == "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;")
  }

  @Test("a spec's gate is derived at finalize: gate files and metrics.json in the run; a changed gate re-derives without refitting")
  func inRun() async throws {
    let fixture = try RunFixture(spec: Self.stable + #", "gate": {"min_segments": 2, "max_segments": 6}}"#)
    defer { fixture.remove() }
    let first = try fixture.run(out: fixture.results("g"), jobs: 2)
    let gate = try JSONParser.parse(String(contentsOfFile: first.directory + "/gate.json", encoding: .utf8))
    #expect(gate.object?["passed"] == true)
    #expect(FileManager.default.fileExists(atPath: first.directory + "/gate.xml"))
    #expect(FileManager.default.fileExists(atPath: first.directory + "/gate.md"))
    let metrics = try JSONParser.parse(String(contentsOfFile: first.directory + "/metrics.json", encoding: .utf8))
    #expect(metrics.object?["chosen"]?.object?["config_hash"]?.string == first.leaderboard.ranked[0].record.configHash)
    #expect(metrics.object?["trials"]?.object?["ok"] == 3)

    try (Self.stable + #", "gate": {"min_segments": 5}}"#).write(to: fixture.specURL, atomically: true, encoding: .utf8)
    let second = try fixture.run(out: fixture.results("g"), jobs: 2)
    #expect(second.directory == first.directory)
    #expect(second.resumed == 3)
    let regated = try JSONParser.parse(String(contentsOfFile: first.directory + "/gate.json", encoding: .utf8))
    #expect(regated.object?["passed"] == false)
    let manifest = try RunManifest.read(RunFolder(existing: first.directory))
    #expect(manifest.spec.object?["gate"]?.object?["min_segments"] == 5)
    #expect(manifest.status == .finished)
  }
}
