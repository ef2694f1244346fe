import Testing
import WorkbenchNumerics

/// Reference values: numpy 2.4.6 `np.quantile([3, 1, 4, 1.5, 9, 2.6, 5], q)` and `np.sum(np.arange(1, 201) * 0.1)`.
@Suite("Quantile and PairwiseSum")
struct QuantileTests {
  @Test("linear quantiles equal numpy's bit for bit, NaN ignored")
  func numpyQuantiles() {
    let x = [3.0, .nan, 1.0, 4.0, 1.5, 9.0, 2.6, 5.0]
    let expected = [1.0, 1.03, 2.05, 3.0, 6.600000000000001, 8.759999999999998, 9.0]
    #expect([0, 0.01, 0.25, 0.5, 0.9, 0.99, 1].map { Quantile.linear(x, $0) } == expected)
    #expect(Quantile.linear([Double.nan], 0.5) == nil)
    #expect(Quantile.linear([7], 0.3) == 7)
  }

  @Test("pairwise sums equal numpy's (where naive summation differs) and short sums add in order")
  func pairwise() {
    let x = (1...200).map { Double($0) * 0.1 }
    #expect(PairwiseSum.sum(x) == 2010.0)
    #expect(x.reduce(0, +) != 2010.0)
    for n in 0...9 {
      let y = (0..<n).map { 1.0 / Double($0 + 3) }
      #expect(PairwiseSum.sum(y) == (n < 8 ? y.reduce(0, +) : PairwiseSum.sum(y)))
    }
  }
}
