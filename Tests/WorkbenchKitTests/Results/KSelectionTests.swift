import Testing
@testable import WorkbenchKit

@Suite("Choosing k")
struct KSelectionTests {
  func record(_ index: Int, k: Int, pipeline: String = "raw", silhouette: Double?, inertia: Double, stability: Double? = nil) -> TrialRecord {
    var record = TrialRecord(
      index: index, configHash: "h\(index)", seed: 1, pipeline: pipeline,
      configuration: ["algorithm": ["use": "kmeans", "params": ["k": .int(k), "n_init": 10]], "pipeline": .array(pipeline == "raw" ? [] : ["x"])],
      status: .ok, clusterCount: k, sizes: Array(repeating: 10, count: k),
      metrics: ["silhouette": silhouette.map(Score.value) ?? .undefined("n/a"), "inertia": .value(inertia)])
    record.stability = stability.map { StabilityResult(method: .bootstrap, resampleARI: [$0], clusterJaccard: [], failedResamples: 0, seedARI: []) }
    return record
  }

  @Test("Kneedle finds the elbow of a falling convex curve")
  func kneedle() {
    // A sharp elbow at k = 4: steep fall before, flat after.
    #expect(KSelection.kneedle([(2, 100), (3, 60), (4, 25), (5, 22), (6, 20), (7, 19)]) == 4)
    #expect(KSelection.kneedle([(2, 5), (3, 5), (4, 5)]) == nil)
    #expect(KSelection.kneedle([(2, 5), (3, 4)]) == nil)
  }

  @Test("rules pick max, min, and largest k above a threshold; undefined values are skipped")
  func rules() {
    let ks = [2, 3, 4, 5]
    #expect(KSelection.pick(.maximum, ks: ks, values: [0.5, 0.7, nil, 0.7]) == 3)
    #expect(KSelection.pick(.minimum, ks: ks, values: [0.5, 0.2, 0.2, 0.9]) == 3)
    #expect(KSelection.pick(.largestAtLeast(0.8), ks: ks, values: [0.95, 0.85, 0.7, 0.81]) == 5)
    #expect(KSelection.pick(.largestAtLeast(0.8), ks: ks, values: [0.5, 0.4, 0.7, 0.1]) == nil)
    #expect(KSelection.pick(.maximum, ks: ks, values: [nil, nil, nil, nil]) == nil)
  }

  @Test("trials group by everything but k; each rule votes; the consensus is the most picked k")
  func groups() {
    let records = [
      record(0, k: 2, silhouette: 0.4, inertia: 100, stability: 0.9), record(1, k: 3, silhouette: 0.6, inertia: 40, stability: 0.95),
      record(2, k: 4, silhouette: 0.5, inertia: 35, stability: 0.7), record(3, k: 5, silhouette: 0.45, inertia: 33, stability: 0.6),
      record(4, k: 2, pipeline: "scaled", silhouette: 0.3, inertia: 10), record(5, k: 3, pipeline: "scaled", silhouette: nil, inertia: 5),
    ]
    let selection = KSelection(records: records, metrics: [("silhouette", .maximum), ("inertia", .elbow)])
    #expect(selection.groups.count == 2)
    let raw = selection.groups[0]
    #expect(raw.ks == [2, 3, 4, 5])
    #expect(raw.choices.map(\.rule) == ["silhouette max", "inertia elbow (Kneedle)", "stability max"])
    #expect(raw.choices.map(\.k) == [3, 3, 3])
    #expect(raw.consensus?.k == 3 && raw.consensus?.votes == 3)
    let scaled = selection.groups[1]
    #expect(scaled.choices.map(\.k) == [2, nil])
    #expect(scaled.stability == nil)
    #expect(selection.json.canonicalText.contains(#""consensus":{"k":3,"rules":3,"rules_agreeing":3}"#))
  }
}

@Suite("Choosing k: group titles")
struct KSelectionTitleTests {
  func gmm(_ index: Int, k: Int, covariance: String) -> TrialRecord {
    TrialRecord(
      index: index, configHash: "g\(index)", seed: 1, pipeline: "scaled",
      configuration: ["algorithm": ["use": "gmm", "params": ["k": .int(k), "covariance_type": .string(covariance), "n_init": 1]], "pipeline": []],
      status: .ok, clusterCount: k, sizes: Array(repeating: 10, count: k), metrics: ["bic": .value(Double(100 - k))])
  }

  @Test("groups of the same pipeline and algorithm are titled by the settings that differ")
  func distinctTitles() {
    let records = [gmm(0, k: 2, covariance: "full"), gmm(1, k: 3, covariance: "full"), gmm(2, k: 2, covariance: "diag"), gmm(3, k: 3, covariance: "diag")]
    let selection = KSelection(records: records, metrics: [("bic", .minimum)])
    #expect(selection.groups.map { selection.title(of: $0) } == ["scaled · gmm covariance_type=full", "scaled · gmm covariance_type=diag"])
    #expect(selection.markdown.contains("**scaled · gmm covariance_type=diag** over k = 2, 3"))
    let single = KSelection(records: Array(records.prefix(2)), metrics: [("bic", .minimum)])
    #expect(single.groups.map { single.title(of: $0) } == ["scaled · gmm"])
  }
}
