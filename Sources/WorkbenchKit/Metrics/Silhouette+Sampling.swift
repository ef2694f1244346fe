import WorkbenchNumerics

extension Silhouette {
  /// The mean silhouette over `repeats` seeded subsamples of `sampleSize` non-noise rows, with its 95 % interval.
  ///
  /// Each subsample is a partial Fisher–Yates draw from the non-noise rows
  /// with ``SeededGenerator`` seeded by the trial seed, kept in row order, and
  /// scored exactly. The interval is mean ± t₀.₉₇₅(repeats − 1) · s / √repeats
  /// with s the sample standard deviation of the subsample scores.
  /// - Complexity: O(repeats · sampleSize² · columns).
  func estimate(_ input: MetricInput, members: [Int], sampleSize: Int, context: FitContext) throws -> Score {
    var generator = SeededGenerator(seed: context.seed)
    var pool = members
    var scores: [Double] = []
    for r in 0..<repeats {
      for i in 0..<sampleSize { pool.swapAt(i, i + generator.nextIndex(below: pool.count - i)) }
      let rows = pool[0..<sampleSize].sorted()
      let labels = rows.map { input.clustering.labels[$0] }
      switch try SilhouetteSamples.compute(input.features.selecting(rows: rows), labels: labels, context: context) {
      case .success(let samples): scores.append(samples.mean)
      case .failure(let undefined):
        return .undefined("silhouette subsample \(r + 1) of \(repeats) (\(sampleSize) rows) \(undefined.reason); raise sample_size")
      }
    }
    let n = Double(repeats)
    let mean = scores.reduce(0, +) / n
    let variance = scores.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
    let halfWidth = StudentT.quantile975(degrees: repeats - 1) * (variance / n).squareRoot()
    return .estimate(value: mean, low: mean - halfWidth, high: mean + halfWidth)
  }
}
