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
}
