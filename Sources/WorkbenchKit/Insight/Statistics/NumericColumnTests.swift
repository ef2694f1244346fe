/// The tests across segments for one numeric column: ANOVA, Kruskal–Wallis and pairwise Mann–Whitney U with Holm.
///
/// Noise is left out: the tests compare the segments the clustering formed.
/// Segments without values in the column take no part. The pairwise
/// p-values are adjusted with ``HolmCorrection`` within the column (the
/// family is every defined pair of this column).
public struct NumericColumnTests: Sendable, Equatable {
  /// One pair of segments compared.
  public struct Pair: Sendable, Equatable {
    /// The first segment's id (the smaller).
    public var first: Int
    /// The second segment's id.
    public var second: Int
    /// The Mann–Whitney U test of the first against the second.
    public var test: Result<MannWhitneyU, StatisticUndefined>
    /// The Holm-adjusted p-value, when the test is defined.
    public var adjustedP: Double?
  }

  /// The column's name.
  public var column: String
  /// One-way ANOVA across the segments.
  public var anova: Result<OneWayANOVA, StatisticUndefined>
  /// Kruskal–Wallis across the segments.
  public var kruskalWallis: Result<KruskalWallis, StatisticUndefined>
  /// Every pair of segments with values, in id order.
  public var pairs: [Pair]

  /// The tests of `column` from its values grouped by `rows`.
  /// - Complexity: O(N · k + k²).
  init(column: String, values: GroupedValues, rows: SegmentRows) {
    self.column = column
    let segments = rows.segmentGroups
    let kept = values.keeping(groups: segments)
    anova = OneWayANOVA.test(kept.valuesByGroup())
    let ranks = RankStatistics(kept)
    kruskalWallis = KruskalWallis.test(ranks)
    var pairs: [Pair] = []
    for a in segments.indices where ranks.sizes[a] > 0 {
      for b in (a + 1)..<segments.count where ranks.sizes[b] > 0 {
        pairs.append(Pair(first: rows.ids[segments[a]], second: rows.ids[segments[b]], test: MannWhitneyU.test(ranks, a, b)))
      }
    }
    var defined: [(pair: Int, p: Double)] = []
    for (i, pair) in pairs.enumerated() { if case .success(let test) = pair.test { defined.append((i, test.p)) } }
    for (entry, p) in zip(defined, HolmCorrection.adjust(defined.map(\.p))) { pairs[entry.pair].adjustedP = p }
    self.pairs = pairs
  }
}
