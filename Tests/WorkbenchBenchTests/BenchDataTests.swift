import Foundation
import Testing
import WorkbenchBench
import WorkbenchKit
import WorkbenchTestSupport

@Suite("bench data: generator determinism and the fingerprinted cache")
struct BenchDataTests {
  @Test("the same generator writes the same bytes, and they never change without a version bump")
  func determinism() {
    let a = BenchDataGenerator(rows: 200, columns: 5).csv()
    let b = BenchDataGenerator(rows: 200, columns: 5).csv()
    #expect(a == b)
    #expect(BenchDataGenerator(rows: 200, columns: 5, seed: 1).csv() != a)
    #expect(DataFingerprint.sha256(of: a) == Self.expectedDigest, "generator output changed: bump BenchDataGenerator.version")
  }

  /// SHA-256 of the 200 × 5 table from the default seed, generator version 1.
  static let expectedDigest = "d3ba67643d97accf71e24059952351f1cd66541bcee293b472c11c91b33a927a"

  @Test("each CSV line holds row i's values, rounded to cents, under customer column names")
  func rowsMatchText() throws {
    let generator = BenchDataGenerator(rows: 50, columns: 3)
    let lines = String(decoding: generator.csv(), as: UTF8.self).split(separator: "\n")
    #expect(lines.count == 51)
    #expect(lines[0] == "age,income,recency_days")
    for i in [0, 17, 49] {
      let parsed = lines[i + 1].split(separator: ",").map { Double(String($0))! }
      #expect(parsed == generator.row(i).values)
    }
    let subset = String(decoding: generator.csv(rows: [17]), as: UTF8.self).split(separator: "\n")
    #expect(subset[1] == lines[18])
  }

  @Test("rows come from every blob, with customer-like scales")
  func scales() {
    let generator = BenchDataGenerator(rows: 2_000, columns: 2)
    let rows = (0..<generator.rows).map(generator.row)
    #expect(Set(rows.map(\.blob)).count == BenchDataGenerator.blobCount)
    let income = rows.map { $0.values[1] }.reduce(0, +) / Double(rows.count)
    #expect(income > 20_000 && income < 90_000)
  }

  @Test("the cache reuses files whose fingerprint matches and regenerates changed or missing ones")
  func cache() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-cache-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let cache = BenchCache(directory: folder)
    let first = try cache.prepare(.small)
    #expect(first.generated.count == 5)
    #expect(try DataFingerprint.sha256(ofFileAt: first.files.data) == first.files.dataSHA256)
    // The density subset: the first rows and 8 columns, each standardised (mean 0, population SD 1).
    let density = try CSVReader().clusteringInput(path: first.files.densityData).numeric
    #expect(density.rows == BenchSize.small.rows && density.columns == BenchWorkload.densityColumns)
    for c in 0..<density.columns {
      let column = density.column(c)
      let mean = column.reduce(0, +) / Double(column.count)
      let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(column.count)
      #expect(abs(mean) < 1e-12 && abs(variance - 1) < 1e-12, "column \(c): mean \(mean), variance \(variance)")
    }
    #expect(first.files.densityParameters["dbscan"] == ["eps": 0.8, "min_samples": 10])
    #expect(try cache.files(for: .small) == first.files)
    #expect(try cache.prepare(.small).generated.isEmpty)
    let kmeansOnly = try PluginRegistry(preprocessors: [], algorithms: [KMeans.self], metrics: [])
    let quick = try cache.prepare(.small, gridResamples: 2, registry: kmeansOnly).files
    #expect(quick.gridMethods == ["kmeans"] && quick.gridResamples == 2 && quick.data == first.files.data)
    try "tampered\n".write(toFile: first.files.initialCenters, atomically: true, encoding: .utf8)
    try FileManager.default.removeItem(atPath: first.files.silhouetteLabels)
    let again = try cache.prepare(.small)
    #expect(again.generated.sorted() == ["initial-centers-v1-S.csv", "silhouette-labels-v1-S.csv"])
    let centers = try CSVReader().read(path: again.files.initialCenters)
    #expect(centers.rowCount == BenchWorkload.clusterCount && centers.columns.count == BenchSize.small.columns)
    #expect(try CSVReader().read(path: again.files.silhouetteLabels).rowCount == BenchSize.small.rows)
  }
}
