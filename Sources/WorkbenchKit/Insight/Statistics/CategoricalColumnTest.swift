/// The χ² test of independence between segment and one categorical column (noise left out).
public struct CategoricalColumnTest: Sendable, Equatable {
  /// The column's name.
  public var column: String
  /// The test on the segments × categories counts.
  public var chiSquare: Result<ChiSquareIndependence, StatisticUndefined>

  /// The test from the column's profile.
  init(profile: CategoricalColumnProfile, rows: SegmentRows) {
    column = profile.column
    chiSquare = ChiSquareIndependence.test(rows.segmentGroups.map { profile.segments[$0].counts })
  }
}
