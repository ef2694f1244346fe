import Testing
import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

@Suite("gower dissimilarity")
struct GowerTests {
  /// The reference re-implements daisy's formula in numpy (R is not installed); it scales before differencing,
  /// as daisy does, while GowerRows does the same, so only summation order differs: 1e-12 absolute on values in [0, 1].
  @Test("matches R's daisy(metric = \"gower\") on a mixed table with a constant column")
  func matchesDaisy() throws {
    let json = try MixedReference.load("gower-reference")
    let input = try MixedReference.input(json)
    let scaling = GowerScaling(fitting: input.numeric)
    expectClose(scaling.minimums, try FixtureLoader.doubles(FixtureLoader.field(json, "minimums"), "minimums"), relative: 0)
    expectClose(scaling.ranges, try FixtureLoader.doubles(FixtureLoader.field(json, "ranges"), "ranges"), relative: 0)
    #expect(scaling.ranges[2] == 1, "a constant column's range becomes 1")
    let rows = GowerRows(numeric: input.numeric, scaling: scaling, codes: input.categorical.map(\.codes))
    let expected = try FixtureLoader.matrix(FixtureLoader.field(json, "dissimilarities"), "dissimilarities")
    #expect(expected.rows == rows.rows && rows.featureCount == 5)
    for i in 0..<rows.rows {
      for j in 0..<rows.rows {
        expectClose(GowerRows.dissimilarity(rows, row: i, rows, row: j), expected[i, j], relative: 1e-12, "d(\(i), \(j))")
      }
    }
  }

  @Test("new rows are scaled with the fit ranges and an unseen level mismatches every row")
  func newRows() throws {
    let json = try MixedReference.load("gower-reference")
    let input = try MixedReference.input(json)
    let scaling = GowerScaling(fitting: input.numeric)
    let fit = GowerRows(numeric: input.numeric, scaling: scaling, codes: input.categorical.map(\.codes))
    let newNumeric = try FixtureLoader.matrix(FixtureLoader.field(json, "new_numeric"), "new_numeric")
    let newValues = try MixedReference.list(json, "new_categorical").map { $0.array?.compactMap(\.string) ?? [] }
    let newCodes = zip(input.categorical, newValues).map { feature, values in values.map { feature.levels.firstIndex(of: $0) ?? -1 } }
    #expect(newCodes[0].contains(-1), "the fixture has an unseen level")
    let new = GowerRows(numeric: newNumeric, scaling: scaling, codes: newCodes)
    let expected = try FixtureLoader.matrix(FixtureLoader.field(json, "new_dissimilarities"), "new_dissimilarities")
    for i in 0..<new.rows {
      for j in 0..<fit.rows {
        expectClose(GowerRows.dissimilarity(new, row: i, fit, row: j), expected[i, j], relative: 1e-12, "new \(i) vs \(j)")
      }
    }
  }

  @Test("numeric-only and categorical-only rows reduce to range-scaled Manhattan / p and the mismatch share")
  func pureCases() {
    let x = Matrix([[0, 10], [4, 30], [2, 20]])
    let numeric = GowerRows(numeric: x, scaling: GowerScaling(fitting: x), codes: [])
    expectClose(GowerRows.dissimilarity(numeric, row: 0, numeric, row: 1), 1, relative: 1e-15)
    expectClose(GowerRows.dissimilarity(numeric, row: 0, numeric, row: 2), 0.5, relative: 1e-15)
    let empty = Matrix(rows: 3, columns: 0)
    let categorical = GowerRows(numeric: empty, scaling: GowerScaling(fitting: empty), codes: [[0, 1, 0], [2, 2, 1]])
    #expect(GowerRows.dissimilarity(categorical, row: 0, categorical, row: 1) == 0.5)
    #expect(GowerRows.dissimilarity(categorical, row: 0, categorical, row: 2) == 0.5)
    #expect(GowerRows.dissimilarity(categorical, row: 1, categorical, row: 1) == 0)
  }
}
