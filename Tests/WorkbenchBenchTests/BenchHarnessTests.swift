import Foundation
import Testing
import WorkbenchBench
import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

@Suite("bench harness: statistics, ratios, child JSON")
struct BenchHarnessTests {
  @Test("the median is the middle value, or the mean of the two middle values")
  func median() throws {
    let odd = try #require(BenchSummary([5, 1, 3]))
    #expect(odd.median == 3 && odd.min == 1 && odd.max == 5 && odd.count == 3)
    let even = try #require(BenchSummary([4, 1, 3, 2]))
    #expect(even.median == 2.5)
    #expect(BenchSummary([]) == nil)
  }

  @Test("the spread is half the range relative to the median")
  func spread() throws {
    let s = try #require(BenchSummary([0.9, 1.0, 1.1]))
    expectClose(s.relativeSpread, 0.1, relative: 1e-12)
    #expect(try #require(BenchSummary([0, 0])).relativeSpread == 0)
  }

  @Test("ratios pair the i-th run of each side and drop unmatched runs and zero denominators")
  func pairing() {
    #expect(BenchRatio.pairwise(ours: [2, 3, 8, 9], theirs: [4, 0, 2]) == [0.5, 4])
    #expect(BenchRatio.pairwise(ours: [], theirs: [1]) == [])
  }

  @Test("a child's JSON is found after other output and decoded, Python's nulls included")
  func parseChild() throws {
    let python = """
      some warning line
      {"columns": 16, "environment": {"blas": "openblas"}, "implementation": "scikit-learn", "iterations": [20, 20], \
      "notes": [], "peak_rss_bytes": 1048576, "rows": 1000, "seconds": [2.0, 4.0], "size": "L", "skipped": null, \
      "workload": "kmeans", "extra": 1}
      """
    let m = try BenchMeasurement.parse(childOutput: python, source: "test")
    #expect(m.workload == .kmeans && m.size == .large && m.peakRSSBytes == 1_048_576)
    #expect(m.secondsPerIteration == [0.1, 0.2])
    #expect(m.environment["blas"] == "openblas")
    let ours = BenchMeasurement(implementation: "workbench", workload: .silhouette, size: .medium, rows: 5, columns: 2, seconds: [1])
    #expect(try BenchMeasurement.parse(childOutput: try BenchJSON.text(ours), source: "test") == ours)
    #expect(ours.secondsPerIteration == nil)
    #expect(throws: ResultStoreError.self) { try BenchMeasurement.parse(childOutput: "Traceback: boom", source: "test") }
  }

  @Test("VmHWM is read in kibibytes from a /proc status text")
  func peakMemory() {
    #expect(PeakMemory.parse(status: "Name:\tworkbench\nVmPeak:\t  9000 kB\nVmHWM:\t    2048 kB\nVmRSS:\t 1000 kB\n") == 2_097_152)
    #expect(PeakMemory.parse(status: "Name:\tx\n") == nil)
  }

  @Test("merging children concatenates repetitions in order and keeps the largest peak")
  func merge() throws {
    let a = BenchMeasurement(
      implementation: "workbench", workload: .kmeans, size: .large, rows: 1, columns: 1, seconds: [1], iterations: [20], peakRSSBytes: 10)
    var b = a
    b.seconds = [3]
    b.iterations = [19]
    b.peakRSSBytes = 30
    let merged = try #require(BenchOrchestrator.merge([a, b]))
    #expect(merged.seconds == [1, 3] && merged.iterations == [20, 19] && merged.peakRSSBytes == 30)
    #expect(BenchOrchestrator.merge([]) == nil)
  }

  @Test("a row compares per iteration for iterative workloads and states its fraction of the limit")
  func row() throws {
    let ours = BenchMeasurement(
      implementation: "workbench", workload: .kmeans, size: .large, rows: 1_000, columns: 10, seconds: [2, 4], iterations: [20, 20])
    let theirs = BenchMeasurement(
      implementation: "scikit-learn", workload: .kmeans, size: .large, rows: 1_000, columns: 10, seconds: [1, 2], iterations: [10, 20])
    let limits = MachineLimits(bytesPerSecond: 1e9, streamedBytes: 1 << 30, distanceFLOPsPerSecond: 2.4e6)
    let row = BenchRow(ours: ours, theirs: theirs, limits: limits, fileBytes: 0)
    #expect(row.ratios == [1, 2])
    #expect(row.ratio?.median == 1.5)
    // One read of 1,000 rows × 10 columns × 8 bytes = 80,000 bytes per iteration; median 0.15 s per iteration.
    expectClose(try #require(row.oursFraction), 80_000 / 0.15 / 1e9, relative: 1e-12)
    let text = BenchReport(limits: limits, rows: [row]).markdown()
    #expect(text.contains("| kmeans | L | workbench | 3.00 | 2.00 | 4.00 | 0.150 | 20 |"))
    #expect(text.contains("| kmeans | L | 1.00, 2.00 | 1.50 | ±33 % |"))
  }

  @Test("a skipped workload has no ratio and says why")
  func skipped() {
    let ours = BenchMeasurement(implementation: "workbench", workload: .gmm, size: .medium, rows: 1, columns: 1, skipped: "gmm not registered")
    let row = BenchRow(ours: ours, theirs: nil, limits: nil, fileBytes: 0)
    #expect(row.ratio == nil)
    #expect(BenchReport(limits: nil, rows: [row]).markdown().contains("skipped: gmm not registered"))
  }

  @Test("every registered algorithm and metric is a workload once, after the five headline ones; names round-trip as JSON strings")
  func pluginWorkloads() throws {
    let registry = PluginRegistry.builtIn
    let all = BenchWorkload.all(in: registry)
    #expect(Array(all.prefix(5)) == [.csvLoad, .kmeans, .gmm, .silhouette, .grid])
    let plugins = registry.algorithms.map { $0.name } + registry.metrics.map { $0.name }
    #expect(Set(all.map(\.name)) == Set(["csv-load", "grid"] + plugins) && all.count == plugins.count + 2)
    #expect(all.contains(.plugin("purity")) && !all.contains(.plugin("kmeans")))
    for workload in all {
      #expect(BenchWorkload(name: workload.name) == workload)
      let json = try BenchJSON.encode(workload)
      #expect(String(decoding: json, as: UTF8.self) == "\"\(workload.name)\"")
      #expect(try BenchJSON.decode(BenchWorkload.self, from: json, source: "test") == workload)
    }
    #expect(BenchWorkload.plugin("dunn").defaultSize == .small)
  }

  @Test("the streaming sum equals a plain sum for lengths 0 to 40")
  func streamingSum() {
    for n in 0...40 {
      let values = (0..<n).map { Double($0 * 3 % 7) - 2.5 }
      #expect(Streaming.sum(values) == values.reduce(0, +), "n = \(n)")
    }
  }
}
