import Foundation
import Testing

/// What a new user hit on their first day (issue 12), each through the built executable.
@Suite("rough edges a new user hit")
struct NewUserTests {
  /// The shipped data sets, found from this file.
  static let shippedData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("experiments/data")

  @Test("cluster with gmm prints BIC and AIC; model-based trials report both by default")
  func gmmReportsInformationCriteria() throws {
    let ws = try Workspace()
    let out = try ws.run("cluster", Self.shippedData.appendingPathComponent("iris.csv").path, "--id", "id", "--algorithm", "gmm", "--set", "k=3", "--json")
    #expect(out.status == 0, "\(out.stderr)")
    let metrics = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
    let values = metrics?["metrics"] as? [String: Any]
    #expect((values?["bic"] as? Double).map { abs($0 - 580.8612784697602) < 1e-9 } == true, "\(out.stdout)")
    #expect((values?["aic"] as? Double).map { abs($0 - 448.39332552952504) < 1e-9 } == true)
    let kmeans = try ws.run("cluster", Self.shippedData.appendingPathComponent("iris.csv").path, "--id", "id", "--set", "k=3", "--json")
    #expect(!kmeans.stdout.contains("\"bic\""))
  }

  @Test("a no-op re-run keeps the manifest's start and finish times")
  func noOpRerunKeepsTimes() throws {
    let ws = try Workspace([
      "data.csv": "id,a,b\n" + (0..<40).map { "\($0),\(Double($0 % 2) * 5 + Double($0) * 0.01),\(Double($0 % 3))" }.joined(separator: "\n") + "\n",
      "spec.json": #"{"name": "again", "data": {"path": "data.csv", "id": "id"}, "algorithms": [{"use": "kmeans", "grid": {"k": [2, 3]}}]}"#,
    ])
    #expect(try ws.run("run", "spec.json", "--quiet").status == 0)
    let folder = try ws.runFolder("again")
    let first = try ws.read(folder + "/manifest.json")
    Thread.sleep(forTimeInterval: 1.1)
    #expect(try ws.run("run", "spec.json", "--quiet").status == 0)
    #expect(try ws.read(folder + "/manifest.json") == first)
  }
}
