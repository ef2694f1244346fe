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

  @Test("two rows the training model calls noise are not predicted together; with no test cluster of two rows there is no strength")
  func noise() {
    // Test cluster 0 = 3 rows predicted [noise, noise, 3]: no pair is predicted together.
    #expect(PredictionStrength.strength(testLabels: [0, 0, 0], predicted: [-1, -1, 3]) == 0)
    #expect(PredictionStrength.strength(testLabels: [-1, -1, 0], predicted: [1, 1, 1]) == nil)
    #expect(PredictionStrength.strength(testLabels: [-1, -1], predicted: [-1, -1]) == nil)
  }

  @Test("undefined, not 1, when every row is noise or when a half's clustering finds only noise")
  func allNoise() throws {
    let (x, _) = Blobs.make(centers: 3, perCluster: 60, dimensions: 2, spread: 0.4, seed: 8)
    let kmeans = try KMeans(validated: try Parameters.resolve(["k": 3], for: KMeans.self, at: Location()).get())
    let metric = try PredictionStrength(validated: try Parameters.resolve([:], for: PredictionStrength.self, at: Location()).get())
    let predict: @Sendable (JSONValue, Matrix) throws -> [Int] = { model, m in try KMeans.predict(model: model, input: ClusteringInput(numeric: m)).labels }
    let noiseOnly: @Sendable (Matrix, UInt64) throws -> Clustering = { m, seed in
      var fitted = try kmeans.fit(m, context: FitContext(seed: seed))
      fitted.labels = Array(repeating: -1, count: m.rows)
      fitted.clusterCount = 0
      return fitted
    }
    let everyRow = MetricInput(
      features: x, clustering: Clustering(labels: Array(repeating: -1, count: x.rows), clusterCount: 0), refit: noiseOnly, predict: predict)
    #expect(try metric.score(everyRow, context: FitContext(seed: 1)) == .undefined("every row is noise, so there are no clusters to predict"))
    let halves = MetricInput(features: x, clustering: try kmeans.fit(x, context: FitContext(seed: 2)), refit: noiseOnly, predict: predict)
    #expect(
      try metric.score(halves, context: FitContext(seed: 1))
        == .undefined("on half of the rows the algorithm found no cluster of two or more rows (every row noise), so nothing was predicted"))
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

/// Against fpc's `prediction.strength` (fpc 2.2-10, kmeansCBI with 10 runs, centroid classification;
/// Fixtures/gap-prediction-strength.json, generate_r_fixtures.R). fpc scores both directions of every split and
/// averages them; we score one direction per split (train on the first half, test on the second). The two halves
/// are exchangeable (90 rows, 45 each), so both estimate the same mean.
@Suite("Prediction strength against fpc")
struct PredictionStrengthReferenceTests {
  /// Fixed reference data: fpc's own splits, the k-means clusterings of both halves and each half's classification
  /// by the other half's centroids, passed in. Our splits and fits differ from R's by design (our generator and
  /// k-means), so this checks the strength of a split on the same data.
  @Test("on fpc's own splits, clusterings and classifications, each direction's strength equals fpc's to 1e-15 (measured: identical)")
  func explicitSplits() throws {
    let repeats = try RReference.value("prediction_strength", "explicit", "repeats").array ?? []
    #expect(repeats.count == 15)
    for (index, r) in repeats.enumerated() {
      let k = try #require(try FixtureLoader.field(r, "k").integer)
      let rows = try RReference.intLists(r, "rows"), partitions = try RReference.intLists(r, "partitions")
      let predicted = try RReference.intLists(r, "predicted")
      let strengths = try FixtureLoader.doubles(FixtureLoader.field(r, "strengths"), "strengths")
      #expect(rows.map(\.count) == [45, 45] && Set(rows[0] + rows[1]).count == 90, "repeat \(index): halves of 45")
      #expect(partitions.map(\.count) == [45, 45] && predicted.map(\.count) == [45, 45] && strengths.count == 2)
      var ours: [Double] = []
      for half in 0..<2 {
        #expect(Set(partitions[half]).isSubset(of: Set(0..<k)) && Set(predicted[half]).isSubset(of: Set(0..<k)))
        ours.append(try #require(PredictionStrength.strength(testLabels: partitions[half], predicted: predicted[half])))
        expectClose(ours[half], strengths[half], relative: 1e-15, "repeat \(index), k = \(k), test half \(half)")
      }
      expectClose((ours[0] + ours[1]) / 2, try RReference.number(r, "prediction_strength"), relative: 1e-15, "repeat \(index): fpc's value")
    }
  }

  /// Our splits and k-means come from our generator, fpc's from R's, so single repeats differ; the means must not.
  /// 20 seeds × 10 repeats here against fpc's 500 repeats: the means within four standard errors of their
  /// difference (ours from the spread over seeds, fpc's as sd / √M).
  @Test("over 20 seeds × 10 repeats the mean strength agrees with fpc's 500 repeats within four standard errors, k = 2…5")
  func distribution() throws {
    let x = try RReference.data()
    let distribution = try RReference.value("prediction_strength", "distribution")
    let m = try RReference.number(distribution, "M")
    let (means, sds) = (try RReference.numbers("prediction_strength", "distribution", "mean"), try RReference.numbers("prediction_strength", "distribution", "sd"))
    #expect(means.count == 4 && sds.count == 4)
    let metric = try PredictionStrength(validated: try Parameters.resolve(["repeats": 10], for: PredictionStrength.self, at: Location()).get())
    for k in 2...5 {
      let kmeans = try KMeans(validated: try Parameters.resolve(["k": .int(k), "n_init": 10], for: KMeans.self, at: Location()).get())
      let input = MetricInput(
        features: x, clustering: try kmeans.fit(x, context: FitContext(seed: 1)),
        refit: { rows, seed in try kmeans.fit(rows, context: FitContext(seed: seed)) },
        predict: { model, rows in try KMeans.predict(model: model, input: ClusteringInput(numeric: rows)).labels })
      let values = try (0..<UInt64(20)).map { seed in try #require(try metric.score(input, context: FitContext(seed: seed)).value) }
      let mean = values.reduce(0, +) / 20
      let spread = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 19).squareRoot()
      let error = (spread * spread / 20 + sds[k - 2] * sds[k - 2] / m).squareRoot()
      #expect(abs(mean - means[k - 2]) <= 4 * error, "k = \(k): \(mean) vs fpc \(means[k - 2]) (standard error \(error))")
    }
  }
}
