import Foundation
import Testing
import WorkbenchNumerics
@testable import WorkbenchKit

@Suite("verify on a run folder copied elsewhere")
struct PortableVerifyTests {
  @Test("a copied tree of spec, data and results verifies once the original is gone; a copied run with --spec or --data too")
  func copied() async throws {
    let fixture = try RunFixture()
    let summary = try fixture.run(out: fixture.results("results"), jobs: 2)
    let relativeRun = String(summary.directory.dropFirst(fixture.directory.path.count + 1))
    let copy = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-copy-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: copy) }
    try FileManager.default.copyItem(at: fixture.directory, to: copy)
    fixture.remove()
    let verifier = RunVerifier(registry: .builtIn)
    let report = try Executor.run(threads: 2) { try verifier.verify(runDirectory: copy.appendingPathComponent(relativeRun).path) }
    #expect(report.identical)
    // Per trial record, labels, model; 2 pipelines; trials.jsonl, k-selection, 2 leaderboards, metrics.json;
    // insight of the one method's best trial, segments.csv, customers.csv; report.html.
    let expectedFiles = 8 * 3 + 2 + 5 + 3 + 1
    #expect(report.compared.count == expectedFiles)

    // Only the run folder and the spec, in unrelated places: the data cannot be found without help.
    let elsewhere = copy.appendingPathComponent("audit/run").path
    try FileManager.default.createDirectory(atPath: copy.appendingPathComponent("audit").path, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: copy.appendingPathComponent(relativeRun).path, toPath: elsewhere)
    try FileManager.default.removeItem(at: copy.appendingPathComponent("results"))
    let lost = #expect(throws: DataError.self) { try verifier.verify(runDirectory: elsewhere) }
    #expect(lost?.description.contains("--data") == true)
    let withSpec = try Executor.run(threads: 2) { try verifier.verify(runDirectory: elsewhere, spec: copy.appendingPathComponent("spec.json").path) }
    #expect(withSpec.identical)
    let withData = try Executor.run(threads: 2) { try verifier.verify(runDirectory: elsewhere, data: copy.appendingPathComponent("customers.csv").path) }
    #expect(withData.identical)

    // Other data is refused by its SHA-256, naming the file, before it is read as data.
    let other = copy.appendingPathComponent("other.csv").path
    try "customer_id,x\nA,1\n".write(toFile: other, atomically: true, encoding: .utf8)
    let wrong = #expect(throws: DataError.self) { try verifier.verify(runDirectory: elsewhere, data: other) }
    #expect(wrong?.description.hasPrefix(other) == true)
    #expect(wrong?.description.contains("not the data the run used") == true)
    // A spec other than the run's is refused, naming where it differs.
    let changed = copy.appendingPathComponent("changed.json").path
    try String(contentsOf: copy.appendingPathComponent("spec.json"), encoding: .utf8).replacingOccurrences(of: "\"seed\": 5", with: "\"seed\": 6")
      .write(toFile: changed, atomically: true, encoding: .utf8)
    let differs = #expect(throws: SpecError.self) { try verifier.verify(runDirectory: elsewhere, spec: changed) }
    #expect(differs?.description.contains("seed: 5 → 6") == true)
  }
}
