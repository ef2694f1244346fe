import Foundation
import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

/// One fixture file written by `Fixtures/generate_fixtures.py`: a dataset and scikit-learn's answers on it.
struct ReferenceDataset {
  /// Metric values scikit-learn computed for one label set.
  struct MetricCase {
    var name: String
    var labels: [Int]
    var silhouette: Double
    var calinskiHarabasz: Double
    /// scikit-learn's value, whose dot-product distances put a singleton's spread near 1e-8 instead of 0.
    var daviesBouldin: Double
    /// The same formula with exact distances, as the Swift metric computes it.
    var daviesBouldinExact: Double
    var inertia: Double
  }

  /// A Lloyd k-means fit from explicit initial centers.
  struct ExplicitKMeansCase {
    var name: String
    var initialCenters: Matrix
    var maxIterations: Int
    var tolerance: Double
    var labels: [Int]
    var centers: Matrix
    var inertia: Double
    var iterations: Int
  }

  /// scikit-learn's k-means++ with `n_init` runs, fitted once per random state; the best inertia of those fits.
  struct PlusPlusCase {
    var k: Int
    var runCount: Int
    var fits: Int
    var bestInertia: Double
  }

  /// The fixture files, by base name.
  static let names = ["iris-raw", "iris-standardized", "wine-raw", "wine-standardized"]

  var name: String
  var x: Matrix
  var metrics: [MetricCase]
  var explicitKMeans: [ExplicitKMeansCase]
  var plusPlus: [PlusPlusCase]

  /// Relative agreement required with scikit-learn's values.
  static let tolerance = 1e-9

  static func load(_ name: String) throws -> ReferenceDataset {
    guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
      throw FixtureError("no fixture \(name).json in the test bundle")
    }
    let json = try FixtureLoader.load(url)
    typealias F = FixtureLoader
    let metrics = try (F.field(json, "metrics").array ?? []).map { m in
      MetricCase(
        name: try F.field(m, "name").string ?? "?", labels: try F.ints(F.field(m, "labels"), "labels"),
        silhouette: try number(m, "silhouette"), calinskiHarabasz: try number(m, "calinski_harabasz"),
        daviesBouldin: try number(m, "davies_bouldin"), daviesBouldinExact: try number(m, "davies_bouldin_exact_distances"),
        inertia: try number(m, "inertia"))
    }
    let explicit = try (F.field(json, "kmeans_explicit").array ?? []).map { c in
      ExplicitKMeansCase(
        name: try F.field(c, "name").string ?? "?", initialCenters: try F.matrix(F.field(c, "init"), "init"),
        maxIterations: try F.field(c, "max_iter").integer ?? 0, tolerance: try number(c, "tol"),
        labels: try F.ints(F.field(c, "labels"), "labels"), centers: try F.matrix(F.field(c, "centers"), "centers"),
        inertia: try number(c, "inertia"), iterations: try F.field(c, "n_iter").integer ?? 0)
    }
    let plusPlus = try (F.field(json, "kmeans_plusplus").array ?? []).map { c in
      PlusPlusCase(
        k: try F.field(c, "k").integer ?? 0, runCount: try F.field(c, "n_init").integer ?? 0,
        fits: try F.field(c, "random_states").array?.count ?? 0, bestInertia: try number(c, "best_inertia"))
    }
    return ReferenceDataset(
      name: name, x: try F.matrix(F.field(json, "data"), "data"), metrics: metrics, explicitKMeans: explicit, plusPlus: plusPlus)
  }

  private static func number(_ object: JSONValue, _ key: String) throws -> Double {
    guard let d = try FixtureLoader.field(object, key).number else { throw FixtureError("'\(key)' is not a number") }
    return d
  }
}

/// A plugin built from JSON parameters the way a spec would give them, defaults filled in.
func makePlugin<P: Plugin>(_ type: P.Type, _ given: [String: JSONValue] = [:]) throws -> P {
  try P(validated: Parameters.resolve(given, for: type, at: Location()).get())
}

/// The rows of `m` as JSON, for an explicit `init` parameter.
func jsonRows(_ m: Matrix) -> JSONValue {
  .array((0..<m.rows).map { r in .array(m.rowArray(r).map(JSONValue.double)) })
}
