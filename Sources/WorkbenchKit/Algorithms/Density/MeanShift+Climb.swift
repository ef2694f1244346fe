import WorkbenchNumerics

extension MeanShift {
  /// Where one seed's climb ended: the mean it rests at and the rows within `bandwidth` of its last step.
  struct RestingPoint: Sendable {
    /// The last mean.
    var mean: [Double]
    /// Rows within the bandwidth of the point the last mean was taken around (scikit-learn's "intensity").
    var intensity: Int
    /// The seed it started from.
    var seed: Int
  }

  /// Every seed's climb, taken in lockstep.
  struct Climb: Sendable {
    /// The resting points of the seeds that found rows, by seed.
    var resting: [RestingPoint]
    /// The most moves any seed made (scikit-learn's `n_iter_`).
    var iterations: Int
    /// Every seed stopped because it moved by at most 10⁻³ · bandwidth, none because of `max_iter`.
    var converged: Bool
  }

  /// Moves each seed to the mean of the rows of `data` within `bandwidth` of it until it moves by at most
  /// 10⁻³ · bandwidth or has moved `maxIterations` times (scikit-learn's `_mean_shift_single_seed`).
  ///
  /// A seed with no row within reach stops and is left out (scikit-learn drops
  /// it too). The seeds still moving are queried together, in fixed chunks
  /// across the cores (``NeighborIndex/neighborhoods(within:of:placeholder:_:)``);
  /// each mean sums its rows in row order, so results never depend on the
  /// thread count.
  /// - Complexity: O(seeds · moves · (log rows + r) · columns), r the rows within reach.
  static func climb(
    _ seeds: Matrix, index: NeighborIndex, data x: Matrix, bandwidth: Double, maxIterations: Int, context: FitContext
  ) throws -> Climb {
    var means = (0..<seeds.rows).map { seeds.rowArray($0) }
    var moves = Array(repeating: 0, count: seeds.rows)
    var resting: [RestingPoint] = []
    var converged = true
    var active = Array(0..<seeds.rows)
    let threshold = 1e-3 * bandwidth
    while !active.isEmpty {
      try context.checkCancellation()
      let steps = index.neighborhoods(within: bandwidth, of: Matrix(active.map { means[$0] }), placeholder: nil) { _, neighbors in
        neighbors.isEmpty ? nil : (mean: meanOfRows(neighbors.map(\.index).sorted(), of: x), count: neighbors.count)
      }
      var next: [Int] = []
      for (seed, step) in zip(active, steps) {
        guard let step else { continue }
        let moved = Distance.squaredEuclidean(step.mean, means[seed]).squareRoot()
        means[seed] = step.mean
        if moved <= threshold || moves[seed] == maxIterations {
          converged = converged && moved <= threshold
          resting.append(RestingPoint(mean: step.mean, intensity: step.count, seed: seed))
        } else {
          moves[seed] += 1
          next.append(seed)
        }
      }
      active = next
    }
    return Climb(resting: resting, iterations: moves.max() ?? 0, converged: converged)
  }

  /// The mean of `rows` of `x` (in the order given), each column summed in order then divided by the count, as `numpy.mean(axis=0)`.
  static func meanOfRows(_ rows: [Int], of x: Matrix) -> [Double] {
    var sum = Array(repeating: 0.0, count: x.columns)
    for r in rows {
      for (c, value) in x.row(r).enumerated() { sum[c] += value }
    }
    return sum.map { $0 / Double(rows.count) }
  }

  /// scikit-learn's post-processing: resting points ranked by intensity (then coordinates), largest first, and a
  /// point dropped when it lies within `bandwidth` of a better one kept.
  ///
  /// Seeds that came to rest at exactly the same mean count once, with the
  /// intensity of the last such seed (scikit-learn keys a dictionary by the
  /// mean, so a later seed overwrites an earlier one).
  /// - Complexity: O(points · log points) to rank, a radius query per kept point.
  static func distinctPeaks(_ resting: [RestingPoint], bandwidth: Double) -> Matrix {
    let bySeed = resting.sorted { $0.mean != $1.mean ? $0.mean.lexicographicallyPrecedes($1.mean) : $0.seed < $1.seed }
    var points: [RestingPoint] = []
    for point in bySeed {
      if points.last?.mean == point.mean { points.removeLast() }
      points.append(point)
    }
    points.sort { $0.intensity != $1.intensity ? $0.intensity > $1.intensity : $1.mean.lexicographicallyPrecedes($0.mean) }
    guard let columns = points.first?.mean.count else { return Matrix(rows: 0, columns: 0) }
    let ranked = Matrix(rows: points.count, columns: columns, storage: points.flatMap(\.mean))
    let index = NeighborIndex(ranked, metric: .euclidean)
    var unique = Array(repeating: true, count: points.count)
    for i in points.indices where unique[i] {
      let near = index.neighborhoods(within: bandwidth, of: ranked.selecting(rows: [i]), placeholder: []) { _, found in found.map(\.index) }
      for j in near[0] { unique[j] = false }
      unique[i] = true
    }
    return ranked.selecting(rows: points.indices.filter { unique[$0] })
  }
}
