import Testing
import WorkbenchNumerics
import WorkbenchTestSupport
@testable import WorkbenchKit

@Suite("Prediction strength")
struct PredictionStrengthTests {
  @Test("strength is the worst test cluster's share of co-predicted pairs")
  func strength() {
    // Test cluster 0 = 4 rows predicted [a, a, a, b]: 3·2 / (4·3) = 0.5; cluster 1 = 2 rows predicted together: 1.
    #expect(PredictionStrength.strength(testLabels: [0, 0, 0, 0, 1, 1], predicted: [7, 7, 7, 8, 9, 9]) == 0.5)
    #expect(PredictionStrength.strength(testLabels: [0, 0, 1, -1], predicted: [1, 1, 2, 5]) == 1)
  }

  func score(k: Int) throws -> Score {
    let (x, _) = Blobs.make(centers: 3, perCluster: 60, dimensions: 2, spread: 0.4, seed: 8)
    let kmeans = try KMeans(validated: try Parameters.resolve(["k": .int(k), "n_init": 3], for: KMeans.self, at: Location()).get())
    let clustering = try kmeans.fit(x, context: FitContext(seed: 2))
    let input = MetricInput(
      features: x, clustering: clustering, refit: { m, seed in try kmeans.fit(m, context: FitContext(seed: seed)) },
      predict: { model, m in try KMeans.predict(model: model, input: ClusteringInput(numeric: m)).labels })
    return try PredictionStrength(validated: try Parameters.resolve([:], for: PredictionStrength.self, at: Location()).get()).score(input, context: FitContext(seed: 5))
  }

  @Test("the true k of well-separated blobs is strong; too many clusters are not")
  func blobs() throws {
    #expect(try score(k: 3).value! > 0.95)
    #expect(try score(k: 6).value! < 0.8)
    #expect(try score(k: 3) == score(k: 3))
  }

  @Test("undefined when the algorithm cannot label new rows")
  func undefinedWithoutPredict() throws {
    let x = Matrix([[0.0], [1.0], [5.0], [6.0]])
    let input = MetricInput(features: x, clustering: Clustering(labels: [0, 0, 1, 1], clusterCount: 2))
    let metric = try PredictionStrength(validated: try Parameters.resolve([:], for: PredictionStrength.self, at: Location()).get())
    #expect(try metric.score(input, context: FitContext(seed: 1)) == .undefined("the algorithm cannot label new rows, so prediction strength cannot be measured"))
  }
}
