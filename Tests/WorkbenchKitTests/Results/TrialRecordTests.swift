import Testing
@testable import WorkbenchKit

@Suite("Trial records")
struct TrialRecordTests {
  @Test("a record survives its JSON line unchanged")
  func roundTrip() throws {
    let record = TrialRecord(
      index: 3, configHash: "abcdef0123456789", seed: UInt64.max - 5, pipeline: "scaled",
      configuration: ["algorithm": ["use": "kmeans", "params": ["k": 3]], "pipeline": []], status: .ok, clusterCount: 3,
      sizes: [10, 20, 30], metrics: ["silhouette": .value(0.5), "davies-bouldin": .undefined("one cluster")],
      diagnostics: ["iterations": 4], preprocessing: [.null])
    let line = record.json.canonicalText
    #expect(TrialRecord(json: try JSONParser.parse(line)) == record)
    #expect(line.contains(#""seed":"18446744073709551610""#))
    #expect(line.contains(#""undefined_metrics":{"davies-bouldin":"one cluster"}"#))
  }
}
