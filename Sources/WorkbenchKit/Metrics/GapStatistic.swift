import Foundation
import WorkbenchNumerics

/// The gap statistic (Tibshirani, Walther & Hastie 2001): how much tighter the clusters are than in structureless data.
///
/// W_k is the pooled within-cluster sum of squares around the cluster means
/// (Σ_r D_r / 2n_r in the paper). `references` data sets are drawn uniformly
/// in the box aligned with the data's principal components (the paper's
/// method b: centre, rotate onto the covariance eigenvectors, sample each
/// rotated coordinate uniformly over its range, rotate back) and clustered by
/// the trial's algorithm with the same parameters. Gap(k) = mean_b log W*_kb
/// − log W_k; the score carries the standard error s_k = sd_b(log W*_kb) ·
/// √(1 + 1/B) as the interval Gap ± s_k (recorded in `metric_intervals`), so
/// the k-selection can apply the paper's rule: the smallest k with
/// Gap(k) ≥ Gap(k+1) − s_(k+1). Matches R's `cluster::clusGap(d.power = 2,
/// spaceH0 = "scaledPCA")` on the same reference data sets (its W_k is half
/// the paper's, its s_k divides by B − 1) and in distribution over draws.
///
/// Edge cases: undefined without a way to refit the algorithm, when every
/// row is noise, when a reference fit fails, or when a reference clustering
/// has no spread (W* = 0: a density method that calls every reference row
/// noise, or clusters of single points; log W* does not exist); noise rows
/// are left out.
/// Reference data sets are seeded from the trial seed.
/// - Complexity: `references` fits of the algorithm on data of the same size.
public struct GapStatistic: ClusterMetric {
  public static let name = "gap"
  public static let summary = "Gap statistic (Tibshirani et al. 2001): log W_k of uniform reference data minus log W_k; higher is better."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec("references", .integer(minimum: 2, maximum: 500), default: 10, "Uniform reference data sets (B).")
  ]
  public static let direction = MetricDirection.higherIsBetter
  public static let bounds: ClosedRange<Double>? = nil
  public static let kRule: KSelectionRule? = .gapStandardError
  public static let needs: MetricNeeds = .refit
  /// B refits of the algorithm: computed only when listed.
  public static let computedByDefault = false

  /// Reference data sets (B).
  public let references: Int

  public init(validated parameters: Parameters) throws {
    references = parameters.int("references")
  }

  public func score(_ input: MetricInput, context: FitContext) throws -> Score {
    guard let refit = input.refit else { return .undefined("the gap statistic needs to refit the algorithm, which is not possible here") }
    let kept = input.clustering.labels.indices.filter { input.clustering.labels[$0] >= 0 }
    guard !kept.isEmpty else { return .undefined("every row is noise") }
    let x = input.features.selecting(rows: kept)
    let observed = Self.pooledWithinSumOfSquares(x, labels: kept.map { input.clustering.labels[$0] })
    guard observed > 0 else { return .undefined("the clusters have no spread (W_k = 0)") }
    let box = ReferenceBox(x)
    var rng = SeededGenerator(seed: context.seed)
    var within: [Double] = []
    for b in 1...references {
      let reference = box.sample(using: &rng)
      guard let fitted = try? refit(reference, rng.next()) else { return .undefined("clustering a reference data set failed") }
      let spread = Self.pooledWithinSumOfSquares(reference, labels: fitted.labels)
      guard spread > 0 else {
        return .undefined(
          "the clustering of reference data set \(b) of \(references) has no spread (W* = 0: every row noise, or single-point clusters), so log W* does not exist")
      }
      within.append(spread)
    }
    return Self.estimate(observed: observed, references: within)
  }

  /// Gap(k) = mean_b log W*_kb − log W_k with the interval Gap ± s_k, s_k = sd_b(log W*_kb) · √(1 + 1/B).
  ///
  /// `observed` is W_k of the data (positive), `references` the W*_kb of the
  /// B reference data sets (at least one, each positive). The standard deviation divides by B, as in the paper
  /// (R's `cluster::clusGap` divides by B − 1).
  static func estimate(observed: Double, references: [Double]) -> Score {
    let count = Double(references.count)
    let logs = references.map { log($0) }
    let mean = logs.reduce(0, +) / count
    let sd = (logs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / count).squareRoot()
    let gap = mean - log(observed)
    let standardError = sd * (1 + 1 / count).squareRoot()
    return .estimate(value: gap, low: gap - standardError, high: gap + standardError)
  }

  /// Σ over clusters of the squared distances of their rows to the cluster mean (rows labelled −1 ignored).
  static func pooledWithinSumOfSquares(_ x: Matrix, labels: [Int]) -> Double {
    let groups = ClusterGroups(labels: labels)
    guard groups.count > 0 else { return 0 }
    let means = groups.means(of: x)
    var total = 0.0
    for i in 0..<x.rows where groups.groupOfRow[i] >= 0 { total += Distance.squaredEuclidean(x, row: i, means, row: groups.groupOfRow[i]) }
    return total
  }
}

/// The box aligned with a data set's principal components, for drawing uniform reference data.
struct ReferenceBox {
  let mean: [Double]
  let rotation: Matrix
  let low: [Double]
  let high: [Double]
  let rows: Int

  init(_ x: Matrix) {
    rows = x.rows
    mean = (0..<x.columns).map { c in x.column(c).reduce(0, +) / Double(x.rows) }
    var covariance = Matrix(rows: x.columns, columns: x.columns)
    for r in 0..<x.rows {
      for i in 0..<x.columns {
        let di = x[r, i] - mean[i]
        for j in 0...i { covariance[i, j] += di * (x[r, j] - mean[j]) }
      }
    }
    rotation = SymmetricEigen(covariance).vectors
    var low = Array(repeating: Double.infinity, count: x.columns), high = Array(repeating: -Double.infinity, count: x.columns)
    for r in 0..<x.rows {
      for c in 0..<x.columns {
        var projected = 0.0
        for j in 0..<x.columns { projected += (x[r, j] - mean[j]) * rotation[j, c] }
        low[c] = min(low[c], projected)
        high[c] = max(high[c], projected)
      }
    }
    self.low = low
    self.high = high
  }

  /// `rows` points uniform in the box, in the original coordinates.
  func sample(using rng: inout SeededGenerator) -> Matrix {
    let d = mean.count
    var out = Matrix(rows: rows, columns: d)
    var z = [Double](repeating: 0, count: d)
    for r in 0..<rows {
      for c in 0..<d { z[c] = low[c] + (high[c] - low[c]) * rng.nextUnit() }
      for j in 0..<d {
        var value = mean[j]
        for c in 0..<d { value += z[c] * rotation[j, c] }
        out[r, j] = value
      }
    }
    return out
  }
}
