import WorkbenchNumerics

/// Mean shift with a flat kernel: every seed climbs to the mean of the rows within `bandwidth` until it stops moving;
/// the densest of the resting points more than `bandwidth` apart are the cluster centers.
///
/// Matches `sklearn.cluster.MeanShift(bandwidth, bin_seeding, min_bin_freq,
/// cluster_all, max_iter)`: the same seeds (every row, or scikit-learn's bin
/// seeds, ``binSeeds(_:bandwidth:estimated:minimumFrequency:)``), the same
/// climb (a seed moves to the mean of the rows within `bandwidth`, distance ≤
/// bandwidth, and stops when it moves by at most 10⁻³ · bandwidth or after
/// `max_iter` moves), the same ranking of resting points (most rows within
/// the last step first, then by coordinates, largest first), the same
/// removal of near duplicates (a point within `bandwidth` of a better one is
/// dropped) and the same labels (the nearest center; with `cluster_all` off,
/// −1 beyond `bandwidth`). A `bandwidth` of 0 is scikit-learn's
/// `bandwidth=None`: `estimate_bandwidth` with every row
/// (``estimatedBandwidth(_:quantile:)``, the `quantile` parameter; scikit-learn's
/// `MeanShift` always uses 0.3 and all rows, so its `n_samples` subsampling
/// is not offered). Means are summed in row order where scikit-learn sums in
/// its tree's order, so centers agree to rounding (about 1e-15 relative).
///
/// Clusters are numbered as scikit-learn numbers them: by the number of rows
/// within the last step of their climb, most first.
///
/// Edge cases: no rows throws ``FitError/insufficientSamples(rows:required:detail:)``;
/// when no seed has a row within `bandwidth` (bin seeds with a high
/// `min_bin_freq`) the fit fails with the fix, where scikit-learn raises; a
/// center nearest to no row (possible with `cluster_all` off) is dropped,
/// with a note, so every label is used; all rows identical give an estimated
/// bandwidth of 0 and one cluster.
/// `predict` gives a new row its nearest center (ties to the lower label),
/// or −1 beyond `bandwidth` when `cluster_all` is off — what the fit rows get.
/// - Complexity: O(seeds · iterations · (log rows + r) · columns) where r is the
///   rows within `bandwidth` — with every row as a seed and the estimated
///   bandwidth (30 % of the rows within reach), O(rows² · iterations · columns):
///   quadratic, like scikit-learn's. O(rows + seeds · columns) memory.
/// - SeeAlso: Comaniciu & Meer, "Mean shift: a robust approach toward feature space analysis", IEEE TPAMI 2002.
public struct MeanShift: ClusteringAlgorithm {
  public static let name = "mean-shift"
  public static let summary =
    "Mean shift (scikit-learn's MeanShift, flat kernel): seeds climb to the densest nearby mean; centers more than a bandwidth apart are clusters; no k."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec(
      "bandwidth", .real(minimum: 0, maximum: 1e100), default: 0.0,
      "Kernel radius in the data's units; 0 estimates it as scikit-learn's estimate_bandwidth does (the mean distance to the quantile·rows-th nearest row)."),
    ParameterSpec(
      "quantile", .real(minimum: 0, maximum: 1, openMinimum: true), default: 0.3,
      "With bandwidth 0: the fraction of rows whose farthest distance is averaged into the estimate (scikit-learn's estimate_bandwidth quantile)."),
    ParameterSpec(
      "bin_seeding", .boolean, default: false,
      "Seed from the cells of a grid with spacing bandwidth instead of from every row: far fewer seeds, much faster."),
    ParameterSpec("min_bin_freq", .integer(minimum: 1, maximum: 1_000_000), default: 1, "With bin_seeding: rows a grid cell needs to become a seed."),
    ParameterSpec(
      "cluster_all", .boolean, default: true,
      "Label every row with its nearest center; false leaves rows farther than bandwidth from every center as noise (-1)."),
    ParameterSpec("max_iter", .integer(minimum: 0, maximum: 1_000_000), default: 300, "Most moves of one seed."),
  ]
  public static let capabilities = AlgorithmCapabilities(
    usesRandomness: false, producesNoise: true, requiresClusterCount: false, orderInvariant: true, canPredict: true,
    scalesQuadratically: true)

  /// The kernel radius, 0 for the estimate (`bandwidth`).
  public let bandwidth: Double
  /// The fraction of rows of the estimate (`quantile`).
  public let quantile: Double
  /// Seeds from grid cells rather than every row (`bin_seeding`).
  public let binSeeding: Bool
  /// Rows a cell needs to seed (`min_bin_freq`).
  public let minimumBinFrequency: Int
  /// Every row gets its nearest center (`cluster_all`).
  public let clusterAll: Bool
  /// Most moves per seed (`max_iter`).
  public let maxIterations: Int

  public init(validated parameters: Parameters) throws {
    bandwidth = parameters.real("bandwidth")
    quantile = parameters.real("quantile")
    binSeeding = parameters.bool("bin_seeding")
    minimumBinFrequency = parameters.int("min_bin_freq")
    clusterAll = parameters.bool("cluster_all")
    maxIterations = parameters.int("max_iter")
  }

  public func fit(_ input: ClusteringInput, context: FitContext) throws -> Clustering {
    let x = try input.numericOnly(for: Self.name)
    guard x.rows >= 1 else { throw FitError.insufficientSamples(rows: 0, required: 1, detail: "mean-shift needs at least one row") }
    try DistanceRange.check(x, algorithm: Self.name)
    let index = NeighborIndex(x, metric: .euclidean)
    let radius = bandwidth > 0 ? bandwidth : Self.estimatedBandwidth(index, quantile: quantile)
    let seeds = binSeeding ? Self.binSeeds(x, bandwidth: radius, estimated: bandwidth == 0, minimumFrequency: minimumBinFrequency) : x
    let climb = try Self.climb(seeds, index: index, data: x, bandwidth: radius, maxIterations: maxIterations, context: context)
    let peaks = Self.distinctPeaks(climb.resting, bandwidth: radius)
    guard peaks.rows > 0 else {
      throw FitError.degenerate(
        "no row lies within bandwidth = \(JSONNumber.plain(radius)) of any seed; lower min_bin_freq, turn bin_seeding off or raise the bandwidth")
    }
    var model = MeanShiftModel(centers: peaks, bandwidth: radius, clusterAll: clusterAll)
    var labels = try model.labels(for: x)
    let dropped = model.droppingUnusedCenters(labels: &labels)
    dropped.forEach { context.log(.note($0)) }
    let noise = Diagnostics.noise(
      labels: labels, clusterCount: model.centers.rows, allNoise: "no row is within the bandwidth of a center", context: context)
    return Clustering(
      labels: labels, clusterCount: model.centers.rows, centers: model.centers, model: model.json,
      diagnostics: Diagnostics(iterations: climb.iterations, converged: climb.converged, notes: dropped + noise.notes))
  }

  /// Labels new rows with their nearest center, or −1 beyond the bandwidth when the model keeps noise (see ``MeanShiftModel``).
  public static func predict(model: JSONValue, input: ClusteringInput) throws -> Prediction {
    Prediction(labels: try MeanShiftModel(model).labels(for: input.numericOnly(for: name)))
  }
}
