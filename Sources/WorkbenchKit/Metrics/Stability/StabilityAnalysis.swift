import WorkbenchNumerics

/// Re-clusters perturbed copies of a trial's features and compares them with the trial's clustering.
///
/// Each copy has its own seed derived from the experiment seed, the config
/// hash and the copy's index, so results are reproducible and independent
/// of `--jobs`; copies are fitted in parallel on the run's executor and collected by index.
/// Resampling acts on the pipeline's output (the pipeline is fitted once on
/// all rows), as fpc::clusterboot resamples the data it is given.
public struct StabilityAnalysis: Sendable {
  /// The protocol.
  public let spec: StabilitySpec

  public init(spec: StabilitySpec) {
    self.spec = spec
  }

  /// Tests `reference` (the clustering of `input` by `algorithm`) for stability; reseeding applies only when `usesRandomness`.
  public func run(
    _ algorithm: any ClusteringAlgorithm, usesRandomness: Bool, input: ClusteringInput, reference: Clustering, experimentSeed: UInt64, configHash: String
  ) -> StabilityResult {
    let copies = (0..<spec.resamples).map { b in perturbedCopy(input, seed: TrialSeed.seed(experimentSeed: experimentSeed, configHash: configHash, resample: b + 1)) }
    let resampleOutcomes = Parallel.map(count: copies.count) { b -> (ari: Double, jaccard: [Double])? in
      let copy = copies[b]
      guard let fitted = try? algorithm.fit(copy.input, context: FitContext(seed: copy.fitSeed)) else { return nil }
      let full = copy.shared.map { reference.labels[$0.original] }
      let again = copy.shared.map { fitted.labels[$0.copy] }
      let comparison = PartitionComparison(full, again)
      let best = comparison.bestJaccard
      let jaccard = (0..<reference.clusterCount).map { cluster in comparison.firstLabels.firstIndex(of: cluster).map { best[$0] } ?? 0 }
      return (comparison.adjustedRandIndex, jaccard)
    }
    var ari: [Double] = []
    var jaccardSums = Array(repeating: 0.0, count: reference.clusterCount)
    for outcome in resampleOutcomes {
      ari.append(outcome?.ari ?? 0)
      for (c, j) in (outcome?.jaccard ?? []).enumerated() { jaccardSums[c] += j }
    }
    let seedRuns = usesRandomness ? spec.seeds : 0
    let seedARI = Parallel.map(count: seedRuns) { run -> Double in
      let s = run + 1
      let seed = TrialSeed.seed(experimentSeed: experimentSeed, configHash: configHash, resample: -s)
      guard let fitted = try? algorithm.fit(input, context: FitContext(seed: seed)) else { return 0 }
      return PartitionComparison(reference.labels, fitted.labels).adjustedRandIndex
    }
    return StabilityResult(
      method: spec.method, resampleARI: ari, clusterJaccard: jaccardSums.map { spec.resamples > 0 ? $0 / Double(spec.resamples) : 0 },
      failedResamples: resampleOutcomes.filter { $0 == nil }.count, seedARI: seedARI)
  }

  /// A perturbed copy: its input, the seed for its fit, and which copy rows share which original rows.
  struct Copy: Sendable {
    var input: ClusteringInput
    var fitSeed: UInt64
    var shared: [(original: Int, copy: Int)]
  }

  func perturbedCopy(_ input: ClusteringInput, seed: UInt64) -> Copy {
    var rng = SeededGenerator(seed: seed)
    let n = input.rows
    switch spec.method {
    case .bootstrap:
      let drawn = (0..<n).map { _ in rng.nextIndex(below: n) }
      var firstPosition = [Int: Int]()
      for (position, row) in drawn.enumerated() where firstPosition[row] == nil { firstPosition[row] = position }
      let shared = firstPosition.keys.sorted().map { ($0, firstPosition[$0]!) }
      return Copy(input: input.selecting(rows: drawn), fitSeed: rng.next(), shared: shared)
    case .subsample:
      let keep = max(1, Int((spec.fraction * Double(n)).rounded()))
      var order = Array(0..<n)
      for i in 0..<keep { order.swapAt(i, i + rng.nextIndex(below: n - i)) }
      let chosen = order.prefix(keep).sorted()
      return Copy(input: input.selecting(rows: chosen), fitSeed: rng.next(), shared: chosen.enumerated().map { ($1, $0) })
    case .noise:
      var jittered = input
      jittered.numeric = Self.jitter(input.numeric, scale: spec.scale, using: &rng)
      return Copy(input: jittered, fitSeed: rng.next(), shared: (0..<n).map { ($0, $0) })
    }
  }

  /// `x` plus Gaussian noise of `scale` × each column's (population) standard deviation.
  static func jitter(_ x: Matrix, scale: Double, using rng: inout SeededGenerator) -> Matrix {
    var out = x
    for c in 0..<x.columns {
      let column = x.column(c)
      let mean = column.reduce(0, +) / Double(max(x.rows, 1))
      let sd = (column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(x.rows, 1))).squareRoot()
      for r in 0..<x.rows { out[r, c] += scale * sd * rng.nextGaussian() }
    }
    return out
  }
}
