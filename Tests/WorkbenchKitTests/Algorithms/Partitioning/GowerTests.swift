import Testing
import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

@Suite("gower dissimilarity")
struct GowerTests {
  /// R's own `cluster::daisy(metric = "gower")` (cluster 2.1.4, Fixtures/gower-daisy.json from generate_r_fixtures.R)
  /// on the mixed table of gower-reference.json. daisy scales before differencing, as GowerRows does; only the
  /// summation order differs (Fortran adds the columns in order, GowerRows adds the numeric block first).
  @Test("matches R's daisy(metric = \"gower\") on a mixed table with a constant column", arguments: ["fit", "with_new_rows"])
  func matchesDaisy(_ caseName: String) throws {
    let json = try MixedReference.load("gower-reference")
    let daisy = try FixtureLoader.field(MixedReference.load("gower-daisy"), caseName)
    let fit = try MixedReference.input(json)
    var numeric = fit.numeric, levels = fit.categorical.map(\.levels), codes = fit.categorical.map(\.codes)
    if caseName == "with_new_rows" {
      // daisy on the fit rows with the new rows appended: ranges span all rows; levels seen only in the new rows come last.
      let newNumeric = try FixtureLoader.matrix(FixtureLoader.field(json, "new_numeric"), "new_numeric")
      numeric = Matrix((0..<numeric.rows).map { numeric.rowArray($0) } + (0..<newNumeric.rows).map { newNumeric.rowArray($0) })
      levels = try MixedReference.list(daisy, "levels").map { $0.array?.compactMap(\.string) ?? [] }
      let newValues = try MixedReference.list(json, "new_categorical").map { $0.array?.compactMap(\.string) ?? [] }
      #expect(levels.count == codes.count && newValues.count == codes.count)
      for f in codes.indices {
        #expect(levels[f].starts(with: fit.categorical[f].levels))
        codes[f] += try newValues[f].map { value in try #require(levels[f].firstIndex(of: value), "level \(value)") }
      }
      #expect(levels[0].count > fit.categorical[0].levels.count, "the new rows bring an unseen level")
    }
    let scaling = GowerScaling(fitting: numeric)
    expectClose(scaling.minimums, try FixtureLoader.doubles(FixtureLoader.field(daisy, "minimums"), "minimums"), relative: 0)
    expectClose(scaling.ranges, try FixtureLoader.doubles(FixtureLoader.field(daisy, "ranges"), "ranges"), relative: 0)
    if caseName == "fit" { #expect(scaling.ranges[2] == 1, "a constant column's range becomes 1") }
    let rows = GowerRows(numeric: numeric, scaling: scaling, codes: codes)
    let expected = try FixtureLoader.matrix(FixtureLoader.field(daisy, "dissimilarities"), "dissimilarities")
    #expect(expected.rows == rows.rows && expected.columns == rows.rows && rows.featureCount == 5)
    var worst = 0.0
    for i in 0..<rows.rows {
      for j in 0..<rows.rows {
        worst = max(worst, abs(GowerRows.dissimilarity(rows, row: i, rows, row: j) - expected[i, j]))
      }
    }
    // Values lie in [0, 1]; measured: bit-identical on the fit table, 1.1e-16 at most with the new rows.
    #expect(worst <= 1e-15, "largest absolute difference \(worst)")
  }

  /// daisy has no "new rows": the reference (gower-reference.json) applies daisy's formula in numpy with the fit
  /// rows' minimums and ranges, which is what assigning new customers needs.
  @Test("new rows are scaled with the fit ranges (numpy, daisy's formula) and an unseen level mismatches every row")
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
    #expect(expected.rows == new.rows && expected.columns == fit.rows)
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
