import Testing
@testable import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

/// The density, hierarchical, mean-shift, affinity-propagation and spectral fits give byte-identical results on one
/// thread and on two: their parallel loops use fixed chunks combined in order (`--jobs` changes speed, never results).
@Suite("density and hierarchical algorithms do not depend on the thread count")
struct ThreadIndependenceTests {
  /// Each algorithm with parameters that suit 600 rows of blobs of spread 0.5 (large enough to span several chunks of every loop).
  static let cases: [(name: String, parameters: [String: JSONValue])] = [
    ("dbscan", ["eps": 1.2]), ("hdbscan", [:]), ("optics", ["min_samples": 10]),
    ("agglomerative", ["linkage": "ward", "k": 3]), ("agglomerative", ["linkage": "average", "k": 3]),
    ("agglomerative", ["linkage": "single", "k": 3]), ("birch", [:]), ("mean-shift", [:]), ("mean-shift", ["bin_seeding": true]),
    ("affinity-propagation", ["preference": -20.0]), ("spectral", ["k": 3]),
  ]

  @Test("labels, model, scores and hierarchy are identical with 1 and 2 threads", arguments: 0..<cases.count)
  func sameResults(_ index: Int) throws {
    let (name, parameters) = Self.cases[index]
    let (x, _) = Blobs.make(centers: 3, perCluster: 200, dimensions: 4, seed: 21)
    let type = try #require(PluginRegistry.builtIn.algorithm(named: name))
    let algorithm = try type.instance(parameters)
    let one = try Executor.run(threads: 1) { try algorithm.fit(ClusteringInput(numeric: x), context: FitContext(seed: 8)) }
    let two = try Executor.run(threads: 2) { try algorithm.fit(ClusteringInput(numeric: x), context: FitContext(seed: 8)) }
    #expect(one == two, "\(name) \(parameters)")
    #expect(one.clusterCount >= 2, "\(name) \(parameters): \(one.clusterCount) clusters")
  }
}
