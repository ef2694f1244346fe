import Testing
@testable import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

@Suite("affinity-propagation")
struct AffinityPropagationTests {
  @Test("equal similarities: every row a cluster when the preference is higher, else one cluster, without iterating")
  func equalSimilarities() throws {
    let corners = Matrix([[0, 0], [0, 0], [0, 0]])
    let one = try makePlugin(AffinityPropagation.self).fit(corners, context: FitContext(seed: 0))
    #expect(one.labels == [0, 0, 0] && one.exemplars == [0] && one.diagnostics.iterations == 0)
    let each = try makePlugin(AffinityPropagation.self, ["preference": 1.0]).fit(corners, context: FitContext(seed: 0))
    #expect(each.labels == [0, 1, 2] && each.exemplars == [0, 1, 2])
    #expect(try makePlugin(AffinityPropagation.self).fit(Matrix([[3, 4]]), context: FitContext(seed: 0)).labels == [0])
  }

  @Test("the median of all similarities counts each pair twice and the zero diagonal")
  func median() {
    // Similarities −1, −4, −9 (pairs), twice each, and three zeros: sorted −9 −9 −4 −4 −1 −1 0 0 0, median −1.
    let s = AffinityPropagation.similarities(Matrix([[0], [1], [3]]))
    #expect(s.storage == [0, -1, -9, -1, 0, -4, -9, -4, 0])
    #expect(AffinityPropagation.medianSimilarity(s) == -1)
    // Two rows: −1, −1, 0, 0: the mean of the middle two.
    #expect(AffinityPropagation.medianSimilarity(AffinityPropagation.similarities(Matrix([[0], [1]]))) == -0.5)
  }

  @Test("no exemplar after max_iter fails the trial with the fix; too many rows for memory fail before allocating")
  func failures() throws {
    let (x, _) = Blobs.make(centers: 3, perCluster: 20, dimensions: 2, seed: 5)
    do {
      _ = try makePlugin(AffinityPropagation.self, ["max_iter": 1]).fit(x, context: FitContext(seed: 0))
      Issue.record("fitted without exemplars")
    } catch let error as FitError {
      #expect(error.description.contains("raise max_iter or damping"))
    }
    #expect(throws: FitError.self) { try AffinityPropagation.checkMemory(rows: 100_000, physicalMemory: 64 << 30) }
    try AffinityPropagation.checkMemory(rows: 10_000, physicalMemory: 64 << 30)
  }

  @Test("predict gives the nearest exemplar; the fit rows get their labels back")
  func predict() throws {
    let (x, _) = Blobs.make(centers: 3, perCluster: 20, dimensions: 2, seed: 5)
    let result = try makePlugin(AffinityPropagation.self, ["preference": -20.0]).fit(x, context: FitContext(seed: 0))
    #expect(result.clusterCount == 3)
    let model = try #require(result.model)
    #expect(try AffinityPropagation.predict(model: model, input: ClusteringInput(numeric: x)).labels == result.labels)
  }
}
