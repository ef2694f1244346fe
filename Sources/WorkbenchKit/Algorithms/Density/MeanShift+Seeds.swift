import WorkbenchNumerics

extension MeanShift {
  /// scikit-learn's `estimate_bandwidth(X, quantile)` with every row: the mean, over rows, of the distance to the
  /// row's ⌊rows · quantile⌋-th nearest row (itself counted first, at 0; at least the 1st).
  ///
  /// The distances are summed as scikit-learn sums them: numpy's pairwise sum
  /// within batches of 500 rows, the batch sums added in order, then divided
  /// by the rows. All rows identical give 0.
  /// - Complexity: a k-nearest search per row with k = quantile · rows: O(rows² · columns) at the default 0.3.
  static func estimatedBandwidth(_ index: NeighborIndex, quantile: Double) -> Double {
    let neighbors = max(1, Int(Double(index.count) * quantile))
    let distances = index.distanceToNearest(neighbors)
    var total = 0.0
    for start in stride(from: 0, to: distances.count, by: 500) {
      total += PairwiseSum.sum(Array(distances[start..<min(start + 500, distances.count)]))
    }
    return total / Double(index.count)
  }

  /// scikit-learn's `get_bin_seeds`: the cells of a grid of spacing `bandwidth` holding at least `minimumFrequency`
  /// rows, as points, in the order their first row comes; the rows themselves when every row has a cell of its own.
  ///
  /// A row's cell is its values divided by `bandwidth`, rounded half to even
  /// (`numpy.round`). scikit-learn stores the cells in float32 and multiplies
  /// by the bandwidth: a bandwidth the user gave (a Python float) keeps the
  /// product in float32, an estimated one (a numpy float64) makes it float64
  /// (numpy 2's promotion rules); `estimated` chooses which, so the seeds are
  /// scikit-learn's to the bit. A bandwidth of 0 seeds from every row.
  /// May return no seeds (`minimumFrequency` above every cell's count).
  /// - Complexity: O(rows · columns) expected time and O(cells · columns) memory.
  static func binSeeds(_ x: Matrix, bandwidth: Double, estimated: Bool, minimumFrequency: Int) -> Matrix {
    guard bandwidth > 0 else { return x }
    var cells: [[Double]] = []
    var frequency: [Int] = []
    var position: [[Double]: Int] = [:]
    for r in 0..<x.rows {
      let cell = x.row(r).map { ($0 / bandwidth).rounded(.toNearestOrEven) }
      if let i = position[cell] {
        frequency[i] += 1
      } else {
        position[cell] = cells.count
        cells.append(cell)
        frequency.append(1)
      }
    }
    let kept = cells.indices.filter { frequency[$0] >= minimumFrequency }
    guard kept.count != x.rows else { return x }
    let single = Float(bandwidth)
    let seed: (Double) -> Double = estimated ? { Double(Float($0)) * bandwidth } : { Double(Float($0) * single) }
    return Matrix(rows: kept.count, columns: x.columns, storage: kept.flatMap { cells[$0].map(seed) })
  }
}
