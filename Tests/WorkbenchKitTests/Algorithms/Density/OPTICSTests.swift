import Testing
@testable import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

@Suite("optics")
struct OPTICSTests {
  @Test("ordering, reachability, core distances, predecessors and labels equal scikit-learn's OPTICS (distances to 1e-9)")
  func fixtures() throws {
    let compared = try DensityReference.forEachCase(\.optics, of: OPTICS.self) { _, testCase, label, clustering in
      let plot = try #require(clustering.hierarchy)
      let ordering = try FixtureLoader.ints(try FixtureLoader.field(plot, "ordering"), "ordering")
      let expectedOrdering = try FixtureLoader.ints(try FixtureLoader.field(testCase, "ordering"), "ordering")
      #expect(ordering == expectedOrdering, "\(label): ordering")
      let reachability = try DensityReference.reals(try FixtureLoader.field(plot, "reachability"), "reachability")
      let expectedReachability = try DensityReference.reals(try FixtureLoader.field(testCase, "reachability"), "reachability")
      let cores = try DensityReference.reals(try FixtureLoader.field(plot, "core_distance"), "core_distance")
      let expectedCores = try DensityReference.reals(try FixtureLoader.field(testCase, "core_distances"), "core_distances")
      let predecessor = try FixtureLoader.ints(try FixtureLoader.field(plot, "predecessor"), "predecessor")
      let expectedPredecessor = try FixtureLoader.ints(try FixtureLoader.field(testCase, "predecessor"), "predecessor")
      for (position, row) in expectedOrdering.enumerated() where position < reachability.count {
        #expect(same(reachability[position], expectedReachability[row]), "\(label): reachability of row \(row)")
        #expect(same(cores[position], expectedCores[row]), "\(label): core distance of row \(row)")
        #expect(predecessor[position] == expectedPredecessor[row], "\(label): predecessor of row \(row)")
      }
      let problems = partitionProblems(clustering.labels, try DensityReference.labels(testCase))
      #expect(problems.isEmpty, "\(label): \(problems.prefix(5))")
    }
    #expect(compared == 30)
  }

  /// Equal infinities, or finite values within 1e-9 relative (floor 1).
  private func same(_ a: Double, _ b: Double) -> Bool {
    a.isInfinite || b.isInfinite ? a == b : Tolerance.isClose([a], [b], relative: 1e-9, floor: 1)
  }

  @Test("np.around to 15 decimals is reproduced: half to even at the 15th decimal")
  func rounding() {
    #expect(OPTICS.around(0.1 + 0.2) == 0.3)
    #expect(OPTICS.around(1.0000000000000004) == 1.0)
    #expect(OPTICS.around(.infinity) == .infinity)
  }

  @Test("eps beyond max_eps is a parameter error naming eps; min_samples below 2 a spec error")
  func badParameters() throws {
    let resolved = try Parameters.resolve(["cluster_method": "dbscan", "eps": 2.0, "max_eps": 1.0], for: OPTICS.self, at: Location()).get()
    #expect(throws: ParameterError.self) { try OPTICS(validated: resolved) }
    guard case .failure(let error) = Parameters.resolve(["min_samples": 1], for: OPTICS.self, at: Location(jsonPath: "algorithms[2].params")) else {
      Issue.record("min_samples 1 was accepted")
      return
    }
    #expect(error.description.contains("algorithms[2].params.min_samples"))
  }
}
