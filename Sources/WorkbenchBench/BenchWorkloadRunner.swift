import WorkbenchKit
import Foundation
import WorkbenchNumerics

/// Times one workload in this process through the public API: a warm-up, then timed repetitions.
///
/// Algorithms and metrics are looked up by name in the registry and built
/// from parameters exactly as a spec would build them, so the harness keeps
/// measuring whatever the registered plugins currently do. Reading the input
/// files is not timed, except in `csv-load`, where it is the workload; `grid`
/// times the whole run (reading the spec and data, every trial, writing results).
public struct BenchWorkloadRunner: Sendable {
  /// Where algorithms and metrics are looked up.
  public let registry: PluginRegistry
  /// The generated files and shared settings.
  public let files: BenchFiles

  public init(registry: PluginRegistry, files: BenchFiles) {
    self.registry = registry
    self.files = files
  }

  /// One repetition's outcome: elapsed seconds and, for iterative fits, the iterations run.
  typealias Repetition = @Sendable () throws -> Int?

  /// Runs `workload` `warmUps` times untimed, then `repetitions` times timed.
  public func measure(_ workload: BenchWorkload, repetitions: Int, warmUps: Int) throws -> BenchMeasurement {
    var measurement = BenchMeasurement(
      implementation: "workbench", workload: workload, size: files.size, rows: files.rows, columns: files.columns,
      environment: Self.environment)
    let body: Repetition
    switch try prepare(workload, into: &measurement) {
    case .skipped(let reason):
      measurement.skipped = reason
      return measurement
    case .ready(let repetition):
      body = repetition
    }
    for _ in 0..<warmUps { _ = try body() }
    var iterations: [Int] = []
    for _ in 0..<repetitions {
      let start = ContinuousClock.now
      let count = try body()
      measurement.seconds.append(Self.seconds(ContinuousClock.now - start))
      if let count { iterations.append(count) }
    }
    if workload.isIterative { measurement.iterations = iterations }
    measurement.peakRSSBytes = PeakMemory.highWaterMark()
    return measurement
  }

  enum Preparation {
    case ready(Repetition)
    case skipped(String)
  }

  /// Reads the workload's inputs (untimed) and returns the timed body.
  func prepare(_ workload: BenchWorkload, into m: inout BenchMeasurement) throws -> Preparation {
    let context = FitContext(seed: files.gridSeed)
    switch workload {
    case .csvLoad:
      let path = files.data
      return .ready { _ = try CSVReader().read(path: path).rowCount; return nil }
    case .kmeans:
      let x = try Self.matrix(files.data)
      let parameters: [String: JSONValue] = [
        "k": .int(files.clusterCount), "init": Self.json(try Self.matrix(files.initialCenters)), "n_init": 1,
        "max_iter": .int(files.maxIterations), "tol": 0.0,
      ]
      let algorithm = try build(registry.algorithm(named: "kmeans"), "kmeans", parameters)
      return .ready { try algorithm.fit(x, context: context).diagnostics.iterations }
    case .gmm:
      guard let type = registry.algorithm(named: "gmm") else { return .skipped("gmm not registered") }
      let declared = Set(type.parameters.map(\.name))
      var parameters: [String: JSONValue] = [
        declared.contains("n_components") ? "n_components" : "k": .int(files.clusterCount), "covariance_type": "full",
        "max_iter": .int(files.maxIterations), "tol": 0.0,
      ]
      if declared.contains("n_init") { parameters["n_init"] = 1 }
      let means = Self.json(try Self.matrix(files.initialCenters))
      if let key = ["means_init", "init"].first(where: declared.contains) {
        parameters[key] = means
      } else {
        m.notes.append("gmm declares no initial-means parameter: it started from its own initialisation")
      }
      let algorithm: any ClusteringAlgorithm
      do {
        algorithm = try build(type, "gmm", parameters)
      } catch {
        return .skipped("gmm rejected the benchmark's parameters: \(error)")
      }
      let x = try Self.matrix(files.data)
      return .ready { try algorithm.fit(x, context: context).diagnostics.iterations }
    case .silhouette:
      let x = try Self.matrix(files.silhouetteData)
      let labels = try Self.labels(files.silhouetteLabels)
      m.rows = x.rows
      guard let type = registry.metric(named: "silhouette") else { return .skipped("silhouette not registered") }
      let metric = try type.instance()
      let input = MetricInput(features: x, clustering: Clustering(labels: labels, clusterCount: (labels.max() ?? -1) + 1))
      return .ready { _ = try metric.score(input, context: context); return nil }
    case .grid:
      let spec = BenchGridSpec(files: files, registry: registry)
      m.notes += spec.notes
      let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("workbench-bench-grid-\(ProcessInfo.processInfo.processIdentifier)").path
      let specPath = try spec.write(into: folder)
      let registry = registry
      return .ready {
        let prepared = try PreparedExperiment.load(specPath: specPath, registry: registry)
        _ = try Executor.run(threads: BenchWorkload.gridJobs) {
          try Runner(registry: registry).run(prepared.plan, dataset: prepared.dataset, options: RunOptions(outputRoot: folder + "/results", fresh: true))
        }
        return nil
      }
    case .plugin(let name):
      return try preparePlugin(named: name, into: &m)
    }
  }

  /// A plugin instance built from `parameters` as a spec would build it.
  func build(_ type: AlgorithmDescriptor?, _ name: String, _ parameters: [String: JSONValue]) throws -> any ClusteringAlgorithm {
    guard let type else { throw FitError.degenerate("\(name) is not registered") }
    return try type.instance(parameters)
  }

  /// The numeric columns of a generated CSV file as a matrix.
  static func matrix(_ path: String) throws -> Matrix {
    try CSVReader().clusteringInput(path: path).numeric
  }

  /// The labels file (header `label`, one integer per line).
  static func labels(_ path: String) throws -> [Int] {
    let table = try CSVReader().read(path: path)
    guard let values = table.column(named: "label")?.numbers else {
      throw DataError(Location(file: path), "there is no numeric 'label' column.", fix: "delete the cache folder to regenerate the benchmark data.")
    }
    return values.map { Int($0) }
  }

  /// A matrix as a JSON list of rows (the `init` parameter's shape).
  static func json(_ m: Matrix) -> JSONValue {
    .array((0..<m.rows).map { r in .array(m.rowArray(r).map(JSONValue.double)) })
  }

  /// A duration in seconds.
  static func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
  }

  /// The build configuration, tool version and core count, recorded with every measurement.
  static var environment: [String: String] {
    #if DEBUG
      let build = "debug"
    #else
      let build = "release"
    #endif
    return [
      "build": build, "workbench": WorkbenchVersion.current, "cores": String(ProcessInfo.processInfo.activeProcessorCount),
      "threads": "1 per fit; grid: \(BenchWorkload.gridJobs) jobs",
    ]
  }
}
