/// Which channels (or product categories) each segment prefers: each option's share of the segment's purchases, and the top one.
///
/// From numeric columns (one per option, counts or shares per customer): an
/// option's share is its column mean over the sum of all the options' means
/// (missing cells skipped per column), so counts give the share of
/// purchases and per-customer shares their average. From one categorical
/// column: the share of customers per category. Noise is a segment of its own.
public struct PreferenceShares: Sendable, Equatable {
  /// The options: column names, or the categories of a categorical column.
  public var options: [String]
  /// Shares over every included row (sum to 1), or why there are none.
  public var population: Result<[Double], StatisticUndefined>
  /// Shares per segment, in ``segmentIds`` order.
  public var segments: [Result<[Double], StatisticUndefined>]
  /// The segment ids.
  public var segmentIds: [Int]

  /// The option with the largest share in each segment (the first on ties); `nil` when the segment has no shares.
  public var top: [String?] {
    segments.map { shares in
      guard case .success(let s) = shares, let best = s.indices.max(by: { (s[$0], $1) < (s[$1], $0) }) else { return nil }
      return options[best]
    }
  }

  /// The shares of the option columns `columns`, or why there are none (no such role).
  static func compute(columns: [String], role: String, rows: SegmentRows, profiles: InsightProfiles)
    -> Result<PreferenceShares, StatisticUndefined>
  {
    if columns.count == 1, let categorical = profiles.categorical(named: columns[0]) {
      func shares(_ counts: CategoricalColumnProfile.Counts) -> Result<[Double], StatisticUndefined> {
        counts.shares.map { .success($0) } ?? .failure(StatisticUndefined("no customers with a value"))
      }
      return .success(
        PreferenceShares(
          options: categorical.categories, population: shares(categorical.population), segments: categorical.segments.map(shares),
          segmentIds: rows.ids))
    }
    let numeric = columns.compactMap { profiles.numeric(named: $0) }
    guard !numeric.isEmpty else { return .failure(StatisticUndefined("no columns for the \(role) role: name them in insight.roles.\(role)")) }
    func shares(_ means: [Score]) -> Result<[Double], StatisticUndefined> {
      let values = means.map { $0.value ?? 0 }
      let total = values.reduce(0, +)
      guard total > 0, values.allSatisfy({ $0 >= 0 }) else { return .failure(StatisticUndefined("no purchases in any of the \(role) columns")) }
      return .success(values.map { $0 / total })
    }
    return .success(
      PreferenceShares(
        options: numeric.map(\.column), population: shares(numeric.map(\.population.mean)),
        segments: rows.ids.indices.map { g in shares(numeric.map { $0.segments[g].mean }) }, segmentIds: rows.ids))
  }
}
