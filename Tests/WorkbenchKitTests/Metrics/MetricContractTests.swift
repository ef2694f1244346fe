import Testing
import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

/// Every built-in metric, for contract checks that apply to all of them.
private let allMetrics: [any ClusterMetric.Type] = [Silhouette.self, CalinskiHarabasz.self, DaviesBouldin.self, Inertia.self]

private func score(_ type: any ClusterMetric.Type, _ x: Matrix, _ labels: [Int]) throws -> Score {
  let input = MetricInput(features: x, clustering: Clustering(labels: labels, clusterCount: (labels.max() ?? -1) + 1))
  let metric = try type.init(validated: Parameters.resolve([:], for: type, at: Location()).get())
  return try metric.score(input, context: FitContext(seed: 0))
}

@Suite("metric contracts")
struct MetricContractTests {
  private let blobs = Blobs.make(centers: 3, perCluster: 15, dimensions: 3, spread: 1, seed: 21)

  @Test("renaming clusters does not change any score", arguments: ["silhouette", "calinski-harabasz", "davies-bouldin", "inertia"])
  func permutationInvariant(_ name: String) throws {
    let type = try #require(allMetrics.first { $0.name == name })
    let (x, labels) = blobs
    let renamed = labels.map { [2, 0, 1][$0] }
    let original = try #require(score(type, x, labels).value)
    let permuted = try #require(score(type, x, renamed).value)
    expectClose(permuted, original, relative: 1e-12)
  }

  @Test("scores lie within the declared bounds on random labels", arguments: ["silhouette", "calinski-harabasz", "davies-bouldin", "inertia"])
  func withinBounds(_ name: String) throws {
    let type = try #require(allMetrics.first { $0.name == name })
    var rng = SeededGenerator(seed: 5)
    let (x, _) = blobs
    let labels = (0..<x.rows).map { _ in rng.nextIndex(below: 4) }
    let value = try #require(score(type, x, labels).value)
    let declared = type.bounds
    let bounds = try #require(declared)
    #expect(bounds.contains(value), "\(name) = \(value)")
  }

  @Test("comparison scores are undefined, never NaN, for one cluster, all noise, or a cluster per row")
  func undefinedCases() throws {
    let (x, _) = blobs
    for type in allMetrics where type != Inertia.self {
      #expect(try score(type, x, Array(repeating: 0, count: x.rows)).value == nil, "\(type.name): one cluster")
      #expect(try score(type, x, Array(repeating: -1, count: x.rows)).value == nil, "\(type.name): all noise")
      #expect(try score(type, x, Array(0..<x.rows)).value == nil, "\(type.name): a cluster per row")
    }
    #expect(try score(Inertia.self, x, Array(repeating: -1, count: x.rows)).value == nil)
    #expect(try score(Inertia.self, x, Array(0..<x.rows)).value == 0)
  }

  @Test("noise rows are ignored: the score equals the score of the remaining rows", arguments: ["silhouette", "calinski-harabasz", "davies-bouldin", "inertia"])
  func noiseIgnored(_ name: String) throws {
    let type = try #require(allMetrics.first { $0.name == name })
    let (x, labels) = blobs
    let noisy = labels.enumerated().map { $0.offset % 7 == 0 ? -1 : $0.element }
    let kept = noisy.indices.filter { noisy[$0] >= 0 }
    let withNoise = try #require(score(type, x, noisy).value)
    let filtered = try #require(score(type, x.selecting(rows: kept), kept.map { noisy[$0] }).value)
    expectClose(withNoise, filtered, relative: 1e-12)
  }

  @Test("a hand-computed silhouette: two pairs on a line")
  func silhouetteByHand() throws {
    // Rows 0, 1 | 4, 5 on a line: a = 1 for every row; b = 3.5 or 4.5 (mean of 4 and 3, or 5 and 4).
    let x = Matrix([[0], [1], [4], [5]])
    let expected = ((1 - 1 / 4.5) + (1 - 1 / 3.5) + (1 - 1 / 3.5) + (1 - 1 / 4.5)) / 4
    expectClose(try #require(score(Silhouette.self, x, [0, 0, 1, 1]).value), expected, relative: 1e-15)
  }

  @Test("directions say which way is better")
  func directions() {
    #expect(Silhouette.direction == .higherIsBetter)
    #expect(CalinskiHarabasz.direction == .higherIsBetter)
    #expect(DaviesBouldin.direction == .lowerIsBetter)
    #expect(Inertia.direction == .lowerIsBetter)
  }
}
