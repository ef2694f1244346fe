import Foundation
import WorkbenchKernels

extension Linalg {
  /// For every row `x` of `data`, the quadratic form ‖W (x − mean)‖², written to `out[row · stride + offset]`.
  ///
  /// `w` is lower triangular (only its lower triangle is read), so with
  /// `Wᵀ W = P` this is the squared Mahalanobis distance (x − μ)ᵀ P (x − μ)
  /// of a Gaussian with precision `P`. The kernel (`wb_lower_quadratic_forms`)
  /// runs eight rows at once in vector lanes, AVX2 where the CPU has it, each
  /// row with the same additions in the same order (yⱼ = Σᵢ≤ⱼ wⱼᵢ dᵢ, then
  /// Σⱼ yⱼ²), so a row's value depends neither on its position nor on the
  /// CPU. Domain: `w` is `columns × columns`, `mean.count == columns`,
  /// `out.count ≥ rows · stride` (all checked).
  /// - Complexity: O(rows · columns² / 2).
  public static func lowerQuadraticForms(
    _ data: Matrix, mean: [Double], lowerFactor w: Matrix, into out: inout [Double], stride: Int, offset: Int
  ) {
    let d = data.columns
    let n = data.rows
    precondition(w.rows == d && w.columns == d && mean.count == d, "factor or mean does not match \(d) columns")
    precondition(offset >= 0 && offset < stride && out.count >= n * stride, "output too small")
    data.withStorage { xs in
      w.withStorage { ws in
        out.withUnsafeMutableBufferPointer { o in
          withUnsafeTemporaryAllocation(of: Double.self, capacity: 8 * max(d, 1)) { scratch in
            wb_lower_quadratic_forms(xs.baseAddress, n, d, mean, ws.baseAddress, o.baseAddress, stride, offset, scratch.baseAddress)
          }
        }
      }
    }
  }

  /// Adds Σᵣ weightᵣ (xᵣ − mean)(xᵣ − mean)ᵀ over the rows of `data` to the lower triangle of `scatter`.
  ///
  /// The weight of row `r` is `weights[r · stride + offset]` (a column of a
  /// row-major responsibility matrix). Four rows are accumulated at once, one
  /// per vector lane, and the lanes are added in lane order at the end; blocks
  /// of four zero weights add nothing. The kernel (`wb_add_weighted_scatter`)
  /// fixes that order on every CPU, so the bits do not depend on it. Only the lower triangle of `scatter` is
  /// written. Domain: `scatter` is `columns × columns`, `mean.count ==
  /// columns`, `weights.count ≥ rows · stride` (all checked).
  /// - Complexity: O(rows · columns² / 2).
  public static func addWeightedScatter(
    _ data: Matrix, weights: [Double], stride: Int, offset: Int, mean: [Double], into scatter: inout Matrix
  ) {
    let d = data.columns
    let n = data.rows
    precondition(scatter.rows == d && scatter.columns == d && mean.count == d, "scatter or mean does not match \(d) columns")
    precondition(offset >= 0 && offset < stride && weights.count >= n * stride, "weights too short")
    data.withStorage { xs in
      scatter.withMutableStorage { s in
        withUnsafeTemporaryAllocation(of: Double.self, capacity: wb_weighted_scatter_scratch_count(d)) { scratch in
          wb_add_weighted_scatter(xs.baseAddress, n, d, weights, stride, offset, mean, s.baseAddress, scratch.baseAddress)
        }
      }
    }
  }

  /// Per column `c` of the row-major `rows × k` matrix `weights`: the total weight Σᵣ wᵣc and the weighted
  /// sum of rows Σᵣ wᵣc xᵣ (row `c` of `sums`): the counts and unnormalised means of a mixture's M step.
  ///
  /// Rows are added in order and zero weights add nothing to the sums
  /// (`wb_weighted_sums`), so the bits do not depend on the CPU. Domain:
  /// `weights.count == rows · k` (checked).
  /// - Complexity: O(rows · k · columns).
  public static func weightedSums(_ data: Matrix, weights: [Double], components k: Int) -> (counts: [Double], sums: Matrix) {
    precondition(weights.count == data.rows * k, "\(weights.count) weights for \(data.rows) rows × \(k) components")
    var counts = [Double](repeating: 0, count: k)
    var sums = Matrix(rows: k, columns: data.columns)
    data.withStorage { xs in
      sums.withMutableStorage { s in
        wb_weighted_sums(xs.baseAddress, data.rows, data.columns, weights, k, &counts, s.baseAddress)
      }
    }
    return (counts, sums)
  }

  /// Per component `c` (a row of `means`, a column of the row-major `rows × k` matrix `weights`) and column
  /// `j`: Σᵣ wᵣc (xᵣⱼ − μcⱼ)², the unnormalised diagonal covariance of a mixture's M step.
  ///
  /// Each term is (wᵣc · (xᵣⱼ − μcⱼ)) · (xᵣⱼ − μcⱼ), rows added in order,
  /// zero weights skipped (`wb_weighted_squared_deviations`). Domain:
  /// `means.columns == data.columns`, `weights.count == rows · means.rows` (checked).
  /// - Complexity: O(rows · k · columns).
  public static func weightedSquaredDeviations(_ data: Matrix, weights: [Double], means: Matrix) -> Matrix {
    let k = means.rows
    precondition(means.columns == data.columns && weights.count == data.rows * k, "means or weights do not match the data")
    var squares = Matrix(rows: k, columns: data.columns)
    data.withStorage { xs in
      means.withStorage { mu in
        squares.withMutableStorage { s in
          wb_weighted_squared_deviations(xs.baseAddress, data.rows, data.columns, weights, k, mu.baseAddress, s.baseAddress)
        }
      }
    }
    return squares
  }

  /// Writes Σⱼ ((xᵣⱼ − μcⱼ) · fcⱼ)² for every row r and component c into `out` (row-major `rows × k`): the
  /// quadratic forms of diagonal Gaussians with precision square roots `factors` (one row per component).
  ///
  /// Four rows at a time in SIMD lanes; each lane adds its columns in column order, the same
  /// operations as the one-row loop, so the values do not depend on the blocking.
  /// Domain: `means` and `factors` are `k × columns`, `out.count ≥ rows · k` (checked).
  /// - Complexity: O(rows · k · columns).
  public static func diagonalQuadraticForms(_ x: Matrix, means: Matrix, factors: Matrix, into out: inout [Double]) {
    let n = x.rows
    let d = x.columns
    let k = means.rows
    precondition(means.columns == d && factors.rows == k && factors.columns == d && out.count >= n * k, "shapes do not match")
    var block = [SIMD4<Double>](repeating: .zero, count: d)
    x.withStorage { xs in
      means.withStorage { mu in
        factors.withStorage { f in
          out.withUnsafeMutableBufferPointer { o in
            block.withUnsafeMutableBufferPointer { b in
              var r = 0
              while r + 4 <= n {
                for j in 0..<d { b[j] = SIMD4(xs[r * d + j], xs[(r + 1) * d + j], xs[(r + 2) * d + j], xs[(r + 3) * d + j]) }
                for c in 0..<k {
                  var total = SIMD4<Double>()
                  for j in 0..<d {
                    let y = (b[j] - SIMD4(repeating: mu[c * d + j])) * SIMD4(repeating: f[c * d + j])
                    total += y * y
                  }
                  for lane in 0..<4 { o[(r + lane) * k + c] = total[lane] }
                }
                r += 4
              }
              while r < n {
                for c in 0..<k {
                  var total = 0.0
                  for j in 0..<d {
                    let y = (xs[r * d + j] - mu[c * d + j]) * f[c * d + j]
                    total += y * y
                  }
                  o[r * k + c] = total
                }
                r += 1
              }
            }
          }
        }
      }
    }
  }

  /// Turns quadratic forms `q` (row-major `rows × k`, in place) into weighted Gaussian log densities:
  /// −½ (d log 2π + q) + ½ log det P_c + log w_c, with `halfLogDeterminants[c]` = ½ log det P_c.
  ///
  /// scikit-learn's `_estimate_weighted_log_prob`; the terms are added in
  /// that order (the half log determinant, then the log weight), so the bits
  /// match the one-expression loop it replaces.
  /// Domain: `halfLogDeterminants.count == logWeights.count == k`, `q.count ≥ rows · k` (checked).
  /// - Complexity: O(rows · k).
  public static func gaussianLogDensities(
    _ q: inout [Double], rows n: Int, dimensions d: Int, halfLogDeterminants: [Double], logWeights: [Double]
  ) {
    let k = logWeights.count
    precondition(halfLogDeterminants.count == k && q.count >= n * k, "shapes do not match")
    let constant = Double(d) * log(2 * Double.pi)
    halfLogDeterminants.withUnsafeBufferPointer { halfLogDet in
      logWeights.withUnsafeBufferPointer { logWeight in
        q.withUnsafeMutableBufferPointer { o in
          for r in 0..<n {
            for c in 0..<k {
              o[r * k + c] = -0.5 * (constant + o[r * k + c]) + halfLogDet[c] + logWeight[c]
            }
          }
        }
      }
    }
  }
}
