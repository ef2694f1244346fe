import Foundation
import Testing
import WorkbenchKit

@Suite("workbench evaluate")
struct EvaluateCommandTests {
  /// The evaluate fixture written by Tests/WorkbenchKitTests/Fixtures/generate_metrics_fixtures.py.
  private func fixture() throws -> JSONValue {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("WorkbenchKitTests/Fixtures/evaluate-blobs.json")
    return try JSONParser.parse([UInt8](Data(contentsOf: url)))
  }

  private func workspace(_ fixture: JSONValue) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-evaluate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try (fixture.object?["data_csv"]?.string ?? "").write(to: directory.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
    try (fixture.object?["labels_csv"]?.string ?? "").write(to: directory.appendingPathComponent("labels.csv"), atomically: true, encoding: .utf8)
    return directory
  }

  @Test("--json agrees with scikit-learn to 1e-9 relative for every default metric, raw and standard-scaled")
  func jsonMatchesScikitLearn() throws {
    let fixture = try fixture()
    let dir = try workspace(fixture)
    defer { try? FileManager.default.removeItem(at: dir) }
    for scale in ["none", "standard"] {
      let output = try CommandRunner.run(
        ["evaluate", "data.csv", "--labels", "labels.csv", "--id", "customer", "--truth", "segment", "--scale", scale, "--json"], in: dir)
      #expect(output.status == 0, "\(output.stderr)")
      let metrics = try #require(JSONParser.parse(output.stdout).object?["metrics"]?.object)
      let expected = try #require(fixture.object?["expected"]?.object?[scale]?.object)
      for (name, value) in expected.sorted(by: { $0.key < $1.key }) {
        let observed = try #require(metrics[name]?.number, "\(name)")
        let reference = try #require(value.number)
        #expect(abs(observed - reference) <= 1e-9 * abs(reference), "\(scale) \(name): \(observed) vs \(reference)")
      }
    }
  }

  @Test("text output names the skipped rows; a bad metric name exits 2 with a suggestion")
  func textAndErrors() throws {
    let dir = try workspace(fixture())
    defer { try? FileManager.default.removeItem(at: dir) }
    let text = try CommandRunner.run(["evaluate", "data.csv", "--labels", "labels.csv", "--id", "customer"], in: dir)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("skipped 7 rows") && text.stdout.contains("silhouette"))
    let bad = try CommandRunner.run(["evaluate", "data.csv", "--labels", "labels.csv", "--id", "customer", "--metrics", "silhuette"], in: dir)
    #expect(bad.status == 2)
    #expect(bad.stderr.hasPrefix("error: --metrics: there is no metric called 'silhuette'. Did you mean 'silhouette'?"))
    let mismatch = try CommandRunner.run(["evaluate", "data.csv", "--labels", "labels.csv"], in: dir)
    #expect(mismatch.status == 3)
    #expect(mismatch.stderr.contains("Fix: name the data's id column"))
    let truth = try CommandRunner.run(["evaluate", "data.csv", "--labels", "labels.csv", "--id", "customer", "--truth", "segmnt"], in: dir)
    #expect(truth.status == 2)
    #expect(truth.stderr.hasPrefix("error: --truth: the column 'segmnt' is not in data.csv. Did you mean 'segment'?"), "\(truth.stderr)")
  }

  @Test("a truth or id column listed among the features is a usage error naming --truth or --id")
  func truthAsFeature() throws {
    let ws = try Workspace(["data.csv": "id,a,b\n1,1,2\n2,1.1,2.1\n3,5,6\n4,5.1,6.1\n", "labels.csv": "id,label\n1,0\n2,0\n3,1\n4,1\n"])
    let truth = try ws.run("evaluate", "data.csv", "--labels", "labels.csv", "--id", "id", "--features", "a,b", "--truth", "b")
    #expect(truth.status == 2)
    #expect(truth.stderr.contains("--truth: the truth column 'b' is also listed as a feature."), "\(truth.stderr)")
    let id = try ws.run("evaluate", "data.csv", "--labels", "labels.csv", "--id", "a", "--features", "a,b")
    #expect(id.status == 2)
    #expect(id.stderr.contains("--id: the id column 'a' is also listed as a feature."), "\(id.stderr)")
  }

  @Test("features with gaps: external metrics need none; --impute fills them for the rest; without it the error names --impute")
  func gappyFeatures() throws {
    let ws = try Workspace([
      "data.csv": "id,a,b,truth\n1,0,0,x\n2,0,1,x\n3,5,,y\n4,5,6,y\n5,9,0,z\n6,9,1,z\n",
      "labels.csv": "id,label\n1,0\n2,0\n3,1\n4,1\n5,2\n6,2\n",
    ])
    let external = try ws.run("evaluate", "data.csv", "--labels", "labels.csv", "--id", "id", "--truth", "truth", "--metrics", "ari,purity")
    #expect(external.status == 0, "\(external.stderr)")
    #expect(external.stdout.contains("ari     1") && external.stdout.contains("purity  1"), "\(external.stdout)")
    let refused = try ws.run("evaluate", "data.csv", "--labels", "labels.csv", "--id", "id", "--metrics", "silhouette")
    #expect(refused.status == 3)
    #expect(refused.stderr.contains("the column 'b' has 1 missing value") && refused.stderr.contains("Fix: fill missing cells with --impute median"))
    let imputed = try ws.run("evaluate", "data.csv", "--labels", "labels.csv", "--id", "id", "--metrics", "silhouette", "--impute", "median", "--json")
    #expect(imputed.status == 0, "\(imputed.stderr)")
    // b's median over 0, 1, 6, 0, 1 is 1, so row 3 is (5, 1); silhouette of that table, computed by hand with scikit-learn's formula.
    let silhouette = try #require(JSONParser.parse(imputed.stdout).object?["metrics"]?.object?["silhouette"]?.number)
    #expect(abs(silhouette - Self.silhouette([[0, 0], [0, 1], [5, 1], [5, 6], [9, 0], [9, 1]], labels: [0, 0, 1, 1, 2, 2])) < 1e-12)
    let misspelt = try ws.run("evaluate", "data.csv", "--labels", "labels.csv", "--id", "id", "--impute", "medain")
    #expect(misspelt.status == 2 && misspelt.stderr.contains("error: --impute: the 'strategy' parameter of impute must be one of"))
  }

  /// Mean silhouette (Rousseeuw) of `x` under `labels`, written out plainly as the reference for one small case.
  static func silhouette(_ x: [[Double]], labels: [Int]) -> Double {
    func d(_ i: Int, _ j: Int) -> Double { zip(x[i], x[j]).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot() }
    let n = x.count
    var total = 0.0
    for i in 0..<n {
      let own = (0..<n).filter { $0 != i && labels[$0] == labels[i] }
      let a = own.map { d(i, $0) }.reduce(0, +) / Double(own.count)
      let b = Set(labels).subtracting([labels[i]]).map { c in
        let members = (0..<n).filter { labels[$0] == c }
        return members.map { d(i, $0) }.reduce(0, +) / Double(members.count)
      }.min()!
      total += (b - a) / max(a, b)
    }
    return total / Double(n)
  }
}
