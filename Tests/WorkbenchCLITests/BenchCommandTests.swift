import Foundation
import Testing
import WorkbenchBench
import WorkbenchKit

@Suite("workbench bench")
struct BenchCommandTests {
  func folder() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  @Test("a quick kmeans run on S measures in a child process and reports JSON with the machine's limits")
  func quickKMeans() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let output = try CommandRunner.run(["bench", "--size", "S", "--quick", "--workload", "kmeans", "--cache", "cache", "--json"], in: dir)
    #expect(output.status == 0, "\(output.stderr)")
    let report = try BenchJSON.decode(BenchReport.self, from: Data(output.stdout.utf8), source: "stdout")
    let row = try #require(report.rows.first)
    #expect(report.rows.count == 1 && row.workload == .kmeans && row.size == .small)
    #expect(row.ours.seconds.count == 1 && row.ours.rows == 10_000 && row.ours.columns == 8)
    #expect((row.ours.iterations?.first ?? 0) >= 1)
    #expect((row.ours.peakRSSBytes ?? 0) > 0)
    #expect((report.limits?.bytesPerSecond ?? 0) > 0 && (report.limits?.distanceFLOPsPerSecond ?? 0) > 0)
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("cache/bench-S.json").path))
    #if DEBUG
      #expect(output.stderr.contains("warning: this is a debug build"))
    #endif
  }

  @Test("plugin workloads fit or score on the S rows: fewer rows for k-medoids, a gmm clustering for BIC, truth for ARI")
  func pluginWorkloads() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let output = try CommandRunner.run(
      ["bench", "--quick", "--workload", "kmedoids,bic,ari", "--cache", "cache", "--json"], in: dir)
    #expect(output.status == 0, "\(output.stderr)")
    let report = try BenchJSON.decode(BenchReport.self, from: Data(output.stdout.utf8), source: "stdout")
    #expect(report.rows.map(\.workload.name) == ["kmedoids", "bic", "ari"])
    for row in report.rows {
      #expect(row.ours.skipped == nil && row.ours.seconds.count == 1 && row.ours.iterations == nil, "\(row.workload.name)")
      #expect(row.ours.rows == (row.workload.name == "kmedoids" ? 2_000 : 10_000), "\(row.workload.name)")
    }
    let notes = Dictionary(uniqueKeysWithValues: report.rows.map { ($0.workload.name, $0.ours.notes) })
    #expect(notes["bic"] == ["scores a gmm clustering (k = 8) of the same rows, fitted untimed"])
    #expect(notes["ari"] == [])
  }

  @Test("--compare without scikit-learn exits 2 and names the pip command")
  func missingBaseline() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    try "".write(to: dir.appendingPathComponent("baseline.py"), atomically: true, encoding: .utf8)
    let output = try CommandRunner.run(
      ["bench", "--compare", "--python", "/bin/false", "--baseline", "baseline.py", "--quick", "--workload", "csv-load", "--cache", "cache"], in: dir)
    #expect(output.status == 2)
    #expect(output.stderr.contains("scikit-learn or another baseline package is missing"))
    #expect(output.stderr.contains("pip install -r experiments/benchmarks/requirements.txt"))
  }

  @Test("an unknown workload is a usage error listing the known ones")
  func unknownWorkload() throws {
    let output = try CommandRunner.run(["bench", "--workload", "spectral-magic"])
    #expect(output.status == 2)
    #expect(output.stderr.contains("unknown workload 'spectral-magic'; use one of: csv-load, kmeans, gmm, silhouette, grid, minibatch-kmeans,"))
    #expect(output.stderr.contains(", fowlkes-mallows, purity."))
  }
}
