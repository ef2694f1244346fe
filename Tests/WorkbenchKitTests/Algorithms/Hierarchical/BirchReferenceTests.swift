import Testing
@testable import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

@Suite("birch against scikit-learn")
struct BirchReferenceTests {
  /// The subclusters are compared as a set: a split takes the farthest pair of entries, found on
  /// ‖cᵢ‖² − 2cᵢ·cⱼ + ‖cⱼ‖², which scikit-learn's BLAS rounds differently for (i, j) and (j, i) and which is taken
  /// in whichever orientation comes out larger; that decides only which half of the split keeps the old entry's
  /// place, so the same subclusters can come in another order (they do in several of these cases).
  @Test("the tree has scikit-learn's subclusters and the rows its partition", arguments: HierarchicalReference.names)
  func matchesReference(_ dataset: String) throws {
    let reference = try HierarchicalReference.load(dataset)
    #expect(!reference.birch.isEmpty)
    for c in reference.birch {
      var tree = CFTree(threshold: c.threshold, branchingFactor: c.branchingFactor, columns: reference.x.columns)
      for r in 0..<reference.x.rows { tree.insert(reference.x.rowArray(r)) }
      let centroids = tree.subclusterCentroids
      try #require(centroids.count == c.subclusterCenters.rows, "\(dataset) \(c.label): \(centroids.count) subclusters")
      let expected = (0..<c.subclusterCenters.rows).map { c.subclusterCenters.rowArray($0) }
      expectClose(
        sortedRows(centroids).flatMap { $0 }, sortedRows(expected).flatMap { $0 }, relative: 1e-12, "\(dataset) \(c.label): centroids")
      let plugin = try makePlugin(
        Birch.self, ["threshold": .double(c.threshold), "branching_factor": .int(c.branchingFactor), "k": .int(c.k)])
      let result = try plugin.fit(reference.x, context: FitContext(seed: 0))
      #expect(samePartition(result.labels, c.labels), "\(dataset) \(c.label): partition")
    }
  }

  /// Rows in lexicographic order of their values.
  private func sortedRows(_ rows: [[Double]]) -> [[Double]] {
    rows.sorted { a, b in zip(a, b).first { $0 != $1 }.map { $0 < $1 } ?? false }
  }
}
