import Testing
@testable import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

@Suite("mean-shift")
struct MeanShiftTests {
  @Test("bin seeds: cells in first-row order, rounded half to even, a given bandwidth multiplied in float32")
  func binSeeds() {
    let x = Matrix([[0.25, 0], [0.75, 0], [0.3, 0.1], [0.2, 0.05], [5, 5]])
    // Cells of spacing 0.5: (0.5 → 0 half to even, 0), (1.5 → 2, 0), (0.6 → 1, 0.2 → 0), (0, 0) again, (10, 10).
    #expect(MeanShift.binSeeds(x, bandwidth: 0.5, estimated: false, minimumFrequency: 1).storage == [0, 0, 1, 0, 0.5, 0, 5, 5])
    #expect(MeanShift.binSeeds(x, bandwidth: 0.5, estimated: false, minimumFrequency: 2).storage == [0, 0])
    let y = Matrix([[0.01], [0.02], [0.31]])
    let single = Double(Float(3) * Float(0.1))
    #expect(single != 3 * 0.1)
    #expect(MeanShift.binSeeds(y, bandwidth: 0.1, estimated: false, minimumFrequency: 1).storage == [0, single])
    #expect(MeanShift.binSeeds(y, bandwidth: 0.1, estimated: true, minimumFrequency: 1).storage == [0, 3 * 0.1])
    #expect(MeanShift.binSeeds(x, bandwidth: 0.01, estimated: true, minimumFrequency: 1) == x)
    #expect(MeanShift.binSeeds(x, bandwidth: 0.5, estimated: true, minimumFrequency: 9).rows == 0)
  }

  @Test("no seed with a row in reach fails the fit with the fix")
  func noSeeds() throws {
    let plugin = try makePlugin(MeanShift.self, ["bandwidth": 0.5, "bin_seeding": true, "min_bin_freq": 5])
    do {
      _ = try plugin.fit(Matrix([[0, 0], [0.1, 0], [5, 5]]), context: FitContext(seed: 0))
      Issue.record("fitted without seeds")
    } catch let error as FitError {
      #expect(error.description.contains("min_bin_freq"))
    }
  }

  @Test("predict gives the nearest center, or noise beyond the bandwidth without cluster_all; fit rows get their labels back")
  func predict() throws {
    let x = Matrix([[0, 0], [0.2, 0], [0, 0.2], [5, 5], [5.2, 5], [5, 5.2], [20, 20]])
    let result = try makePlugin(MeanShift.self, ["bandwidth": 1.0, "cluster_all": false]).fit(x, context: FitContext(seed: 0))
    #expect(result.clusterCount == 3)
    let model = try #require(result.model)
    #expect(try MeanShift.predict(model: model, input: ClusteringInput(numeric: x)).labels == result.labels)
    let new = try MeanShift.predict(model: model, input: ClusteringInput(numeric: Matrix([[0.5, 0.5], [4.5, 4.6], [10, 10]]))).labels
    #expect(new == [result.labels[0], result.labels[3], -1])
  }

  @Test("a center nearest to no row is dropped and the labels renumbered, with a note")
  func unusedCenters() {
    var model = MeanShiftModel(centers: Matrix([[0], [1], [2]]), bandwidth: 1, clusterAll: false)
    var labels = [0, 2, -1, 2]
    #expect(model.droppingUnusedCenters(labels: &labels) == ["1 of 3 centers were nearest to no row and were dropped"])
    #expect(labels == [0, 1, -1, 1])
    #expect(model.centers == Matrix([[0], [2]]))
  }
}
