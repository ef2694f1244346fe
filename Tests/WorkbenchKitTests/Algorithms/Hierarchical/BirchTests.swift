import Testing
@testable import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

@Suite("birch")
struct BirchTests {
  @Test("k = 0 makes every subcluster a cluster; fewer subclusters than k does too, with a note")
  func subclustersAsClusters() throws {
    let x = Matrix([[0, 0], [0.1, 0], [5, 5], [5.1, 5], [9, 0]])
    let none = try makePlugin(Birch.self, ["k": 0]).fit(x, context: FitContext(seed: 0))
    #expect(none.clusterCount == 3)
    #expect(samePartition(none.labels, [0, 0, 1, 1, 2]))
    #expect(none.diagnostics.notes.isEmpty)
    let tooFew = try makePlugin(Birch.self, ["k": 4]).fit(x, context: FitContext(seed: 0))
    #expect(tooFew.clusterCount == 3)
    #expect(samePartition(tooFew.labels, [0, 0, 1, 1, 2]))
    #expect(tooFew.diagnostics.notes == ["birch found 3 subclusters, fewer than k = 4, so each is a cluster; a smaller threshold makes more"])
    let two = try makePlugin(Birch.self, ["k": 2]).fit(x, context: FitContext(seed: 0))
    #expect(samePartition(two.labels, [0, 0, 1, 1, 0]) || samePartition(two.labels, [0, 0, 1, 1, 1]))
  }

  @Test("a group of subclusters nearest to no row is dropped, so every label is used, with a note")
  func unusedGroups() {
    let model = NearestRowModel(rows: Matrix([[0], [10], [20], [30]]), labels: [0, 1, 1, 2], metric: .euclidean)
    var notes: [String] = []
    let (kept, labels) = Birch.droppingUnusedGroups(of: model, labels: [0, 2, 2, 0], notes: &notes)
    #expect(kept.rows == Matrix([[0], [30]]))
    #expect(kept.labels == [0, 1])
    #expect(labels == [0, 1, 1, 0])
    #expect(notes == ["1 of 3 clusters were nearest to no row and were dropped"])
  }

  @Test("predict labels a new row with its nearest subcluster centroid's label")
  func predict() throws {
    let x = Matrix([[0, 0], [0.1, 0], [5, 5], [5.1, 5]])
    let result = try makePlugin(Birch.self, ["k": 2]).fit(x, context: FitContext(seed: 0))
    let model = try #require(result.model)
    let labels = try Birch.predict(model: model, input: ClusteringInput(numeric: Matrix([[1, 1], [4, 4.5]]))).labels
    #expect(labels == [result.labels[0], result.labels[2]])
  }

  @Test("fewer rows than k is insufficientSamples, values that overflow are a degenerate fit")
  func edgeCases() throws {
    #expect(throws: FitError.self) { try makePlugin(Birch.self, ["k": 3]).fit(Matrix([[0], [1]]), context: FitContext(seed: 0)) }
    do {
      _ = try makePlugin(Birch.self, ["k": 1]).fit(Matrix([[1e300], [0]]), context: FitContext(seed: 0))
      Issue.record("fitted values of 1e300")
    } catch let error as FitError {
      #expect(error.description.contains("overflow"))
    }
  }
}
