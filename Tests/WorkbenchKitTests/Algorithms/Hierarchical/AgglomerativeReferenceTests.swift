import Testing
@testable import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

@Suite("agglomerative against scipy and scikit-learn")
struct AgglomerativeReferenceTests {
  /// Heights agree with scipy's to 1e-9 relative (absolute near 0, where cosine distances lose their relative precision).
  static let heightTolerance = 1e-9

  /// Without ties the merge structure is unique. With ties, complete, average and single linkage still give scipy's
  /// merges, since they break ties by the same rule on the same distances; ward compares centroid costs rather than
  /// scipy's updated matrix, which round differently, so its ties may go the other way (on raw Iris they do, and
  /// fastcluster's tree differs from scipy's there too) and only the heights and the cuts are compared.
  @Test("the linkage matrix is scipy's: heights to 1e-9, and the same merges where ties cannot go another way", arguments: HierarchicalReference.names)
  func linkageMatrix(_ dataset: String) throws {
    let reference = try HierarchicalReference.load(dataset)
    for c in reference.agglomerative {
      let result = try fit(reference.x, c, ["k": .int(2)])
      let tree = try #require(result.hierarchy?.object?["merges"]?.array)
      let ours = try tree.map { try FixtureLoader.doubles($0, "merges") }
      try #require(ours.count == c.merges.count, "\(dataset) \(c.label): \(ours.count) merges")
      expectClose(ours.map { $0[2] }, c.merges.map { $0[2] }, relative: Self.heightTolerance, floor: 1e-3, "\(dataset) \(c.label): heights")
      if c.tieFree || c.linkage != "ward" {
        #expect(ours.map { [$0[0], $0[1], $0[3]] } == c.merges.map { [$0[0], $0[1], $0[3]] }, "\(dataset) \(c.label): merges")
      }
    }
  }

  @Test("cutting into k clusters gives scikit-learn's partition", arguments: HierarchicalReference.names)
  func clusterCounts(_ dataset: String) throws {
    let reference = try HierarchicalReference.load(dataset)
    for c in reference.agglomerative {
      for cut in c.cuts {
        let result = try fit(reference.x, c, ["k": .int(cut.k)])
        #expect(result.clusterCount == cut.k)
        #expect(samePartition(result.labels, cut.labels), "\(dataset) \(c.label) k = \(cut.k)")
      }
    }
  }

  @Test("cutting at a distance threshold gives scikit-learn's cluster count and partition", arguments: HierarchicalReference.names)
  func thresholds(_ dataset: String) throws {
    let reference = try HierarchicalReference.load(dataset)
    #expect(reference.agglomerative.map(\.thresholds.count).reduce(0, +) >= reference.agglomerative.count)
    for c in reference.agglomerative {
      for cut in c.thresholds {
        let result = try fit(reference.x, c, ["k": 0, "distance_threshold": .double(cut.threshold)])
        #expect(result.clusterCount == cut.clusterCount, "\(dataset) \(c.label) threshold \(cut.threshold)")
        #expect(samePartition(result.labels, cut.labels), "\(dataset) \(c.label) threshold \(cut.threshold)")
      }
    }
  }

  private func fit(_ x: Matrix, _ c: HierarchicalReference.AgglomerativeCase, _ cut: [String: JSONValue]) throws -> Clustering {
    var parameters = cut
    parameters["linkage"] = .string(c.linkage)
    parameters["metric"] = .string(c.metric)
    return try makePlugin(Agglomerative.self, parameters).fit(x, context: FitContext(seed: 0))
  }
}
