import Foundation
import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

/// One fixture file written by `Fixtures/generate_metrics_fixtures.py`: data, truth and scikit-learn's scores for several label sets.
struct MetricsFixture {
  struct Case {
    var name: String
    var labels: [Int]
    /// `nil` where scikit-learn raises (one cluster).
    var silhouette: Double?
    var silhouetteSamples: [Double?]?
    /// External metric values by workbench metric name (plus "v-measure-beta-2").
    var external: [String: Double]
    var contingency: [[Int]]
  }

  static let names = ["metrics-iris", "metrics-wine", "metrics-blobs-noise"]

  var x: Matrix
  var truth: [String?]
  var cases: [Case]
  var json: JSONValue

  /// Relative agreement with scikit-learn required everywhere in these tests.
  static let tolerance = 1e-9

  static func load(_ name: String) throws -> MetricsFixture {
    let json = try document(name)
    typealias F = FixtureLoader
    let cases = try (F.field(json, "cases").array ?? []).map { c in
      Case(
        name: try F.field(c, "name").string ?? "?", labels: try F.ints(F.field(c, "labels"), "labels"),
        silhouette: try F.field(c, "silhouette").number,
        silhouetteSamples: try F.field(c, "silhouette_samples").array.map { $0.map(\.number) },
        external: try numbers(F.field(c, "external")),
        contingency: try (F.field(c, "contingency").array ?? []).map { try F.ints($0, "contingency") })
    }
    return MetricsFixture(x: try F.matrix(F.field(json, "data"), "data"), truth: try strings(F.field(json, "truth")), cases: cases, json: json)
  }

  static func document(_ name: String) throws -> JSONValue {
    guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
      throw FixtureError("no fixture \(name).json in the test bundle")
    }
    return try FixtureLoader.load(url)
  }

  static func numbers(_ value: JSONValue) throws -> [String: Double] {
    guard let object = value.object else { throw FixtureError("not an object") }
    return object.compactMapValues(\.number)
  }

  static func strings(_ value: JSONValue) throws -> [String?] {
    guard let items = value.array else { throw FixtureError("not a list") }
    return items.map(\.string)
  }
}

/// A metric's score for `labels` on `x`, with an optional truth column and parameters.
func score(_ type: any ClusterMetric.Type, _ x: Matrix, _ labels: [Int], truth: [String?]? = nil, _ given: [String: JSONValue] = [:], seed: UInt64 = 0) throws -> Score {
  let metric = try type.init(validated: Parameters.resolve(given, for: type, at: Location()).get())
  let input = MetricInput(features: x, clustering: Clustering(labels: labels, clusterCount: (labels.max() ?? -1) + 1), truth: truth)
  return try metric.score(input, context: FitContext(seed: seed))
}
