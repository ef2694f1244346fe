import Testing
import WorkbenchKit
@testable import WorkbenchNumerics
import WorkbenchTestSupport

/// Reference values: `np.nanquantile` and `np.sum` (numpy 2.4.6) in Fixtures/numerics-reference.json,
/// written by Fixtures/generate_numerics_fixtures.py; inputs are built here the same way the script builds them.
@Suite("Quantile and PairwiseSum")
struct QuantileTests {
  @Test("linear quantiles equal numpy's bit for bit, NaN ignored")
  func numpyQuantiles() throws {
    let sample = try NumericsReference.numbers("quantile", "sample")
    let qs = try NumericsReference.numbers("quantile", "q")
    let expected = try NumericsReference.numbers("quantile", "linear")
    #expect(sample.contains { $0.isNaN } && qs.count == expected.count && qs.count == 7)
    #expect(qs.map { Quantile.linear(sample, $0) } == expected)
    #expect(Quantile.linear([Double.nan], 0.5) == nil)
    let single = try NumericsReference.numbers("quantile", "single_value", "values")
    #expect(Quantile.linear(single, try NumericsReference.number("quantile", "single_value", "q")) == (try NumericsReference.number("quantile", "single_value", "linear")))
  }

  @Test("quantiles found by selection equal those of the sorted values, bit for bit, with ties, NaN and every size to 300")
  func selectionEqualsSort() {
    var random = SeededGenerator(seed: 17)
    let qs = [0, 0.05, 0.25, 0.5, 0.5, 0.75, 0.95, 0.999, 1]
    for n in Array(1...300) + [4_096, 10_007] {
      for alphabet in [3, 1_000_000] {
        let values = (0..<n).map { i in i % 97 == 13 ? Double.nan : Double(random.nextIndex(below: alphabet)) - Double(alphabet / 2) }
        let sorted = values.filter { !$0.isNaN }.sorted()
        let selected = Quantile.linear(values, qs)
        if sorted.isEmpty {
          #expect(selected == nil)
          continue
        }
        #expect(selected?.map(\.bitPattern) == qs.map { Quantile.linear(sorted: sorted, $0).bitPattern }, "n \(n), alphabet \(alphabet)")
      }
    }
    let ascending = (0..<5_000).map(Double.init), descending = Array(ascending.reversed()), constant = [Double](repeating: 2, count: 5_000)
    for values in [ascending, descending, constant] {
      #expect(Quantile.linear(values, [0.25, 0.5]) == [1_249.75, 2_499.5].map { values == constant ? 2 : $0 })
    }
  }

  @Test("quantiles of many values (bracketed by a sample) equal those of the sorted values, also where the sample misleads")
  func sampledSelectionEqualsSort() {
    var random = SeededGenerator(seed: 23)
    let qs = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1]
    let n = 200_003
    let uniform = (0..<n).map { _ in Double(random.nextIndex(below: 1 << 40)) }
    let ties = (0..<n).map { _ in Double(random.nextIndex(below: 7)) }
    let ascending = (0..<n).map(Double.init)
    // Every value the evenly spaced sample sees is huge, every other one small: the brackets miss, the fallback answers.
    let stride = n / SampledSelection.sampleSize
    let misleading = (0..<n).map { (i: Int) -> Double in i % stride == 0 ? 1e9 + Double(i) : Double(i % 1_000) }
    let descending: [Double] = ascending.reversed()
    let cases: [(String, [Double])] = [("uniform", uniform), ("ties", ties), ("ascending", ascending), ("descending", descending), ("misleading", misleading)]
    for (name, values) in cases {
      let sorted = values.sorted()
      #expect(Quantile.linear(values, qs)?.map(\.bitPattern) == qs.map { Quantile.linear(sorted: sorted, $0).bitPattern }, "\(name)")
    }
    let ranks = [0, 10, 100_000, n - 1]
    #expect(SampledSelection.values(at: ranks, of: uniform) == ranks.map { uniform.sorted()[$0] })
    #expect(SampledSelection.values(at: [n / 2], of: misleading) == nil, "a missed bracket is reported, not guessed")
  }

  @Test("neighbours whose difference overflows (∓1.7e308) interpolate to the finite value between them")
  func overflowingDifference() {
    let split = [-1.7e308, 1.7e308]
    #expect(Quantile.linear(sorted: split, 0.5) == 0)
    expectClose(Quantile.linear(sorted: split, 0.25), -0.85e308, relative: 1e-15)
    expectClose(Quantile.linear(sorted: split, 0.9), 1.36e308, relative: 1e-15)
    #expect(Quantile.linear(sorted: split, 0) == -1.7e308 && Quantile.linear(sorted: split, 1) == 1.7e308)
    #expect(Quantile.linear(sorted: [-Double.infinity, 1], 0.5).isInfinite, "infinite values are not interpolated around")
  }

  @Test("pairwise sums equal numpy's bit for bit, around the 8-lane unrolling and the 128-value blocks")
  func pairwise() throws {
    let cases = try #require(try NumericsReference.value("pairwise_sum", "reciprocals").array)
    #expect(cases.count == 17)
    var differsFromSequential = 0
    for c in cases {
      let n = try #require(try FixtureLoader.field(c, "n").integer)
      let y = (0..<n).map { 1.0 / Double($0 + 3) }
      let sum = PairwiseSum.sum(y)
      #expect(sum == (try FixtureLoader.field(c, "sum").number), "n = \(n)")
      #expect(y.reduce(0, +) == (try FixtureLoader.field(c, "sequential").number), "n = \(n): the script's sequential sum")
      if n < 8 { #expect(sum == y.reduce(0, +), "n = \(n): fewer than 8 values add in order") }
      if sum != y.reduce(0, +) { differsFromSequential += 1 }
    }
    #expect(differsFromSequential >= 10, "the sizes are ones where the order shows")
    let tenths = (1...200).map { Double($0) * 0.1 }
    #expect(PairwiseSum.sum(tenths) == (try NumericsReference.number("pairwise_sum", "tenths", "sum")))
    #expect(tenths.reduce(0, +) == (try NumericsReference.number("pairwise_sum", "tenths", "sequential")))
    #expect(PairwiseSum.sum(tenths) != tenths.reduce(0, +))
  }
}

@Suite("Radix sort")
struct RadixSortTests {
  @Test("sorts 64-bit keys as the standard sort does, with shared bytes, ties and the full range")
  func equalsStandardSort() {
    var random = SeededGenerator(seed: 3)
    for n in [0, 1, 2, 255, 256, 10_000, 100_003] {
      for spread: UInt64 in [1, 300, 1 << 40, UInt64.max] {
        let keys = (0..<n).map { _ in UInt64(random.nextIndex(below: Int.max)) &* 2_654_435_761 % (spread == UInt64.max ? UInt64.max : spread) }
        var sorted = keys
        RadixSort.sort(&sorted)
        #expect(sorted == keys.sorted(), "n \(n), spread \(spread)")
      }
    }
    var extremes: [UInt64] = [UInt64.max, 0, 1 << 63, UInt64.max - 1, 0, 255, 256]
    RadixSort.sort(&extremes)
    #expect(extremes == [0, 0, 255, 256, 1 << 63, UInt64.max - 1, UInt64.max])
  }
}

@Suite("Row moments of a matrix")
struct RowMomentsTests {
  @Test("column sums and centred cross-products over chosen rows equal plain loops over fixed chunks, bit for bit")
  func equalPlainLoops() {
    var random = SeededGenerator(seed: 9)
    let (n, p, chunk) = (10_001, 5, 1_000)
    let x = Matrix(rows: n, columns: p, storage: (0..<(n * p)).map { _ in Double(random.nextIndex(below: 1_000_000)) / 997 - 300 })
    let rows = (0..<7_000).map { _ in random.nextIndex(below: n) }
    var sums = [Double](repeating: 0, count: p)
    var products = [Double](repeating: 0, count: p * p)
    let centre = [1.5, -2, 0, 300, 7]
    for first in stride(from: 0, to: rows.count, by: chunk) {
      var s = [Double](repeating: 0, count: p), m = [Double](repeating: 0, count: p * p)
      for row in rows[first..<min(first + chunk, rows.count)] {
        for c in 0..<p { s[c] += x[row, c] }
        for a in 0..<p { for b in 0...a { m[a * p + b] += (x[row, a] - centre[a]) * (x[row, b] - centre[b]) } }
      }
      for c in 0..<p { sums[c] += s[c] }
      for j in 0..<(p * p) { products[j] += m[j] }
    }
    #expect(x.columnSums(ofRows: rows, chunkRows: chunk) == sums)
    #expect(x.centredCrossProducts(ofRows: rows, centre: centre, chunkRows: chunk) == products)
    #expect(products[1 * p + 3] == 0 && products[3 * p + 1] != 0, "the lower triangle only")
    #expect(x.columnSums(ofRows: [], chunkRows: chunk) == [Double](repeating: 0, count: p))
    let groupOfRow = (0..<n).map { $0 % 7 == 3 ? -1 : $0 % 3 }
    var groupSums = Matrix(rows: 3, columns: p)
    for i in 0..<n where groupOfRow[i] >= 0 { for c in 0..<p { groupSums[groupOfRow[i], c] += x[i, c] } }
    #expect(x.groupSumsInRowOrder(groupOfRow: groupOfRow, groups: 3) == groupSums, "rows of group −1 are left out")
  }
}

@Suite("Largest magnitudes of a matrix's columns")
struct LargestMagnitudeTests {
  @Test("each column's largest absolute value across chunks, NaN when the column holds one, 0 without rows")
  func largest() {
    let n = Distance.chunkRows * 2 + 5
    var storage = [Double](repeating: 1, count: n * 3)
    storage[(n - 1) * 3 + 0] = -7.5
    storage[10 * 3 + 1] = .infinity
    storage[(Distance.chunkRows + 1) * 3 + 2] = .nan
    storage[(n - 2) * 3 + 2] = 1e300
    #expect(Matrix(rows: n, columns: 3, storage: storage).largestMagnitudes().map(\.description) == ["7.5", "inf", "nan"])
    #expect(Matrix(rows: 0, columns: 2, storage: []).largestMagnitudes() == [0, 0])
  }
}
