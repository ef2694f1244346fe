import Testing
import WorkbenchKernels
@testable import WorkbenchNumerics

/// Random rows (some far from the origin), a weight matrix with zero weights (single and whole blocks) and means.
private struct GaussianCase {
  let x: Matrix
  let k: Int
  let weights: [Double]
  let means: Matrix

  init(rows: Int, columns d: Int, components k: Int, seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    x = Matrix(rows: rows, columns: d, storage: (0..<(rows * d)).map { i in rng.nextGaussian() * (i % 3 == 0 ? 1e3 : 1) })
    self.k = k
    weights = (0..<(rows * k)).map { e in (e / k / 4) % 5 == 2 || e % 7 == 0 ? 0 : rng.nextUnit() }
    means = Matrix(rows: k, columns: d, storage: (0..<(k * d)).map { _ in rng.nextGaussian() })
  }
}

@Suite("Gaussian mixture kernels: defined order, the same bits on every path")
struct GaussianKernelTests {
  @Test("weighted sums add rows in order, zero weights skipped", arguments: [(1, 1, 1), (5, 3, 2), (37, 8, 3), (64, 9, 10)])
  func weightedSums(_ rows: Int, _ d: Int, _ k: Int) {
    let g = GaussianCase(rows: rows, columns: d, components: k, seed: UInt64(rows * 31 + d))
    let (counts, sums) = Linalg.weightedSums(g.x, weights: g.weights, components: k)
    for c in 0..<k {
      var count = 0.0
      var sum = [Double](repeating: 0, count: d)
      for r in 0..<rows {
        let w = g.weights[r * k + c]
        count += w
        if w != 0 { for j in 0..<d { sum[j] += w * g.x[r, j] } }
      }
      #expect(counts[c] == count && sums.rowArray(c) == sum, "component \(c)")
    }
  }

  @Test("weighted squared deviations add (w · c) · c in row order", arguments: [(1, 1, 1), (5, 3, 2), (37, 8, 3), (64, 9, 10)])
  func squaredDeviations(_ rows: Int, _ d: Int, _ k: Int) {
    let g = GaussianCase(rows: rows, columns: d, components: k, seed: UInt64(rows * 17 + d))
    let squares = Linalg.weightedSquaredDeviations(g.x, weights: g.weights, means: g.means)
    for c in 0..<k {
      var expected = [Double](repeating: 0, count: d)
      for r in 0..<rows where g.weights[r * k + c] != 0 {
        for j in 0..<d {
          let centered = g.x[r, j] - g.means[c, j]
          expected[j] += g.weights[r * k + c] * centered * centered
        }
      }
      #expect(squares.rowArray(c) == expected, "component \(c)")
    }
  }

  @Test("the AVX2 and baseline paths give the same bits", arguments: [(9, 1, 2), (131, 8, 3), (530, 13, 4)])
  func pathsAgree(_ rows: Int, _ d: Int, _ k: Int) {
    let g = GaussianCase(rows: rows, columns: d, components: k, seed: UInt64(rows + d))
    var factor = Matrix(rows: d, columns: d)
    for j in 0..<d { for i in 0...j { factor[j, i] = g.means[i % k, j] + (i == j ? 2 : 0) } }
    g.x.withStorage { x in
      g.means.withStorage { mu in
        factor.withStorage { w in
          var forms = ([Double](repeating: 0, count: rows * k), [Double](repeating: 0, count: rows * k))
          var scatters = ([Double](repeating: 0, count: d * d), [Double](repeating: 0, count: d * d))
          var scratch = [Double](repeating: 0, count: max(8 * d, wb_weighted_scatter_scratch_count(d)))
          for c in 0..<k {
            let mean = mu.baseAddress! + c * d
            wb_lower_quadratic_forms(x.baseAddress, rows, d, mean, w.baseAddress, &forms.0, k, c, &scratch)
            wb_lower_quadratic_forms_baseline(x.baseAddress, rows, d, mean, w.baseAddress, &forms.1, k, c, &scratch)
            wb_add_weighted_scatter(x.baseAddress, rows, d, g.weights, k, c, mean, &scatters.0, &scratch)
            wb_add_weighted_scatter_baseline(x.baseAddress, rows, d, g.weights, k, c, mean, &scatters.1, &scratch)
          }
          #expect(forms.0 == forms.1 && scatters.0 == scatters.1)
          var counts = ([Double](repeating: 0, count: k), [Double](repeating: 0, count: k))
          var sums = ([Double](repeating: 0, count: k * d), [Double](repeating: 0, count: k * d))
          wb_weighted_sums(x.baseAddress, rows, d, g.weights, k, &counts.0, &sums.0)
          wb_weighted_sums_baseline(x.baseAddress, rows, d, g.weights, k, &counts.1, &sums.1)
          #expect(counts.0 == counts.1 && sums.0 == sums.1)
          var squares = ([Double](repeating: 0, count: k * d), [Double](repeating: 0, count: k * d))
          wb_weighted_squared_deviations(x.baseAddress, rows, d, g.weights, k, mu.baseAddress, &squares.0)
          wb_weighted_squared_deviations_baseline(x.baseAddress, rows, d, g.weights, k, mu.baseAddress, &squares.1)
          #expect(squares.0 == squares.1)
        }
      }
    }
  }
}
