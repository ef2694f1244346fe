import Testing
@testable import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

@Suite("mean-shift against scikit-learn")
struct MeanShiftReferenceTests {
  @Test("scikit-learn's bandwidth estimate, labels, centers and iterations", arguments: Density2Reference.names)
  func matchesReference(_ dataset: String) throws {
    let reference = try Density2Reference.load(dataset)
    let cases = reference.cases["mean_shift"] ?? []
    #expect(cases.count >= 3)
    for c in cases {
      let label = "\(dataset) \(c)"
      let estimated = MeanShift.estimatedBandwidth(NeighborIndex(reference.x, metric: .euclidean), quantile: 0.3)
      if try c.number("bandwidth") == 0 { expectClose(estimated, try c.number("used_bandwidth"), relative: 1e-13, "\(label): bandwidth") }
      let plugin = try makePlugin(
        MeanShift.self,
        [
          "bandwidth": .double(try c.number("bandwidth")), "bin_seeding": .bool(try c.flag("bin_seeding")),
          "min_bin_freq": .int(try c.integer("min_bin_freq")), "cluster_all": .bool(try c.flag("cluster_all")),
          "max_iter": .int(try c.integer("max_iter")),
        ])
      let result = try plugin.fit(reference.x, context: FitContext(seed: 0))
      #expect(result.labels == (try c.integers("labels")), "\(label): labels")
      let centers = try #require(result.centers)
      let expected = try c.matrix("centers")
      try #require(centers.rows == expected.rows, "\(label): \(centers.rows) centers, scikit-learn \(expected.rows)")
      expectClose(centers.storage, expected.storage, relative: 1e-9, "\(label): centers")
      #expect(result.diagnostics.iterations == (try c.integer("n_iter")), "\(label): iterations")
    }
  }
}
