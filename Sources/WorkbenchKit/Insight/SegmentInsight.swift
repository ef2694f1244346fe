import WorkbenchNumerics

/// Everything the insight step derives for one segmentation: who is in each segment, what to call it, what sets it apart.
///
/// One call, ``compute(table:labels:features:roles:seed:options:)``,
/// deterministic for a given input and seed (parallel parts combine their
/// results in a fixed order), with ``json`` byte-stable. Every statistic
/// that cannot be computed carries the reason instead of NaN.
public struct SegmentInsight: Sendable, Equatable {
  /// One segment's identity and size.
  public struct Segment: Sendable, Equatable {
    /// The segment id (−1 = noise).
    public var id: Int
    /// The name from ``SegmentNaming`` and the evidence behind it.
    public var name: SegmentName
    /// Rows in the segment.
    public var size: Int
    /// Its share of the included rows.
    public var share: Double
  }

  /// The segments in id order (noise first when present).
  public var segments: [Segment]
  /// Rows in the data.
  public var totalRows: Int
  /// Rows with a label (noise included).
  public var includedRows: Int
  /// The role columns matched (declared or recognised).
  public var roles: ResolvedRoles
  /// Per-segment profiles of every column.
  public var profiles: InsightProfiles
  /// ANOVA, Kruskal–Wallis and pairwise tests per profiled numeric column.
  public var numericTests: [NumericColumnTests]
  /// χ² tests per profiled categorical column.
  public var categoricalTests: [CategoricalColumnTest]
  /// Random-forest importance and the surrogate tree's rules.
  public var importance: Result<FeatureImportance, StatisticUndefined>
  /// Discount share against frequency and spend.
  public var discount: Result<DiscountSensitivity, StatisticUndefined>
  /// Campaign response rates.
  public var campaigns: Result<CampaignResponse, StatisticUndefined>
  /// Channel shares.
  public var channels: Result<PreferenceShares, StatisticUndefined>
  /// Product category shares.
  public var categories: Result<PreferenceShares, StatisticUndefined>
  /// Behaviour thresholds that flag high-value customers.
  public var ahaMoments: Result<AhaMoments, StatisticUndefined>
}

extension SegmentInsight {
  /// The insight for one segmentation of `table`.
  ///
  /// - Parameters:
  ///   - table: every column of the data file in original units, before any pipeline step (missing = NaN / nil).
  ///   - labels: one per row of `table`: the segment id, −1 for noise, `nil` for a row a pipeline step excluded.
  ///   - features: the columns the segmentation clustered (names a pipeline made, such as `pc1`, are reported and skipped).
  ///   - roles: the spec's column roles; unset ones are recognised by name.
  ///   - seed: the seed of the forest, the sample and the permutations.
  ///   - options: forest size, repeats and sample limit.
  /// - Throws: ``SpecError`` when a declared role names a column the table lacks or of the wrong kind.
  /// - Complexity: O(columns · n log n) for profiles and tests (parallel over columns), plus the forest
  ///   (see ``FeatureImportance``) on at most about `options.forestSampleLimit` rows.
  public static func compute(
    table: DataTable, labels: [Int?], features: [String], roles: InsightRoles, seed: UInt64, options: InsightOptions = InsightOptions()
  ) throws(SpecError) -> SegmentInsight {
    precondition(labels.count == table.rowCount, "one label per row of the table")
    let resolved = try roles.resolved(for: table)
    let rows = SegmentRows(labels: labels)
    var skipped: [SkippedColumn] = []
    var numericColumns: [Column] = [], categoricalColumns: [Column] = []
    for column in table.columns {
      if let reason = InsightProfiles.skipReason(column, identifiers: resolved.roles.identifiers, rows: rows) {
        skipped.append(SkippedColumn(column: column.name, reason: reason))
      } else if column.isNumeric {
        numericColumns.append(column)
      } else {
        categoricalColumns.append(column)
      }
    }
    let numericSource = numericColumns
    let numeric = Parallel.map(count: numericSource.count) { i in
      let values = GroupedValues(column: numericSource[i].numbers!, rows: rows)
      return (
        NumericColumnProfile(column: numericSource[i].name, values: values),
        NumericColumnTests(column: numericSource[i].name, values: values, rows: rows)
      )
    }
    let categorical = categoricalColumns.map { CategoricalColumnProfile(column: $0.name, labels: $0.labels!, rows: rows) }
    let profiles = InsightProfiles(numeric: numeric.map(\.0), categorical: categorical, skipped: skipped)
    let names = SegmentNaming.names(rows: rows, profiles: profiles, roles: resolved.roles, features: features)
    return SegmentInsight(
      segments: rows.ids.indices.map { g in
        Segment(id: rows.ids[g], name: names[g], size: rows.rows[g].count, share: Double(rows.rows[g].count) / Double(rows.includedRows))
      },
      totalRows: rows.totalRows, includedRows: rows.includedRows, roles: resolved, profiles: profiles,
      numericTests: numeric.map(\.1), categoricalTests: categorical.map { CategoricalColumnTest(profile: $0, rows: rows) },
      importance: FeatureImportance.compute(table: table, rows: rows, features: features, options: options, seed: seed),
      discount: DiscountSensitivity.compute(table: table, rows: rows, roles: resolved.roles, profiles: profiles),
      campaigns: CampaignResponse.compute(table: table, rows: rows, roles: resolved.roles),
      channels: PreferenceShares.compute(columns: resolved.roles.channels, role: "channels", rows: rows, profiles: profiles),
      categories: PreferenceShares.compute(columns: resolved.roles.categories, role: "categories", rows: rows, profiles: profiles),
      ahaMoments: AhaMoments.compute(table: table, rows: rows, roles: resolved.roles))
  }

  /// Rows excluded by a pipeline step.
  public var excludedRows: Int { totalRows - includedRows }

  /// Rows labelled noise.
  public var noiseRows: Int { segments.first { $0.id < 0 }?.size ?? 0 }
}
