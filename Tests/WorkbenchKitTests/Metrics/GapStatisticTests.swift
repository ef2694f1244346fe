import Testing
import WorkbenchNumerics
import WorkbenchTestSupport
@testable import WorkbenchKit

@Suite("Gap statistic")
struct GapStatisticTests {
  let blobs = Blobs.make(centers: 3, perCluster: 50, dimensions: 2, spread: 0.3, seed: 12).0

  func gap(k: Int) throws -> Score {
    let kmeans = try KMeans(validated: try Parameters.resolve(["k": .int(k), "n_init": 3], for: KMeans.self, at: Location()).get())
    let clustering = try kmeans.fit(blobs, context: FitContext(seed: 4))
    let input = MetricInput(features: blobs, clustering: clustering, refit: { x, seed in try kmeans.fit(x, context: FitContext(seed: seed)) })
    let metric = try GapStatistic(validated: try Parameters.resolve(["references": 8], for: GapStatistic.self, at: Location()).get())
    return try metric.score(input, context: FitContext(seed: 9))
  }

  @Test("W_k is the pooled within-cluster sum of squares")
  func withinSumOfSquares() {
    let x = Matrix([[0.0, 0.0], [2.0, 0.0], [10.0, 10.0], [10.0, 12.0], [50.0, 50.0]])
    #expect(GapStatistic.pooledWithinSumOfSquares(x, labels: [0, 0, 1, 1, -1]) == 4)
  }

  @Test("the 1-SE rule on gap curves picks the true k of well-separated blobs, reproducibly")
  func pickTrueK() throws {
    let scores = try (1...6).map { try gap(k: $0) }
    #expect(scores.allSatisfy { $0.interval != nil })
    let values = scores.map(\.value)
    let errors = scores.map { $0.interval.map { ($0.high - $0.low) / 2 } }
    #expect(KSelection.pick(.gapStandardError, ks: Array(1...6), values: values, errors: errors) == 3)
    #expect(try gap(k: 3) == (try gap(k: 3)))
    #expect(values[2]! > values[0]!)
  }

  @Test("undefined without a way to refit")
  func undefined() throws {
    let metric = try GapStatistic(validated: try Parameters.resolve([:], for: GapStatistic.self, at: Location()).get())
    let input = MetricInput(features: blobs, clustering: Clustering(labels: Array(repeating: 0, count: blobs.rows), clusterCount: 1))
    #expect(try metric.score(input, context: FitContext(seed: 1)).value == nil)
  }
}
