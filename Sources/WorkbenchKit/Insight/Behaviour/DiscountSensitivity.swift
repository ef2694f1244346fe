/// How discount-driven each segment is: discount share against purchase frequency and spend.
///
/// Measures: the discount role's column, then the frequency and monetary
/// roles' columns when present. For the whole population and within each
/// segment, Spearman's ρ of discount share with each other measure
/// (``RankCorrelation``; do heavy discount users buy more often, spend
/// more?). The segment × measure tables are ready for a heatmap: the mean of
/// each measure in original units and its z-score against the population
/// (the same numbers as the profiles). Noise is a row of its own, as in the profiles.
public struct DiscountSensitivity: Sendable, Equatable {
  /// The discount column, then the frequency and monetary columns present.
  public var measures: [String]
  /// ρ(discount, measure) over every included row, for `measures[1...]`.
  public var correlations: [Score]
  /// The segment ids (rows of the tables).
  public var segmentIds: [Int]
  /// Mean of each measure per segment (segment × measure).
  public var means: [[Score]]
  /// z-score of each measure per segment (segment × measure): the heatmap.
  public var zScores: [[Score]]
  /// ρ(discount, measure) within each segment (segment × `measures[1...]`).
  public var segmentCorrelations: [[Score]]

  /// The section for `roles`, or why there is none (no discount column).
  static func compute(table: DataTable, rows: SegmentRows, roles: InsightRoles, profiles: InsightProfiles)
    -> Result<DiscountSensitivity, StatisticUndefined>
  {
    guard let discount = roles.discount, let discountProfile = profiles.numeric(named: discount) else {
      return .failure(StatisticUndefined("no discount column: name one in insight.roles.discount"))
    }
    let others = [roles.frequency, roles.monetary].compactMap { $0 }.filter { profiles.numeric(named: $0) != nil }
    let measures = [discount] + others
    let measureProfiles = [discountProfile] + others.map { profiles.numeric(named: $0)! }
    let x = table.column(named: discount)!.numbers!
    let ys = others.map { table.column(named: $0)!.numbers! }
    let included = rows.includedRowIndices
    return .success(
      DiscountSensitivity(
        measures: measures,
        correlations: ys.map { RankCorrelation.spearman(x, $0, rows: included) },
        segmentIds: rows.ids,
        means: rows.ids.indices.map { g in measureProfiles.map { $0.segments[g].mean } },
        zScores: rows.ids.indices.map { g in measureProfiles.map { $0.zScores[g] } },
        segmentCorrelations: rows.rows.map { segmentRows in ys.map { RankCorrelation.spearman(x, $0, rows: segmentRows) } }))
  }
}
