import Testing
import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

@Suite("minibatch-kmeans")
struct MiniBatchKMeansTests {
  /// Mini-batch inertia is a random variable of the seed (scikit-learn's spread over 20 random states is up to
  /// 13 % above its median on Iris and Wine), and our generator is not numpy's, so single draws cannot be
  /// compared. The median over 20 seeds is stable to about 1 %; measured, ours is within 0.35 % of
  /// scikit-learn's (Iris k = 4; the others within 0.11 %), on either side. We require 1 %.
  @Test("the median inertia over 20 seeds is within 1 % of scikit-learn's on Iris and Wine", arguments: Algos2Reference.names)
  func inertiaNearScikitLearn(_ name: String) throws {
    let data = try ReferenceDataset.load(name)
    let reference = try Algos2Reference.load(name)
    #expect(reference.miniBatch.map(\.k) == [3, 4])
    for c in reference.miniBatch {
      let plugin = try makePlugin(MiniBatchKMeans.self, ["k": .int(c.k)])
      let inertias = try (0..<UInt64(20)).map { seed in try #require(plugin.fit(data.x, context: FitContext(seed: seed)).diagnostics.inertia) }
      let median = inertias.sorted()[9...10].reduce(0, +) / 2
      expectClose(median, c.medianInertia, relative: 0.01, "\(name) k = \(c.k): median inertia")
      #expect(inertias.allSatisfy { $0 >= c.kmeansInertia * (1 - 1e-9) }, "no draw beats full k-means' best")
    }
  }

  @Test("blobs are recovered (ARI ≥ 0.95) with batches smaller than the data", arguments: [16, 64, 1024])
  func recoversBlobs(_ batchSize: Int) throws {
    let (x, truth) = Blobs.make(centers: 4, perCluster: 100, dimensions: 3, spread: 0.6, seed: 40)
    let result = try makePlugin(MiniBatchKMeans.self, ["k": 4, "batch_size": .int(batchSize)]).fit(x, context: FitContext(seed: 8))
    let full = try makePlugin(KMeans.self, ["k": 4]).fit(x, context: FitContext(seed: 8))
    #expect(AdjustedRandIndex.score(full.labels, truth) == 1, "the blobs are separable")
    #expect(AdjustedRandIndex.score(result.labels, truth) >= 0.95)
    #expect(result.clusterCount == 4)
  }

  @Test("the same seed gives identical results; another seed draws other batches")
  func determinism() throws {
    let data = try ReferenceDataset.load("wine-standardized")
    let plugin = try makePlugin(MiniBatchKMeans.self, ["k": 4, "batch_size": 32, "init": "random"])
    let first = try plugin.fit(data.x, context: FitContext(seed: 5))
    #expect(first == (try plugin.fit(data.x, context: FitContext(seed: 5))))
    let others = try (6..<UInt64(10)).map { try plugin.fit(data.x, context: FitContext(seed: $0)).diagnostics.inertia }
    #expect(others.contains { $0 != first.diagnostics.inertia })
  }

  @Test("early stopping: max_no_improvement stops before max_iter; none runs every step")
  func earlyStopping() throws {
    let (x, _) = Blobs.make(centers: 3, perCluster: 50, dimensions: 2, spread: 0.5, seed: 3)
    let stopping = try makePlugin(MiniBatchKMeans.self, ["k": 3, "batch_size": 10, "max_iter": 50]).fit(x, context: FitContext(seed: 1))
    #expect(stopping.diagnostics.converged == true)
    #expect((stopping.diagnostics.iterations ?? 50) < 50)
    let full = try makePlugin(MiniBatchKMeans.self, ["k": 3, "batch_size": 10, "max_iter": 5, "max_no_improvement": "none"])
      .fit(x, context: FitContext(seed: 1))
    #expect(full.diagnostics.converged == false)
    #expect(full.diagnostics.iterations == 5)
  }

  @Test("explicit centers are used as given; predict labels the fit rows with the fit labels")
  func explicitCentersAndPredict() throws {
    let (x, truth) = Blobs.make(centers: 2, perCluster: 30, dimensions: 2, spread: 0.3, seed: 2)
    let start = [[x[0, 0], x[0, 1]], [x[30, 0], x[30, 1]]]
    let result = try makePlugin(MiniBatchKMeans.self, ["k": 2, "init": .array(start.map { .array($0.map(JSONValue.double)) })])
      .fit(x, context: FitContext(seed: 0))
    #expect(result.labels == truth)
    let prediction = try MiniBatchKMeans.predict(model: try #require(result.model), input: ClusteringInput(numeric: x))
    #expect(prediction.labels == result.labels)
  }

  @Test("defaults are scikit-learn's except n_init, which is 3 for every init")
  func defaults() throws {
    let resolved = try Parameters.resolve([:], for: MiniBatchKMeans.self, at: Location()).get()
    #expect(
      resolved.json == [
        "k": 8, "init": "k-means++", "n_init": 3, "max_iter": 100, "batch_size": 1024, "init_size": "auto", "reassignment_ratio": 0.01,
        "max_no_improvement": 10, "tol": 0.0,
      ])
  }
}
