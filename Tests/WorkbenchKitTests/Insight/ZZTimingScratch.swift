import Testing
@testable import WorkbenchKit

@Suite("ZZ timing scratch")
struct ZZTimingScratch {
  @Test func phases() throws {
    let table = CustomerSimulator(rows: 5_000, seed: 2026).table()
    let truth = table.column(named: "segment")!.labels!
    let order = CustomerSegment.allCases.map(\.rawValue)
    let labels: [Int?] = truth.map { order.firstIndex(of: $0!) }
    var clock = ContinuousClock.now
    let rows = SegmentRows(labels: labels)
    let roles = try InsightRoles().resolved(for: table)
    for c in table.columns where c.isNumeric {
      let v = GroupedValues(column: c.numbers!, rows: rows)
      _ = NumericColumnProfile(column: c.name, values: v)
      _ = NumericColumnTests(column: c.name, values: v, rows: rows)
    }
    print("TIME profiles+tests", ContinuousClock.now - clock); clock = .now
    let included = rows.includedRowIndices
    let matrix = FeatureMatrix(table: table, names: SegmentNamingTests.features, rows: included)
    print("TIME matrix", ContinuousClock.now - clock); clock = .now
    let forest = RandomForest(matrix: matrix, classes: rows.includedGroups, classCount: 5, treeCount: 10, seed: 1)
    print("TIME forest", ContinuousClock.now - clock, forest.trees.map(\.nodes.count)); clock = .now
    let p = PermutationImportance(forest: forest, matrix: matrix, classes: rows.includedGroups, repeats: 1, seed: 2)
    print("TIME permutation", ContinuousClock.now - clock, p.baseAccuracy); clock = .now
    let s = SurrogateTree(matrix: matrix, classes: rows.includedGroups, classCount: 5, fitRows: Array(0..<5000), seed: 3)
    print("TIME surrogate", ContinuousClock.now - clock, s.fidelity); clock = .now
    _ = roles
  }
}
