import Testing
import WorkbenchNumerics

@testable import WorkbenchBench
import WorkbenchKit

@Suite("bench plugin workloads: inputs")
struct BenchPluginWorkloadTests {
  @Test("mixed-data plugins get the last column as a categorical feature, values rounded to integers")
  func mixedInput() {
    let x = Matrix(rows: 4, columns: 3, storage: [1, 2, 0.4, 3, 4, 2.6, 5, 6, -1.2, 7, 8, 0.6])
    let input = BenchWorkloadRunner.mixed(x)
    #expect(input.numeric == Matrix(rows: 4, columns: 2, storage: [1, 2, 3, 4, 5, 6, 7, 8]))
    #expect(input.categorical.count == 1)
    #expect(input.categorical[0].levels == ["-1", "0", "1", "3"])
    #expect(input.categorical[0].codes == [1, 3, 0, 2])
  }

  @Test("a metric scores the clustering that carries what it needs")
  func clusteringSource() {
    #expect(BenchWorkloadRunner.clusteringSource(for: .likelihood) == "gmm")
    #expect(BenchWorkloadRunner.clusteringSource(for: .memberships) == "fuzzy-cmeans")
    #expect(BenchWorkloadRunner.clusteringSource(for: [.truth]) == "kmeans")
    #expect(BenchWorkloadRunner.clusteringSource(for: .refit) == "kmeans")
    #expect(BenchWorkloadRunner.clusteringSource(for: []) == "kmeans")
  }
}
