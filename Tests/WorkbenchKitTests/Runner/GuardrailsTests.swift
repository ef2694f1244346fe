import Testing
@testable import WorkbenchKit

@Suite("Guardrails before quadratic work")
struct GuardrailsTests {
  func plan(metrics: String) throws -> TrialPlan {
    let spec = try JSONParser.parse(#"{"name": "g", "data": {"path": "d.csv"}, "algorithms": ["kmeans", {"use": "kmedoids", "params": {"k": 3}}], "metrics": \#(metrics)}"#)
    return try ExperimentReader(registry: .builtIn).plan(spec, file: "g.json", baseDirectory: "/")
  }

  @Test("silhouette is sampled above the work limit unless the spec sets sample_size; Dunn cannot be and is only estimated")
  func sampling() throws {
    let base = try plan(metrics: #"["silhouette", "dunn"]"#)
    let small = Guardrails.apply(to: base, rows: 49_000, columns: 16, registry: .builtIn, pairsPerSecond: 1e9)
    #expect(small.plan.metrics[0].parameters.values["sample_size"] == "all")
    #expect(small.estimates.map(\.sampledWith) == [nil, nil, nil])
    let large = Guardrails.apply(to: base, rows: 51_000, columns: 16, registry: .builtIn, pairsPerSecond: 1e9)
    #expect(large.plan.metrics[0].parameters.values["sample_size"] == 10_000)
    #expect(large.plan.metrics[0].parameters.values["repeats"] == 10)
    #expect(large.plan.metrics[1].parameters == base.metrics[1].parameters)
    #expect(large.estimates.map(\.plugin) == ["silhouette", "dunn", "kmedoids"])
    #expect(large.estimates[0].sampledWith == "repeats=10 sample_size=10000")
    #expect(large.estimates[1].sampledWith == nil && large.estimates[1].isNotable)
    #expect(large.estimates[2].memoryBytes == 8.0 * 51_000 * 51_000)
    // 51,000² · 16 / 2 pair-columns at 1e9 per second.
    #expect(large.estimates[0].exactSeconds == 51_000.0 * 51_000 * 16 / 2 / 1e9)
    #expect(large.estimates[0].text.hasPrefix("silhouette: exact on 51,000 rows takes about 21 s per trial; estimated instead (repeats=10 sample_size=10000)"))
  }

  @Test("an explicit sample_size is kept, whatever the data size")
  func explicitExact() throws {
    let base = try plan(metrics: #"[{"use": "silhouette", "params": {"sample_size": "all"}}]"#)
    let large = Guardrails.apply(to: base, rows: 1_000_000, columns: 16, registry: .builtIn, pairsPerSecond: 1e9)
    #expect(large.plan.metrics[0].parameters.values["sample_size"] == "all")
    #expect(large.estimates[0].sampledWith == nil && large.estimates[0].exactRequested)
    #expect(large.estimates[0].text.contains("about 2 h per trial (exact value requested in the spec)"))
  }
}
