extension Linalg {
  /// For every row `x` of `data`, the quadratic form ‖W (x − mean)‖², written to `out[row · stride + offset]`.
  ///
  /// `w` is lower triangular (only its lower triangle is read), so with
  /// `Wᵀ W = P` this is the squared Mahalanobis distance (x − μ)ᵀ P (x − μ)
  /// of a Gaussian with precision `P`. Four rows are processed at once, one
  /// per SIMD lane, and a left-over row runs the same additions in the same
  /// order (yⱼ = Σᵢ≤ⱼ wⱼᵢ dᵢ, then Σⱼ yⱼ²), so a row's value does not depend on
  /// its position. Domain: `w` is `columns × columns`, `mean.count == columns`,
  /// `out.count ≥ rows · stride` (all checked).
  /// - Complexity: O(rows · columns² / 2).
  public static func lowerQuadraticForms(
    _ data: Matrix, mean: [Double], lowerFactor w: Matrix, into out: inout [Double], stride: Int, offset: Int
  ) {
    let d = data.columns
    let n = data.rows
    precondition(w.rows == d && w.columns == d && mean.count == d, "factor or mean does not match \(d) columns")
    precondition(offset >= 0 && offset < stride && out.count >= n * stride, "output too small")
    var centered = [SIMD4<Double>](repeating: .zero, count: d)
    data.withStorage { xs in
      w.withStorage { ws in
        mean.withUnsafeBufferPointer { mu in
          out.withUnsafeMutableBufferPointer { o in
            centered.withUnsafeMutableBufferPointer { c in
              var r = 0
              while r + 4 <= n {
                for j in 0..<d {
                  c[j] = SIMD4(xs[r * d + j], xs[(r + 1) * d + j], xs[(r + 2) * d + j], xs[(r + 3) * d + j]) - SIMD4(repeating: mu[j])
                }
                var total = SIMD4<Double>()
                for j in 0..<d {
                  var y = SIMD4<Double>()
                  for i in 0...j { y += ws[j * d + i] * c[i] }
                  total += y * y
                }
                for lane in 0..<4 { o[(r + lane) * stride + offset] = total[lane] }
                r += 4
              }
              while r < n {
                var total = 0.0
                for j in 0..<d {
                  var y = 0.0
                  for i in 0...j { y += ws[j * d + i] * (xs[r * d + i] - mu[i]) }
                  total += y * y
                }
                o[r * stride + offset] = total
                r += 1
              }
            }
          }
        }
      }
    }
  }

  /// Adds Σᵣ weightᵣ (xᵣ − mean)(xᵣ − mean)ᵀ over the rows of `data` to the lower triangle of `scatter`.
  ///
  /// The weight of row `r` is `weights[r · stride + offset]` (a column of a
  /// row-major responsibility matrix). Four rows are accumulated at once, one
  /// per SIMD lane, and the lanes are added in lane order at the end; rows
  /// with zero weight add nothing. Only the lower triangle of `scatter` is
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
    var acc = [SIMD4<Double>](repeating: .zero, count: d * d)
    var centered = [SIMD4<Double>](repeating: .zero, count: d)
    data.withStorage { xs in
      weights.withUnsafeBufferPointer { wt in
        mean.withUnsafeBufferPointer { mu in
          acc.withUnsafeMutableBufferPointer { a in
            centered.withUnsafeMutableBufferPointer { c in
              var r = 0
              while r < n {
                var lanes = SIMD4<Double>()
                for lane in 0..<4 where r + lane < n { lanes[lane] = wt[(r + lane) * stride + offset] }
                if lanes == .zero {
                  r += 4
                  continue
                }
                for j in 0..<d {
                  var v = SIMD4<Double>(repeating: mu[j])
                  for lane in 0..<4 where r + lane < n { v[lane] = xs[(r + lane) * d + j] }
                  c[j] = v - SIMD4(repeating: mu[j])
                }
                for j in 0..<d {
                  let weighted = lanes * c[j]
                  for i in 0...j { a[j * d + i] += weighted * c[i] }
                }
                r += 4
              }
            }
          }
        }
      }
    }
    for j in 0..<d {
      for i in 0...j {
        let lanes = acc[j * d + i]
        scatter[j, i] += (lanes[0] + lanes[1]) + (lanes[2] + lanes[3])
      }
    }
  }
}
