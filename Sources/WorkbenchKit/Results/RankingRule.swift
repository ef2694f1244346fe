import Foundation

/// The documented rule that turns trial records into a ranking "by silhouette and stability".
///
/// 1. A trial is *eligible* when it succeeded, its quality metric is defined,
///    it has a segment (not every row noise), its smallest segment holds at least `min_segment_share` of the clustered
///    rows (noise aside), and — when stability was computed — its mean
///    resample ARI is at least `min_stability`. Others are listed, unranked,
///    with the reason.
/// 2. Quality is normalised to [0, 1]: by the metric's bounds when they are
///    finite (silhouette: (s + 1) / 2), otherwise min–max over the eligible
///    trials (all equal ⇒ 1); flipped for lower-is-better metrics.
///    Stability is the mean resample ARI clipped to [0, 1].
/// 3. Score = (1 − w) · quality + w · stability with w = `stability_weight`
///    (default 0.5) when stability was computed, else quality alone.
/// 4. Order: score, then raw quality, then grid order, so ties are broken
///    deterministically. A trial is on the Pareto front when no other
///    eligible trial is at least as good in both quality and stability and
///    better in one.
public struct RankingRule: Sendable, Equatable {
  /// The spec's ranking section.
  public var spec: RankingSpec
  /// The quality metric's direction.
  public var direction: MetricDirection
  /// The quality metric's bounds, if it has them.
  public var bounds: ClosedRange<Double>?
  /// The metric whose curve over k has an elbow (within-cluster dispersion), for the consensus k; nil for none.
  public var elbowMetric: String?

  public init(spec: RankingSpec, direction: MetricDirection, bounds: ClosedRange<Double>?, elbowMetric: String? = nil) {
    self.spec = spec
    self.direction = direction
    self.bounds = bounds
    self.elbowMetric = elbowMetric
  }

  /// The within-cluster dispersion of `record` for the elbow vote, from the evaluation space when recorded there.
  public func dispersion(of record: TrialRecord) -> Double? {
    guard let elbowMetric else { return nil }
    return (record.evaluation?.metrics[elbowMetric] ?? record.metrics[elbowMetric])?.value
  }

  /// The ranking metric's score of `record`: from the shared evaluation space when the record has it there
  /// (internal metrics), else from the trial's own space (external and model-based metrics, or space "pipeline").
  public func quality(of record: TrialRecord) -> Score? {
    record.evaluation?.metrics[spec.metric] ?? record.metrics[spec.metric]
  }

  /// Why `record` cannot be ranked, or nil when it is eligible.
  public func ineligibility(_ record: TrialRecord) -> String? {
    if record.status == .failed { return record.error ?? "failed" }
    guard let score = quality(of: record) else { return "\(spec.metric) was not computed" }
    if case .undefined(let reason) = score { return "\(spec.metric) undefined\(record.evaluation.map { " in the \($0.space) space" } ?? ""): \(reason)" }
    let clustered = record.sizes.reduce(0, +)
    if clustered == 0 { return "every row is noise: there is no segment to rank" }
    if let smallest = record.sizes.min(), clustered > 0, Double(smallest) < spec.minSegmentShare * Double(clustered) {
      let (share, limit) = Self.distinctPercents(Double(smallest) / Double(clustered), spec.minSegmentShare)
      return "smallest segment has \(share) of rows (\(smallest) of \(clustered)), below min_segment_share \(limit)"
    }
    if let stability = record.stability?.score, stability < spec.minStability {
      return "stability \(Leaderboard.rounded(stability)) is below min_stability \(JSONNumber.plain(spec.minStability))"
    }
    return nil
  }

  /// "2 %", "0.4 %".
  static func percent(_ share: Double) -> String { percent(share, decimals: share * 100 >= 1 ? 0 : 1) }

  /// `share` as a percentage rounded to `decimals` places.
  static func percent(_ share: Double, decimals: Int) -> String {
    let scale = pow(10, Double(decimals))
    return JSONNumber.plain((share * 100 * scale).rounded() / scale) + " %"
  }

  /// Two shares as percentages with as many decimals as it takes to tell them apart ("1.96 %" and "2 %"), up to four.
  static func distinctPercents(_ a: Double, _ b: Double) -> (String, String) {
    var decimals = a * 100 >= 1 && b * 100 >= 1 ? 0 : 1
    while decimals < 4, percent(a, decimals: decimals) == percent(b, decimals: decimals) { decimals += 1 }
    return (percent(a, decimals: decimals), percent(b, decimals: decimals))
  }

  /// The rule in one paragraph, for leaderboard.md, as it applied (with or without stability).
  public func explanation(stabilityComputed: Bool) -> String {
    let quality = "**\(spec.metric)** (\(direction == .higherIsBetter ? "higher is better" : "lower is better"))"
    let share = "Trials whose smallest segment has less than \(Self.percent(spec.minSegmentShare)) of the rows"
    guard stabilityComputed else {
      return "Score = normalised \(quality). \(share) are listed but not ranked. Ties go to grid order. (Add a \"stability\" section to rank by silhouette and stability.)"
    }
    return """
      Score = \(JSONNumber.plain(1 - spec.stabilityWeight)) × normalised \(quality) + \(JSONNumber.plain(spec.stabilityWeight)) × stability \
      (mean resample ARI, clipped to [0, 1]). \(share), or whose stability is below \(JSONNumber.plain(spec.minStability)), \
      are listed but not ranked. Ties go to the better quality, then to grid order. ★ marks the Pareto front on (quality, stability).
      """
  }
}
