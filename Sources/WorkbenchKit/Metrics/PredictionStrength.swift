import WorkbenchNumerics

/// Prediction strength (Tibshirani & Walther 2005): how well clusters found on one half of the data predict the other half.
///
/// Each repeat splits the rows at random into halves, clusters both with the
/// trial's algorithm and parameters, labels the test half with the training
/// half's model, and for every test cluster with at least two rows measures
/// the share of its pairs that the training model also puts together; the
/// repeat's strength is the minimum over test clusters. The score is the mean
/// over `repeats`. Values near 1 mean the clusters are reproducible; the paper
/// picks the largest k with strength ≥ 0.8. A split's strength matches R's
/// `fpc::prediction.strength` (centroid classification) for one direction;
/// fpc averages both directions of each split, which has the same mean.
///
/// Edge cases: undefined for algorithms that cannot label new rows, when a
/// half has fewer rows than clusters, when a refit fails, when every row is
/// noise, and when a half's clustering has no cluster of two or more rows (a
/// density method that finds only noise there: nothing was predicted, so a
/// strength of 1 would be vacuous); k = 1 gives 1. Rows the test clustering
/// calls noise are left out; two test rows the training model calls noise are
/// not counted as predicted together. Seeded from the trial seed, so
/// reproducible.
/// - Complexity: 2 · `repeats` fits on half the rows, plus O(rows) to compare.
public struct PredictionStrength: ClusterMetric {
  public static let name = "prediction-strength"
  public static let summary = "Prediction strength (Tibshirani & Walther 2005): do clusters of one half predict the other half? Higher is better."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec("repeats", .integer(minimum: 1, maximum: 100), default: 5, "Random half splits to average over.")
  ]
  public static let direction = MetricDirection.higherIsBetter
  public static let bounds: ClosedRange<Double>? = 0...1
  public static let kRule: KSelectionRule? = .largestAtLeast(0.8)
  public static let computedByDefault = false
  public static let needs: MetricNeeds = .refit

  /// Half splits averaged (`repeats`).
  public let repeats: Int

  public init(validated parameters: Parameters) throws {
    repeats = parameters.int("repeats")
  }

  public func score(_ input: MetricInput, context: FitContext) throws -> Score {
    guard let refit = input.refit, let predict = input.predict else {
      return .undefined("the algorithm cannot label new rows, so prediction strength cannot be measured")
    }
    let x = input.features
    let clusters = input.clustering.clusterCount
    guard clusters > 0 else { return .undefined("every row is noise, so there are no clusters to predict") }
    guard clusters > 1 else { return .value(1) }
    guard x.rows / 2 >= clusters else { return .undefined("half of the \(x.rows) rows is fewer than \(clusters) clusters") }
    var rng = SeededGenerator(seed: context.seed)
    var total = 0.0
    for _ in 0..<repeats {
      var order = Array(0..<x.rows)
      for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.nextIndex(below: i + 1)) }
      let training = x.selecting(rows: Array(order[..<(x.rows / 2)]))
      let test = x.selecting(rows: Array(order[(x.rows / 2)...]))
      let trainingSeed = rng.next(), testSeed = rng.next()
      guard let trained = try? refit(training, trainingSeed), let model = trained.model,
        let testClusters = try? refit(test, testSeed), let predicted = try? predict(model, test)
      else { return .undefined("a refit on half of the rows failed") }
      guard let strength = Self.strength(testLabels: testClusters.labels, predicted: predicted) else {
        return .undefined("on half of the rows the algorithm found no cluster of two or more rows (every row noise), so nothing was predicted")
      }
      total += strength
    }
    return .value(total / Double(repeats))
  }

  /// min over test clusters (≥ 2 rows) of the share of their pairs that `predicted` also co-clusters (a pair
  /// predicted as noise, −1, is not together); nil when no test cluster has two rows.
  static func strength(testLabels: [Int], predicted: [Int]) -> Double? {
    var byCluster: [Int: [Int: Int]] = [:]
    for (label, guess) in zip(testLabels, predicted) where label >= 0 { byCluster[label, default: [:]][guess, default: 0] += 1 }
    var weakest: Double?
    for label in byCluster.keys.sorted() {
      let counts = byCluster[label]!
      let n = counts.values.reduce(0, +)
      guard n >= 2 else { continue }
      let together = counts.reduce(0.0) { sum, entry in entry.key < 0 ? sum : sum + Double(entry.value) * Double(entry.value - 1) }
      weakest = min(weakest ?? 1, together / (Double(n) * Double(n - 1)))
    }
    return weakest
  }
}
