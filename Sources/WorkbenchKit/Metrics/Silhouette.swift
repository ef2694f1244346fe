import WorkbenchNumerics

/// Mean silhouette coefficient over Euclidean distances (the ‖x‖² + ‖y‖² − 2x·y form scikit-learn uses, exact differences where it cancels), optionally estimated on subsamples.
///
/// For row i with mean distance a to the other rows of its cluster and b to
/// the rows of the nearest other cluster, s(i) = (b − a) / max(a, b); the score
/// is the mean of s over all non-noise rows. Higher is better; 1 means tight,
/// well-separated clusters. Matches `sklearn.metrics.silhouette_score(x, labels)`
/// on the rows left after removing noise, including s = 0 for a row alone in
/// its cluster (and for a row with a = b = 0). Per-row values and per-cluster
/// means come from ``SilhouetteSamples``.
///
/// With `sample_size` set below the number of non-noise rows, the score is
/// ``Score/estimate(value:low:high:)``: the mean over `repeats` seeded
/// subsamples drawn without replacement (each scored exactly, as
/// `silhouette_score(x, labels, sample_size=…)` scores its one subsample),
/// with the 95 % Student-t interval of that mean, mean ± t₀.₉₇₅(repeats − 1) · sd / √repeats.
///
/// Edge cases: undefined with fewer than 2 clusters or with as many clusters
/// as rows (scikit-learn raises there), and when a subsample draws such a
/// labelling; rows labelled −1 are ignored.
/// - Complexity: O(rows² · columns) time (O(repeats · sample_size² · columns)
///   when sampling), parallel over fixed chunks of rows; O(rows + clusters)
///   extra memory, never the rows × rows matrix.
/// - SeeAlso: Rousseeuw, "Silhouettes", J. Comput. Appl. Math. 20, 1987.
public struct Silhouette: ClusterMetric {
  public static let name = "silhouette"
  public static let summary = "Mean silhouette coefficient (Euclidean), in [-1, 1]; higher is better."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec(
      "sample_size", .oneOf([.choice(["all"]), .integer(minimum: 2, maximum: 100_000_000)]), default: "all",
      "\"all\" for the exact score, or the rows per seeded subsample (without replacement) for an estimate with a 95 % interval."),
    ParameterSpec("repeats", .integer(minimum: 2, maximum: 1000), default: 10, "Subsamples averaged when sample_size is set."),
  ]
  public static let direction = MetricDirection.higherIsBetter
  public static let bounds: ClosedRange<Double>? = -1...1
  public static let kRule: KSelectionRule? = .maximum
  /// On large data the run estimates it from 10 subsamples of 10,000 rows unless the spec sets `sample_size`.
  public static let pairwiseCost: PairwiseCost? = PairwiseCost(samplingParameter: "sample_size", sampled: ["sample_size": 10_000, "repeats": 10])

  /// Rows per subsample; `nil` for the exact score.
  let sampleSize: Int?
  /// Subsamples averaged when sampling.
  let repeats: Int

  public init(validated parameters: Parameters) throws {
    sampleSize = parameters.value("sample_size").integer
    repeats = parameters.int("repeats")
  }

  public func score(_ input: MetricInput, context: FitContext) throws -> Score {
    let members = input.clustering.labels.indices.filter { input.clustering.labels[$0] >= 0 }
    if let sampleSize, sampleSize < members.count {
      return try estimate(input, members: members, sampleSize: sampleSize, context: context)
    }
    switch try SilhouetteSamples.compute(input.features, labels: input.clustering.labels, context: context) {
    case .success(let samples): return .value(samples.mean)
    case .failure(let undefined): return .undefined("silhouette \(undefined.reason)")
    }
  }
}
