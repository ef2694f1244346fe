import Foundation
import Testing
import WorkbenchKit
import WorkbenchTestSupport

/// A temporary folder holding the evaluate fixture's data and labels files.
private struct EvaluateWorkspace {
  let directory: URL
  let expected: JSONValue
  let fixture: JSONValue

  init(labels: String? = nil) throws {
    fixture = try MetricsFixture.document("evaluate-blobs")
    expected = try FixtureLoader.field(fixture, "expected")
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("evaluate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try (FixtureLoader.field(fixture, "data_csv").string ?? "").write(to: path("data.csv"), atomically: true, encoding: .utf8)
    try (labels ?? FixtureLoader.field(fixture, "labels_csv").string ?? "").write(to: path("labels.csv"), atomically: true, encoding: .utf8)
  }

  func path(_ name: String) -> URL { directory.appendingPathComponent(name) }

  func evaluation(scaling: SingleTrial.Scaling = .none, truth: String? = "segment", metrics: [String]? = nil, id: String? = "customer") -> SegmentationEvaluation {
    SegmentationEvaluation(
      dataPath: path("data.csv").path, labelsPath: path("labels.csv").path, idColumn: id, scaling: scaling, truthColumn: truth, metrics: metrics)
  }

  func remove() { try? FileManager.default.removeItem(at: directory) }
}

@Suite("scoring an existing segmentation")
struct SegmentationEvaluationTests {
  @Test("every default metric equals scikit-learn's value on the scored rows, raw and standard-scaled", arguments: SingleTrial.Scaling.allCases)
  func matchesScikitLearn(_ scaling: SingleTrial.Scaling) throws {
    let workspace = try EvaluateWorkspace()
    defer { workspace.remove() }
    let report = try workspace.evaluation(scaling: scaling).run(registry: .builtIn)
    let expected = try #require(workspace.expected.object?[scaling.rawValue]?.object)
    for (name, value) in expected.sorted(by: { $0.key < $1.key }) {
      let score = try #require(report.scores.first { $0.name == name }?.score.value, "\(name)")
      expectClose(score, try #require(value.number), relative: 1e-9, floor: 1e-12, "\(name) (\(scaling))")
    }
    #expect(report.scoredRows == workspace.fixture.object?["scored_rows"]?.integer)
    #expect(report.excludedRows == workspace.fixture.object?["excluded_rows"]?.integer)
    #expect(report.noiseRows == workspace.fixture.object?["noise_rows"]?.integer)
    #expect(report.contingency?.total == report.scoredRows)
  }

  @Test("the defaults are the metrics needing only features and labels, plus external ones with a truth column")
  func defaults() {
    let featureOnly = SegmentationEvaluation.defaultMetrics(in: .builtIn, withTruth: false)
    #expect(featureOnly == ["silhouette", "calinski-harabasz", "davies-bouldin", "inertia", "simplified-silhouette", "dunn"])
    let all = SegmentationEvaluation.defaultMetrics(in: .builtIn, withTruth: true)
    #expect(all == featureOnly + ["ari", "ami", "nmi", "homogeneity", "completeness", "v-measure", "fowlkes-mallows", "purity"])
  }

  @Test("labels that are not 0…k−1 are scored as given and reported by their own names")
  func arbitraryLabels() throws {
    let workspace = try EvaluateWorkspace(labels: "customer,label\n" + (0..<120).map { String(format: "cust-%04d,%d", $0, [10, 40, 7][$0 % 3]) }.joined(separator: "\n"))
    defer { workspace.remove() }
    let report = try workspace.evaluation(truth: nil).run(registry: .builtIn)
    #expect(report.clusterLabels == [7, 10, 40])
    #expect(report.clusterSizes == [40, 40, 40])
    #expect(report.excludedRows == 0)
  }

  @Test("ids missing on either side are an error naming up to five of them and the count")
  func mismatchedIds() throws {
    let lines = (0..<110).map { String(format: "cust-%04d,1", $0) } + (0..<7).map { "ghost-\($0),0" }
    let workspace = try EvaluateWorkspace(labels: "customer,label\n" + lines.joined(separator: "\n"))
    defer { workspace.remove() }
    #expect {
      try workspace.evaluation().run(registry: .builtIn)
    } throws: { error in
      let text = "\(error)"
      return error is DataError && text.contains("7 ids") && text.contains("'ghost-0'") && text.contains("'ghost-4'") && !text.contains("'ghost-5'")
        && text.contains("10 rows") && text.contains("'cust-0110'")
    }
  }

  @Test("a label that is not an integer is located at its line")
  func badLabel() throws {
    let workspace = try EvaluateWorkspace(labels: "customer,label\ncust-0000,1\ncust-0001,two\n")
    defer { workspace.remove() }
    #expect {
      try SegmentationLabels.read(path: workspace.path("labels.csv").path)
    } throws: { error in "\(error)".contains("line 3") && "\(error)".contains("'two'") }
  }

  @Test("unknown metrics and columns are located at the setting's JSON path and suggest the nearest names")
  func unknownNames() throws {
    let workspace = try EvaluateWorkspace()
    defer { workspace.remove() }
    #expect { try workspace.evaluation(metrics: ["silhuette"]).run(registry: .builtIn) } throws: { error in
      (error as? SpecError)?.problems.map(\.location.jsonPath) == ["metrics"] && "\(error)".contains("'silhouette'")
    }
    #expect { try workspace.evaluation(truth: "segmnt").run(registry: .builtIn) } throws: { error in
      (error as? SpecError)?.problems.map(\.location.jsonPath) == ["data.truth"] && "\(error)".contains("'segment'")
    }
  }

  @Test("the JSON report carries values, reasons and the contingency table")
  func json() throws {
    let workspace = try EvaluateWorkspace()
    defer { workspace.remove() }
    let report = try workspace.evaluation(metrics: ["silhouette", "ari"]).run(registry: .builtIn)
    let json = try #require(report.json.object)
    #expect(json["metrics"]?.object?.keys.sorted() == ["ari", "silhouette"])
    #expect(json["contingency"]?.object?["classes"] == ["s0", "s1", "s2"])
    #expect(json["excluded_rows"] == 7)
    #expect(report.text.contains("skipped 7 rows"))
  }
}
