import Testing
@testable import WorkbenchKit

@Suite("Grid expansion, config hashes and seeds")
struct TrialPlanTests {
  func plan(_ text: String) throws -> TrialPlan {
    let experiment = try ExperimentReader(registry: .builtIn).read(try JSONParser.parse(text), file: "spec.json", baseDirectory: "/")
    return try TrialPlan.expand(experiment, registry: .builtIn).get()
  }

  let spec = """
    {"name": "x", "seed": 1, "data": {"path": "d.csv"},
     "pipelines": [{"name": "raw"}, {"name": "scaled", "steps": ["standard-scaler"]}],
     "algorithms": [{"use": "kmeans", "grid": {"k": [2, 3], "n_init": [1, 5]}}]}
    """

  @Test("trials are pipelines × algorithm grid, last parameter fastest")
  func order() throws {
    let p = try plan(spec)
    #expect(p.trials.count == 8)
    #expect(p.trials.map(\.index) == Array(0..<8))
    #expect(p.trials.map(\.pipeline.name) == ["raw", "raw", "raw", "raw", "scaled", "scaled", "scaled", "scaled"])
    #expect(p.trials.prefix(4).map { $0.algorithm.parameters.int("k") } == [2, 2, 3, 3])
    #expect(p.trials.prefix(4).map { $0.algorithm.parameters.int("n_init") } == [1, 5, 1, 5])
  }

  @Test("the config hash covers defaults, so stating a default changes nothing")
  func defaultsInHash() throws {
    let implicit = try plan(#"{"name": "x", "data": {"path": "d.csv"}, "algorithms": [{"use": "kmeans", "params": {"k": 3}}]}"#)
    let explicit = try plan(#"{"name": "x", "data": {"path": "d.csv"}, "algorithms": [{"use": "kmeans", "params": {"k": 3, "max_iter": 300}}]}"#)
    let changed = try plan(#"{"name": "x", "data": {"path": "d.csv"}, "algorithms": [{"use": "kmeans", "params": {"k": 3, "max_iter": 301}}]}"#)
    #expect(implicit.trials[0].configHash == explicit.trials[0].configHash)
    #expect(implicit.trials[0].configHash != changed.trials[0].configHash)
    #expect(implicit.trials[0].configuration.canonicalText.contains("\"max_iter\":300"))
  }

  @Test("seeds depend on experiment seed and config, not on position")
  func seeds() throws {
    let p = try plan(spec)
    let reordered = try plan(spec.replacingOccurrences(of: "[2, 3]", with: "[3, 2]"))
    for trial in p.trials {
      let twin = reordered.trials.first { $0.configHash == trial.configHash }
      #expect(twin?.seed == trial.seed)
      #expect(twin?.index != nil)
    }
    #expect(Set(p.trials.map(\.seed)).count == p.trials.count)
    let otherSeed = try plan(spec.replacingOccurrences(of: "\"seed\": 1", with: "\"seed\": 2"))
    #expect(otherSeed.trials[0].configHash == p.trials[0].configHash)
    #expect(otherSeed.trials[0].seed != p.trials[0].seed)
  }

  @Test("seed derivation is fixed forever")
  func seedValue() {
    // SHA-256("42:0123456789abcdef:0"), first 8 bytes big-endian.
    let expected = UInt64(DataFingerprint.sha256(of: "42:0123456789abcdef:0").prefix(16), radix: 16)
    #expect(TrialSeed.seed(experimentSeed: 42, configHash: "0123456789abcdef") == expected)
  }
}
