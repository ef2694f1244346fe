import Testing
@testable import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

@Suite("spectral against scikit-learn")
struct SpectralReferenceTests {
  @Test("the graph's components and the Laplacian's smallest eigenvalues (to 1e-8) are scipy's", arguments: Density2Reference.names)
  func eigenvalues(_ dataset: String) throws {
    let reference = try Density2Reference.load(dataset)
    let cases = reference.cases["spectral"] ?? []
    #expect(cases.count >= 2)
    for c in cases {
      let graph = AffinityGraph(reference.x, neighbors: try c.integer("n_neighbors"))
      #expect(graph.componentCount == (try c.integer("components")), "\(dataset) \(c): components")
      let spectrum = graph.embedding(dimensions: try c.integer("k"), seed: 3)
      #expect(spectrum.converged, "\(dataset) \(c): LOBPCG converged")
      let expected = try FixtureLoader.doubles(FixtureLoader.field(c, "eigenvalues"), "eigenvalues")
      #expect(zip(spectrum.eigenvalues, expected).allSatisfy { abs($0 - $1) <= 1e-8 }, "\(dataset) \(c): \(spectrum.eigenvalues) vs \(expected)")
    }
  }

  /// Every fixture case gives scikit-learn's partition exactly (ARI 1), though the k-means starts differ and, on the
  /// graphs with several components, the eigenvectors of the repeated eigenvalue 0 are another basis of its space.
  @Test("the partition is scikit-learn's", arguments: Density2Reference.names)
  func partition(_ dataset: String) throws {
    let reference = try Density2Reference.load(dataset)
    for c in reference.cases["spectral"] ?? [] {
      let plugin = try makePlugin(SpectralClustering.self, ["k": .int(try c.integer("k")), "n_neighbors": .int(try c.integer("n_neighbors"))])
      let result = try plugin.fit(reference.x, context: FitContext(seed: 5))
      #expect(samePartition(result.labels, try c.integers("labels")), "\(dataset) \(c): partition")
      #expect(result.clusterCount == (try c.integer("k")))
    }
  }
}

@Suite("spectral on a graph of more components than k")
struct SpectralComponentsTests {
  /// Three far-apart pairs joined only within each pair (n_neighbors 2: a row and its nearest): three components.
  let pairs = Matrix([[0.0], [0.1], [10.0], [10.1], [20.0], [20.1]])

  @Test("more components than k fails the trial with the reason and the fix; as many as k gives the components")
  func components() throws {
    let tooMany = try makePlugin(SpectralClustering.self, ["k": 2, "n_neighbors": 2])
    #expect(
      throws: FitError.degenerate(
        "the 2-nearest-neighbour graph has 3 separate components, more than k = 2: its 2 smoothest eigenvectors are an arbitrary mix of the "
          + "components, so the partition would be arbitrary; raise n_neighbors until the graph has at most k components")
    ) { try tooMany.fit(pairs, context: FitContext(seed: 1)) }
    let asMany = try makePlugin(SpectralClustering.self, ["k": 3, "n_neighbors": 2])
    #expect(samePartition(try asMany.fit(pairs, context: FitContext(seed: 1)).labels, [0, 0, 1, 1, 2, 2]))
  }
}
