import Testing
import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

@Suite("kmeans algorithm=elkan")
struct KMeansElkanTests {
  /// Fits `kmeans` with `given` once per iteration scheme.
  private func both(_ x: Matrix, _ given: [String: JSONValue], seed: UInt64) throws -> (lloyd: Clustering, elkan: Clustering) {
    var lloydParameters = given
    lloydParameters["algorithm"] = "lloyd"
    var elkanParameters = given
    elkanParameters["algorithm"] = "elkan"
    let context = FitContext(seed: seed)
    return (
      try makePlugin(KMeans.self, lloydParameters).fit(x, context: context),
      try makePlugin(KMeans.self, elkanParameters).fit(x, context: context)
    )
  }

  @Test("from explicit centers Elkan gives Lloyd's labels, centers, inertia and iterations exactly", arguments: ReferenceDataset.names)
  func explicitCentersMatchLloyd(_ name: String) throws {
    let data = try ReferenceDataset.load(name)
    for reference in data.explicitKMeans {
      let (lloyd, elkan) = try both(
        data.x,
        [
          "k": .int(reference.initialCenters.rows), "init": jsonRows(reference.initialCenters), "max_iter": .int(reference.maxIterations),
          "tol": .double(reference.tolerance),
        ], seed: 1)
      #expect(elkan == lloyd, "\(name) \(reference.name)")
      #expect(elkan.labels == reference.labels, "\(name) \(reference.name): scikit-learn's labels")
    }
  }

  @Test("from explicit centers Elkan gives scikit-learn's Elkan labels, inertia and iterations", arguments: Algos2Reference.names)
  func explicitCentersMatchScikitLearnElkan(_ name: String) throws {
    let data = try ReferenceDataset.load(name)
    let reference = try Algos2Reference.load(name)
    #expect(reference.elkan.count == 3)
    for c in reference.elkan {
      let kmeans = try makePlugin(
        KMeans.self, ["k": .int(c.initialCenters.rows), "init": jsonRows(c.initialCenters), "algorithm": "elkan"])
      let result = try kmeans.fit(data.x, context: FitContext(seed: 0))
      #expect(result.labels == c.labels)
      #expect(result.diagnostics.iterations == c.iterations)
      expectClose(try #require(result.diagnostics.inertia), c.inertia, relative: ReferenceDataset.tolerance)
    }
  }

  @Test("with k-means++ Elkan and Lloyd give identical clusterings for every seed and k", arguments: ReferenceDataset.names)
  func plusPlusMatchesLloyd(_ name: String) throws {
    let data = try ReferenceDataset.load(name)
    for k in 2...6 {
      for seed in 0..<UInt64(3) {
        let (lloyd, elkan) = try both(data.x, ["k": .int(k), "n_init": 3], seed: seed)
        #expect(elkan == lloyd, "\(name) k = \(k) seed \(seed)")
      }
    }
  }

  @Test("on blobs, with random starts and tol 0, Elkan and Lloyd give identical clusterings")
  func blobsMatchLloyd() throws {
    let (x, _) = Blobs.make(centers: 5, perCluster: 60, dimensions: 4, spread: 1.5, seed: 21)
    for k in [1, 3, 5, 8] {
      for initialization in ["k-means++", "random"] {
        let (lloyd, elkan) = try both(x, ["k": .int(k), "init": .string(initialization), "n_init": 2, "tol": 0], seed: 5)
        #expect(elkan == lloyd, "k = \(k) \(initialization)")
      }
    }
  }

  @Test("Elkan relocates an empty cluster exactly as Lloyd does")
  func emptyClusterRelocation() throws {
    let data = try ReferenceDataset.load("iris-raw")
    let far = try #require(data.explicitKMeans.first { $0.name == "k3-far-center" })
    let (lloyd, elkan) = try both(data.x, ["k": 3, "init": jsonRows(far.initialCenters)], seed: 0)
    #expect(elkan == lloyd)
    #expect(elkan.labels == far.labels)
  }
}
