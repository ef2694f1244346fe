import WorkbenchKit
import Foundation

/// The experiment spec of the grid workload, generated from the shared settings.
///
/// kmeans over k with `n_init` runs and gmm over k × covariance types, scored
/// by silhouette, Calinski–Harabasz and Davies–Bouldin, with bootstrap
/// stability. gmm is included only when registered (it is listed in
/// ``notes`` otherwise), and its cluster-count parameter is `k` or
/// `n_components`, whichever it declares.
struct BenchGridSpec {
  /// The spec as JSON.
  let json: JSONValue
  /// What was left out and why.
  let notes: [String]

  init(files: BenchFiles, registry: PluginRegistry) {
    let ks = JSONValue.array(files.gridClusterCounts.map(JSONValue.int))
    var algorithms: [JSONValue] = [
      ["use": "kmeans", "params": ["n_init": .int(files.gridKMeansRuns)], "grid": ["k": ks]]
    ]
    var notes: [String] = []
    if files.gridResamples != BenchWorkload.gridResamples {
      notes.append("\(files.gridResamples) bootstrap resamples per configuration (quick run), not \(BenchWorkload.gridResamples)")
    }
    if files.gridMethods.contains("gmm"), let gmm = registry.algorithm(named: "gmm") {
      let countKey = gmm.parameters.contains { $0.name == "n_components" } ? "n_components" : "k"
      algorithms.append(["use": "gmm", "grid": .object([countKey: ks, "covariance_type": .array(files.gridCovarianceTypes.map(JSONValue.string))])])
    } else {
      notes.append("gmm configurations skipped: gmm not registered")
    }
    json = [
      "name": .string("bench-grid-\(files.size.rawValue)"),
      "seed": .int(Int(files.gridSeed)),
      "data": ["path": .string(files.data)],
      "algorithms": .array(algorithms),
      "metrics": ["silhouette", "calinski-harabasz", "davies-bouldin"],
      "stability": ["method": "bootstrap", "resamples": .int(files.gridResamples)],
    ]
    self.notes = notes
  }

  /// Writes the spec as `grid.json` into `folder` (created) and returns its path.
  func write(into folder: String) throws -> String {
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw ResultStoreError(path: folder, reason: "cannot create the grid workload's folder (\(error.localizedDescription))")
    }
    let path = URL(fileURLWithPath: folder).appendingPathComponent("grid.json").path
    try AtomicFile.write(json.prettyText, to: path)
    return path
  }
}
