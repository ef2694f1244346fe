import WorkbenchKit
import Foundation

/// The folder of generated benchmark data, reused across runs while its fingerprints match.
///
/// Every file has a `.sha256` sidecar holding the SHA-256 of the bytes
/// written. A file is reused when it and its sidecar exist and the file's
/// digest equals the sidecar's; otherwise it is generated again. File names
/// carry the generator's version, so a changed generator never reuses old data.
public struct BenchCache: Sendable {
  /// The cache folder.
  public let directory: String

  public init(directory: String) {
    self.directory = directory
  }

  /// The path of `name` in the cache.
  public func path(_ name: String) -> String {
    URL(fileURLWithPath: directory).appendingPathComponent(name).path
  }

  /// The manifest path for `size` (read by both sides).
  public func manifestPath(for size: BenchSize) -> String { path("bench-\(size.rawValue).json") }

  /// Makes sure every file of `size` exists with its recorded fingerprint, generating what is missing or different.
  ///
  /// Returns the files and the names of those (re)generated. `gridResamples` is written into the
  /// manifest both sides read (fewer under `--quick`, so a smoke run stays short); so are the grid's
  /// algorithms, those of `registry` among kmeans and gmm, so both sides run the same configurations.
  /// - Complexity: O(file bytes) to check fingerprints; O(rows · columns) when the table is generated.
  public func prepare(
    _ size: BenchSize, gridResamples: Int = BenchWorkload.gridResamples, registry: PluginRegistry = .builtIn
  ) throws -> (files: BenchFiles, generated: [String]) {
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw ResultStoreError(path: directory, reason: "the benchmark cache folder cannot be created (\(error.localizedDescription))")
    }
    let generator = BenchDataGenerator(size: size)
    let tag = "v\(BenchDataGenerator.version)-\(size.rawValue)"
    var generated: [String] = []
    let k = BenchWorkload.clusterCount
    let subset = 0..<min(BenchWorkload.silhouetteRows, size.rows)
    let data = try ensure("blobs-\(tag).csv", generated: &generated) { generator.csv() }
    let centers = try ensure("initial-centers-\(tag).csv", generated: &generated) {
      generator.csv(rows: (0..<k).map { $0 * size.rows / k })
    }
    let silhouette = try ensure("silhouette-\(tag).csv", generated: &generated) { generator.csv(rows: subset) }
    let labels = try ensure("silhouette-labels-\(tag).csv", generated: &generated) {
      Array(("label\n" + subset.map { "\(generator.row($0).blob)\n" }.joined()).utf8)
    }
    let density = try ensure("density-\(tag).csv", generated: &generated) { generator.standardisedCSV() }
    let files = BenchFiles(
      size: size, rows: size.rows, columns: size.columns, data: data.path, dataSHA256: data.digest, initialCenters: centers.path,
      silhouetteData: silhouette.path, silhouetteLabels: labels.path, densityData: density.path,
      densityParameters: BenchWorkload.densitySettings.mapValues(\.parameters), clusterCount: k, maxIterations: BenchWorkload.maxIterations,
      gridClusterCounts: Array(BenchWorkload.gridClusterCounts), gridKMeansRuns: BenchWorkload.gridKMeansRuns,
      gridMethods: ["kmeans", "gmm"].filter { registry.algorithm(named: $0) != nil },
      gridCovarianceTypes: BenchWorkload.gridCovarianceTypes, gridResamples: gridResamples, gridJobs: BenchWorkload.gridJobs,
      gridSeed: BenchWorkload.gridSeed)
    try AtomicFile.write(try BenchJSON.encode(files), to: manifestPath(for: size))
    return (files, generated)
  }

  /// Reads the manifest a parent wrote with ``prepare(_:)``.
  public func files(for size: BenchSize) throws -> BenchFiles {
    let path = manifestPath(for: size)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ResultStoreError(path: path, reason: "the benchmark manifest is missing; run `workbench bench` without --child to generate the data")
    }
    return try BenchJSON.decode(BenchFiles.self, from: data, source: path)
  }

  /// The path of `name`, written by `produce` unless it already holds the bytes its sidecar fingerprints.
  func ensure(_ name: String, generated: inout [String], produce: () -> [UInt8]) throws -> (path: String, digest: String) {
    let file = path(name)
    let sidecar = file + ".sha256"
    if FileManager.default.fileExists(atPath: file), let recorded = try? String(contentsOfFile: sidecar, encoding: .utf8),
      let actual = try? DataFingerprint.sha256(ofFileAt: file), actual == recorded.trimmingCharacters(in: .whitespacesAndNewlines)
    {
      return (file, actual)
    }
    let bytes = produce()
    let digest = DataFingerprint.sha256(of: bytes)
    try AtomicFile.write(Data(bytes), to: file)
    try AtomicFile.write(digest + "\n", to: sidecar)
    generated.append(name)
    return (file, digest)
  }
}
