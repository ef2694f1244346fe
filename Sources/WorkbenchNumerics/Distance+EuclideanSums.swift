extension Distance {
  /// Candidate rows compared at once by ``addEuclideanSums(_:queries:candidates:to:panel:)``, one per SIMD lane.
  public static let panelWidth = 8

  /// Adds to `sums[q]` the sum of Euclidean distances from row `queries[q]` of `x` to every row `candidates` of `x`.
  ///
  /// The building block of the exact silhouette: per-row distance sums to one
  /// cluster without ever holding a rows × rows matrix. Candidates are copied
  /// eight at a time into a column-major panel (`panel`, resized to
  /// 8 · columns once), so one `SIMD8` register holds the squared distances
  /// to eight candidates. Each squared distance is Σ_c (x_qc − x_jc)² added in
  /// column order from the exact differences (no ‖x‖² − 2x·y + ‖y‖²
  /// cancellation), then square-rooted; the eight roots are added as
  /// ((r₀ + r₁) + (r₂ + r₃)) + ((r₄ + r₅) + (r₆ + r₇)), unused lanes as zeros,
  /// and panels in candidate order. The order of every addition thus depends
  /// only on the arguments: results are bit-identical on any thread and build.
  ///
  /// Domain: indices in `0..<x.rows` (checked in debug builds), `sums.count == queries.count` (checked).
  /// A query that is also a candidate adds its zero self-distance.
  /// - Complexity: O(`queries.count` · `candidates.count` · `x.columns`) time; O(8 · `x.columns`) scratch.
  public static func addEuclideanSums(
    _ x: Matrix, queries: ArraySlice<Int>, candidates: ArraySlice<Int>, to sums: inout [Double], panel: inout [Double]
  ) {
    precondition(sums.count == queries.count, "one sum per query")
    let width = panelWidth
    let d = x.columns
    if panel.count != width * d { panel = Array(repeating: 0, count: width * d) }
    x.withStorage { all in
      panel.withUnsafeMutableBufferPointer { p in
        sums.withUnsafeMutableBufferPointer { s in
          var start = candidates.startIndex
          while start < candidates.endIndex {
            let lanes = min(width, candidates.endIndex - start)
            for l in 0..<width {
              let row = candidates[start + min(l, lanes - 1)]
              assert(row >= 0 && row < x.rows, "candidate row out of range")
              for c in 0..<d { p[c * width + l] = all[row * d + c] }
            }
            var used = SIMDMask<SIMD8<Int64>>()
            for l in 0..<lanes { used[l] = true }
            let raw = UnsafeRawPointer(p.baseAddress!)
            for (q, row) in zip(queries.indices, queries) {
              assert(row >= 0 && row < x.rows, "query row out of range")
              var acc = SIMD8<Double>()
              for c in 0..<d {
                let diff = SIMD8(repeating: all[row * d + c]) - raw.loadUnaligned(fromByteOffset: c * width * 8, as: SIMD8<Double>.self)
                acc += diff * diff
              }
              let r = SIMD8<Double>().replacing(with: acc.squareRoot(), where: used)
              s[q - queries.startIndex] += ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
            }
            start += lanes
          }
        }
      }
    }
  }
}
