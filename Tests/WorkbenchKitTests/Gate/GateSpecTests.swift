import Foundation
import Testing
@testable import WorkbenchKit

@Suite("Gate specs: the spec's gate section and --gate files")
struct GateSpecTests {
  let metrics = ["silhouette", "davies-bouldin", "inertia"]

  func read(_ text: String) -> (GateSpec?, [Problem]) {
    var problems: [Problem] = []
    let gate = GateSpec.read(try! JSONParser.parse(text), metrics: metrics, at: Location(file: "spec.json", jsonPath: "gate"), problems: &problems)
    return (gate, problems)
  }

  @Test("every key is read; absent thresholds stay unchecked; a baseline object takes defaults for what it leaves out")
  func reads() throws {
    let (gate, problems) = read(
      """
      {"quality": 0.25, "min_stability": 0.8, "min_segment_share": 0.05, "min_segments": 3, "max_segments": 8,
       "metrics": {"inertia": {"max": 900}, "davies-bouldin": {"min": 0.1, "max": 1.5}}, "baseline": {"min_ari": 0.7}}
      """)
    #expect(problems.isEmpty)
    let expected = GateSpec(
      quality: 0.25, minStability: 0.8, minSegmentShare: 0.05, minSegments: 3, maxSegments: 8,
      metrics: [.init(metric: "inertia", minimum: nil, maximum: 900), .init(metric: "davies-bouldin", minimum: 0.1, maximum: 1.5)],
      baseline: .init(minAgreement: 0.7, maxShareShift: 0.05, sameChoice: false))
    #expect(gate == expected)
    #expect(gate?.metrics.map(\.metric) == ["davies-bouldin", "inertia"])
    let (empty, none) = read("{}")
    #expect(none.isEmpty)
    #expect(empty == GateSpec())
    #expect(empty?.baseline == nil)
  }

  @Test("every problem is reported at its JSON path: unknown keys, wrong types, empty ranges, unknown metrics")
  func problems() throws {
    let (gate, problems) = read(
      """
      {"qualty": 0.2, "min_stability": 2, "min_segments": 5, "max_segments": 3,
       "metrics": {"silhouete": {"min": 0}, "inertia": {"min": 5, "max": 1}, "davies-bouldin": {"at_most": 1}},
       "baseline": {"min_ari": "high", "same": true}}
      """)
    #expect(gate == nil)
    let paths = problems.map { $0.location.jsonPath ?? "" }
    #expect(paths.contains("gate.qualty"))
    #expect(paths.contains("gate.min_stability"))
    #expect(paths.contains("gate.min_segments"))
    #expect(paths.contains("gate.metrics.silhouete"))
    #expect(paths.contains("gate.metrics.inertia"))
    #expect(paths.contains("gate.metrics.davies-bouldin"))
    #expect(paths.contains("gate.baseline.min_ari"))
    #expect(paths.contains("gate.baseline.same"))
    #expect(problems.first { $0.location.jsonPath == "gate.qualty" }?.message.contains("Did you mean 'quality'?") == true)
    #expect(problems.first { $0.location.jsonPath == "gate.metrics.silhouete" }?.message.contains("Did you mean 'silhouette'?") == true)
  }

  @Test("the spec reader takes a gate section, checks it against the spec's metrics, and the run key ignores it")
  func inSpec() throws {
    let base = """
      {"name": "g", "data": {"path": "d.csv"}, "algorithms": [{"use": "kmeans", "grid": {"k": [2, 3]}}], "metrics": ["silhouette", "inertia"]
      """
    let reader = ExperimentReader(registry: .builtIn)
    let with = try reader.plan(try JSONParser.parse(base + #", "gate": {"quality": 0.3, "metrics": {"inertia": {"max": 10}}}}"#), file: "s.json", baseDirectory: "/")
    let without = try reader.plan(try JSONParser.parse(base + "}"), file: "s.json", baseDirectory: "/")
    #expect(with.experiment.gate?.quality == 0.3)
    #expect(without.experiment.gate == nil)
    #expect(RunKey.of(plan: with, dataFingerprint: "abc") == RunKey.of(plan: without, dataFingerprint: "abc"))
    let error = #expect(throws: SpecError.self) {
      try reader.plan(try JSONParser.parse(base + #", "gate": {"metrics": {"dunn": {"min": 0.1}}}}"#), file: "s.json", baseDirectory: "/")
    }
    #expect(error?.problems.first?.location.jsonPath == "gate.metrics.dunn")
  }

  @Test("a --gate file: read, or a located error for a missing file and malformed JSON")
  func file() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let good = folder.appendingPathComponent("good.json").path
    try #"{"min_segments": 2, "baseline": {"same_choice": true}}"#.write(toFile: good, atomically: true, encoding: .utf8)
    let gate = try GateSpec.read(path: good, metrics: metrics)
    #expect(gate.minSegments == 2)
    #expect(gate.baseline == GateSpec.Baseline(minAgreement: 0.8, maxShareShift: 0.05, sameChoice: true))
    let bad = folder.appendingPathComponent("bad.json").path
    try "{\"quality\": }".write(toFile: bad, atomically: true, encoding: .utf8)
    let malformed = #expect(throws: SpecError.self) { try GateSpec.read(path: bad, metrics: metrics) }
    #expect(malformed?.problems.first?.location.line == 1)
    #expect(throws: SpecError.self) { try GateSpec.read(path: folder.appendingPathComponent("none.json").path, metrics: metrics) }
  }
}
