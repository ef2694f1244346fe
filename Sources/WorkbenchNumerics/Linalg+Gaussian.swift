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
                let total = triangularSquaredNorm(ws.baseAddress!, c.baseAddress!, d)
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

  /// Σⱼ yⱼ² with yⱼ = Σᵢ≤ⱼ wⱼᵢ cᵢ (in increasing i) for four rows in SIMD lanes; `w` is `d × d` row-major.
  ///
  /// Four consecutive yⱼ are built together so each loaded cᵢ serves four of
  /// them; every yⱼ still adds its terms in increasing i and the squares are
  /// added in increasing j, so the lanes hold exactly what the one-j-at-a-time
  /// loop computes.
  @inline(__always)
  private static func triangularSquaredNorm(_ w: UnsafePointer<Double>, _ c: UnsafePointer<SIMD4<Double>>, _ d: Int) -> SIMD4<Double> {
    var total = SIMD4<Double>()
    var j = 0
    while j + 4 <= d {
      var y0 = SIMD4<Double>()
      var y1 = SIMD4<Double>()
      var y2 = SIMD4<Double>()
      var y3 = SIMD4<Double>()
      let w0 = w + j * d
      let w1 = w0 + d
      let w2 = w1 + d
      let w3 = w2 + d
      for i in 0...j {
        let ci = c[i]
        y0 += w0[i] * ci
        y1 += w1[i] * ci
        y2 += w2[i] * ci
        y3 += w3[i] * ci
      }
      let c1 = c[j + 1]
      y1 += w1[j + 1] * c1
      y2 += w2[j + 1] * c1
      y3 += w3[j + 1] * c1
      let c2 = c[j + 2]
      y2 += w2[j + 2] * c2
      y3 += w3[j + 2] * c2
      y3 += w3[j + 3] * c[j + 3]
      total += y0 * y0
      total += y1 * y1
      total += y2 * y2
      total += y3 * y3
      j += 4
    }
    while j < d {
      var y = SIMD4<Double>()
      for i in 0...j { y += w[j * d + i] * c[i] }
      total += y * y
      j += 1
    }
    return total
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
    // Blocks of four rows are centred (and weighted) a chunk at a time; then each lower-triangle entry's
    // lanes run through the chunk's blocks in order, four entries of a row of the triangle at once, held in
    // registers. Every lane sees the same additions in the same (block) order as one block at a time.
    let chunkBlocks = 128
    var acc = [SIMD4<Double>](repeating: .zero, count: d * d)
    var centered = [SIMD4<Double>](repeating: .zero, count: chunkBlocks * d)
    var weighted = [SIMD4<Double>](repeating: .zero, count: chunkBlocks * d)
    data.withStorage { xs in
      weights.withUnsafeBufferPointer { wt in
        mean.withUnsafeBufferPointer { mu in
          acc.withUnsafeMutableBufferPointer { a in
            centered.withUnsafeMutableBufferPointer { c in
              weighted.withUnsafeMutableBufferPointer { wc in
                var r = 0
                while r < n {
                  var kept = 0
                  while r < n && kept < chunkBlocks {
                    if r + 4 <= n {
                      let lanes = SIMD4(wt[r * stride + offset], wt[(r + 1) * stride + offset], wt[(r + 2) * stride + offset], wt[(r + 3) * stride + offset])
                      if lanes != .zero {
                        for j in 0..<d {
                          let cj = SIMD4(xs[r * d + j], xs[(r + 1) * d + j], xs[(r + 2) * d + j], xs[(r + 3) * d + j]) - SIMD4(repeating: mu[j])
                          c[kept * d + j] = cj
                          wc[kept * d + j] = lanes * cj
                        }
                        kept += 1
                      }
                    } else {
                      // The last, partial block: missing rows have weight 0 and centred value 0.
                      var lanes = SIMD4<Double>()
                      for lane in 0..<(n - r) { lanes[lane] = wt[(r + lane) * stride + offset] }
                      if lanes != .zero {
                        for j in 0..<d {
                          var v = SIMD4<Double>(repeating: mu[j])
                          for lane in 0..<(n - r) { v[lane] = xs[(r + lane) * d + j] }
                          let cj = v - SIMD4(repeating: mu[j])
                          c[kept * d + j] = cj
                          wc[kept * d + j] = lanes * cj
                        }
                        kept += 1
                      }
                    }
                    r += 4
                  }
                  accumulateScatter(a.baseAddress!, weighted: wc.baseAddress!, centered: c.baseAddress!, blocks: kept, d)
                }
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

  /// `a[j·d + i] += wc[b·d + j] · c[b·d + i]` for every lower-triangle entry (i ≤ j), blocks `b` in order.
  @inline(__always)
  private static func accumulateScatter(
    _ a: UnsafeMutablePointer<SIMD4<Double>>, weighted wc: UnsafePointer<SIMD4<Double>>, centered c: UnsafePointer<SIMD4<Double>>, blocks: Int,
    _ d: Int
  ) {
    guard blocks > 0 else { return }
    for j in 0..<d {
      var i = 0
      while i + 4 <= j + 1 {
        var a0 = a[j * d + i]
        var a1 = a[j * d + i + 1]
        var a2 = a[j * d + i + 2]
        var a3 = a[j * d + i + 3]
        for b in 0..<blocks {
          let w = wc[b * d + j]
          let cb = c + b * d + i
          a0 += w * cb[0]
          a1 += w * cb[1]
          a2 += w * cb[2]
          a3 += w * cb[3]
        }
        a[j * d + i] = a0
        a[j * d + i + 1] = a1
        a[j * d + i + 2] = a2
        a[j * d + i + 3] = a3
        i += 4
      }
      if i + 2 <= j + 1 {
        var a0 = a[j * d + i]
        var a1 = a[j * d + i + 1]
        for b in 0..<blocks {
          let w = wc[b * d + j]
          a0 += w * c[b * d + i]
          a1 += w * c[b * d + i + 1]
        }
        a[j * d + i] = a0
        a[j * d + i + 1] = a1
        i += 2
      }
      if i <= j {
        var a0 = a[j * d + i]
        for b in 0..<blocks { a0 += wc[b * d + j] * c[b * d + i] }
        a[j * d + i] = a0
      }
    }
  }
}
