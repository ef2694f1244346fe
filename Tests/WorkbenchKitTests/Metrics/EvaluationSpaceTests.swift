import Testing
import WorkbenchNumerics

@testable import WorkbenchKit

@Suite("Evaluation space")
struct EvaluationSpaceTests {
  private let table = DataTable(columns: [
    .numeric("a", [1, 2, .nan, 5]), .numeric("b", [10, 10, 10, 10]), .categorical("c", ["x", nil, "y", "x"]),
  ])

  @Test("standardized: median-filled, centred over the population SD, constants at scale 1, categories one-hot at the weight")
  func standardized() {
    let space = EvaluationSpace.standardized(table, categoricalWeight: 0.5)
    // a: median of 1, 2, 5 is 2; filled [1, 2, 2, 5], mean 2.5, population SD 1.5.
    #expect(space.matrix.columns == 4 && space.rowOfDatasetRow == [0, 1, 2, 3])
    let third: Double = 1.0 / 3
    let a: [Double] = [-1, -third, -third, 5.0 / 3]
    #expect((0..<4).map { space.matrix[$0, 0] } == a)
    #expect((0..<4).map { space.matrix[$0, 1] } == [0, 0, 0, 0])
    #expect((0..<4).map { space.matrix[$0, 2] } == [0.5, 0.5, 0, 0.5], "the missing category becomes the most frequent, x")
    #expect((0..<4).map { space.matrix[$0, 3] } == [0, 0, 0.5, 0])
  }

  @Test("restricting to every row in order gives the whole space; to some rows, just those rows and their labels")
  func restricted() {
    let space = EvaluationSpace.standardized(table, categoricalWeight: 1)
    let all = space.restricted(to: [0, 1, 2, 3], labels: [0, 1, 0, 1])
    #expect(all.features == space.matrix && all.labels == [0, 1, 0, 1])
    let some = space.restricted(to: [3, 1], labels: [1, 0])
    #expect(some.features == space.matrix.selecting(rows: [3, 1]) && some.labels == [1, 0])
    let named = EvaluationSpace.pipeline(named: "p", output: space.matrix.selecting(rows: [0, 2]), datasetRows: [0, 2], rowCount: 4)
    let kept = named.restricted(to: [0, 1, 2, 3], labels: [5, 6, 7, 8])
    #expect(kept.features == named.matrix && kept.labels == [5, 7], "rows the space lacks are left out")
  }
}
