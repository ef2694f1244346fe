import Foundation
import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

/// `Fixtures/algos2-reference.json`, written by `Fixtures/generate_algos2_fixtures.py` from scikit-learn 1.9.1.
struct Algos2Reference {
  /// A `GaussianMixture` fitted from pinned weights, means and precisions.
  struct MixtureCase {
    var k: Int
    var covarianceType: String
    var maxIterations: Int
    var tolerance: Double
    var regularization: Double
    /// `weights_init`, `means_init`, `precisions_init` as the Swift parameters take them.
    var start: [String: JSONValue]
    var iterations: Int
    var converged: Bool
    var score: Double
    var bic: Double
    var aic: Double
    var parameterCount: Int
    var labels: [Int]
    var memberships: Matrix?
    var weights: [Double]
    var means: Matrix

    var label: String { "k = \(k) \(covarianceType) max_iter \(maxIterations)" }
  }

  /// `KMeans(algorithm="elkan")` from explicit centers.
  struct ElkanCase {
    var initialCenters: Matrix
    var labels: [Int]
    var inertia: Double
    var iterations: Int
  }

  /// scikit-fuzzy's `cmeans` from explicit initial memberships.
  struct FuzzyCase {
    var k: Int
    var m: Double
    var initialMemberships: Matrix
    var centers: Matrix
    var memberships: Matrix
    var iterations: Int
  }

  /// `MiniBatchKMeans` inertias over many random states, and KMeans's best inertia.
  struct MiniBatchCase {
    var k: Int
    var medianInertia: Double
    var kmeansInertia: Double
  }

  /// `BisectingKMeans` inertias over many random states.
  struct BisectingCase {
    var k: Int
    var strategy: String
    var medianInertia: Double
    var bestInertia: Double
  }

  /// Datasets with reference values (standardized Iris and Wine).
  static let names = ["iris-standardized", "wine-standardized"]

  var mixtures: [MixtureCase]
  var elkan: [ElkanCase]
  var fuzzy: [FuzzyCase]
  var miniBatch: [MiniBatchCase]
  var bisecting: [BisectingCase]

  static func load(_ name: String) throws -> Algos2Reference {
    guard let url = Bundle.module.url(forResource: "algos2-reference", withExtension: "json", subdirectory: "Fixtures") else {
      throw FixtureError("no fixture algos2-reference.json in the test bundle")
    }
    typealias F = FixtureLoader
    let dataset = try F.field(F.field(F.load(url), "datasets"), name)
    let mixtures = try (F.field(dataset, "gmm").array ?? []).map { c in
      let proba = try F.field(c, "predict_proba")
      return MixtureCase(
        k: try int(c, "k"), covarianceType: try F.field(c, "covariance_type").string ?? "?", maxIterations: try int(c, "max_iter"),
        tolerance: try number(c, "tol"), regularization: try number(c, "reg_covar"),
        start: [
          "weights_init": try F.field(c, "weights_init"), "means_init": try F.field(c, "means_init"),
          "precisions_init": try F.field(c, "precisions_init"),
        ],
        iterations: try int(c, "n_iter"), converged: try F.field(c, "converged").bool ?? false, score: try number(c, "score"),
        bic: try number(c, "bic"), aic: try number(c, "aic"), parameterCount: try int(c, "n_parameters"),
        labels: try F.ints(F.field(c, "labels"), "labels"), memberships: proba == .null ? nil : try F.matrix(proba, "predict_proba"),
        weights: try F.doubles(F.field(c, "weights"), "weights"), means: try F.matrix(F.field(c, "means"), "means"))
    }
    let elkan = try (F.field(dataset, "elkan").array ?? []).map { c in
      ElkanCase(
        initialCenters: try F.matrix(F.field(c, "init"), "init"), labels: try F.ints(F.field(c, "labels"), "labels"),
        inertia: try number(c, "inertia"), iterations: try int(c, "n_iter"))
    }
    let fuzzy = try (F.field(dataset, "fuzzy_cmeans").array ?? []).map { c in
      FuzzyCase(
        k: try int(c, "k"), m: try number(c, "m"), initialMemberships: try F.matrix(F.field(c, "initial_memberships"), "initial_memberships"),
        centers: try F.matrix(F.field(c, "centers"), "centers"), memberships: try F.matrix(F.field(c, "memberships"), "memberships"),
        iterations: try int(c, "iterations"))
    }
    let miniBatch = try (F.field(dataset, "minibatch_kmeans").array ?? []).map { c in
      MiniBatchCase(k: try int(c, "k"), medianInertia: try number(c, "median_inertia"), kmeansInertia: try number(c, "kmeans_inertia"))
    }
    let bisecting = try (F.field(dataset, "bisecting_kmeans").array ?? []).map { c in
      BisectingCase(
        k: try int(c, "k"), strategy: try F.field(c, "bisecting_strategy").string ?? "?", medianInertia: try number(c, "median_inertia"),
        bestInertia: try number(c, "best_inertia"))
    }
    return Algos2Reference(mixtures: mixtures, elkan: elkan, fuzzy: fuzzy, miniBatch: miniBatch, bisecting: bisecting)
  }

  private static func number(_ object: JSONValue, _ key: String) throws -> Double {
    guard let d = try FixtureLoader.field(object, key).number else { throw FixtureError("'\(key)' is not a number") }
    return d
  }

  private static func int(_ object: JSONValue, _ key: String) throws -> Int {
    guard let i = try FixtureLoader.field(object, key).integer else { throw FixtureError("'\(key)' is not an integer") }
    return i
  }
}
