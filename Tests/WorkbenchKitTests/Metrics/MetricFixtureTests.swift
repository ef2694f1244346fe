import Testing
import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

/// The value of metric `type` for `labels` on `x`, or `nil` when undefined.
func score<M: ClusterMetric>(_ type: M.Type, _ x: Matrix, _ labels: [Int]) throws -> Score {
  let clusterCount = (labels.max() ?? -1) + 1
  let input = MetricInput(features: x, clustering: Clustering(labels: labels, clusterCount: clusterCount))
  return try makePlugin(type).score(input, context: FitContext(seed: 0))
}

@Suite("metrics against scikit-learn")
struct MetricFixtureTests {
  @Test("every metric equals scikit-learn's value for every label set", arguments: ReferenceDataset.names)
  func matchesScikitLearn(_ name: String) throws {
    let data = try ReferenceDataset.load(name)
    #expect(data.metrics.map(\.name).prefix(2) == ["truth", "truth-with-singleton"])
    #expect(data.metrics.count == 6)
    let tolerance = ReferenceDataset.tolerance
    for reference in data.metrics {
      let label = "\(name) \(reference.name)"
      expectClose(try #require(score(Silhouette.self, data.x, reference.labels).value), reference.silhouette, relative: tolerance, "\(label) silhouette")
      expectClose(
        try #require(score(CalinskiHarabasz.self, data.x, reference.labels).value), reference.calinskiHarabasz, relative: tolerance,
        "\(label) calinski-harabasz")
      let daviesBouldin = try #require(score(DaviesBouldin.self, data.x, reference.labels).value)
      expectClose(daviesBouldin, reference.daviesBouldinExact, relative: tolerance, "\(label) davies-bouldin (exact distances)")
      // scikit-learn's sqrt(|x|² − 2x·c + |c|²) has absolute error ≈ sqrt(ε)·|x|, ~1e-8 on a singleton's zero spread.
      expectClose(daviesBouldin, reference.daviesBouldin, relative: 1e-7, "\(label) davies-bouldin (scikit-learn)")
      expectClose(try #require(score(Inertia.self, data.x, reference.labels).value), reference.inertia, relative: tolerance, "\(label) inertia")
    }
  }
}
