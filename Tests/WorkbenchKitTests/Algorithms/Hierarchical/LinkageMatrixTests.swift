import Testing
@testable import WorkbenchKit
import WorkbenchTestSupport

@Suite("linkage matrix")
struct LinkageMatrixTests {
  /// Five rows on a line at 0, 1, 5, 6 and 20, merged as a single-linkage Prim pass records them (from the row added
  /// before): the heights sort to 1, 1, 4, 14, and scipy names the merges [0, 1], [2, 3], [5, 6], [4, 7].
  let tree = LinkageMatrix(leafCount: 5, steps: [(0, 1, 1), (1, 2, 4), (2, 3, 1), (3, 4, 14)])

  @Test("merges are sorted by height (stable) and named as scipy's label step names them")
  func naming() {
    #expect(tree.merges.map { [$0.left, $0.right, $0.size] } == [[0, 1, 2], [2, 3, 2], [5, 6, 4], [4, 7, 5]])
    #expect(tree.merges.map(\.height) == [1, 1, 4, 14])
  }

  @Test("cutting into k clusters undoes the last k − 1 merges; labels are numbered by first row")
  func cut() {
    #expect(tree.labels(clusterCount: 1) == [0, 0, 0, 0, 0])
    #expect(tree.labels(clusterCount: 2) == [0, 0, 0, 0, 1])
    #expect(tree.labels(clusterCount: 3) == [0, 0, 1, 1, 2])
    #expect(tree.labels(clusterCount: 5) == [0, 1, 2, 3, 4])
  }

  @Test("a distance threshold keeps one cluster more than the merges at or above it, as scikit-learn counts")
  func threshold() {
    #expect(tree.clusterCount(threshold: 14) == 2)
    #expect(tree.clusterCount(threshold: 4) == 3)
    #expect(tree.clusterCount(threshold: 3.9) == 3)
    #expect(tree.clusterCount(threshold: 1) == 5)
    #expect(tree.clusterCount(threshold: 100) == 1)
  }

  @Test("the JSON form carries the format, the leaves and one [a, b, height, size] per merge")
  func json() {
    let json = tree.json(adding: ["linkage": "single"])
    #expect(json.object?["format"] == "scipy-linkage")
    #expect(json.object?["leaves"] == 5)
    #expect(json.object?["linkage"] == "single")
    #expect(json.object?["merges"]?.array?.last == .array([4, 7, 14.0, 5]))
  }
}
