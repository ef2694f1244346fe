import Testing
import WorkbenchNumerics
@testable import WorkbenchKit

@Suite("Canonical segment numbering")
struct CanonicalOrderTests {
  @Test("segments are numbered by decreasing size, ties by first row; centers, memberships and exemplars follow")
  func order() {
    let clustering = Clustering(
      labels: [2, 0, 1, 1, 0, 2, 1, -1], clusterCount: 3, centers: Matrix([[0.0], [1.0], [2.0]]),
      memberships: Matrix((0..<8).map { _ in [0.1, 0.2, 0.7] }), exemplars: [10, 11, 12])
    let (canonical, mapping) = clustering.canonicallyOrdered()
    // Sizes: label 1 → 3 rows, labels 0 and 2 → 2 rows each; label 2 appears first (row 0).
    #expect(mapping == [2, 0, 1])
    #expect(canonical.labels == [1, 2, 0, 0, 2, 1, 0, -1])
    #expect(canonical.sizes == [3, 2, 2])
    #expect(canonical.centers == Matrix([[1.0], [2.0], [0.0]]))
    #expect(canonical.memberships?.rowArray(0) == [0.2, 0.7, 0.1])
    #expect(canonical.exemplars == [11, 12, 10])
  }

  @Test("relabelling a partition gives the same canonical labels")
  func permutationFree() {
    let a = Clustering(labels: [0, 0, 1, 2, 2, 2], clusterCount: 3).canonicallyOrdered().clustering.labels
    let b = Clustering(labels: [2, 2, 0, 1, 1, 1], clusterCount: 3).canonicallyOrdered().clustering.labels
    #expect(a == b)
    #expect(a == [1, 1, 2, 0, 0, 0])
  }
}
