/// One numeric column described per segment, in original units, and compared with the whole population.
///
/// The population is every included row (noise too). For each segment:
/// its ``NumericSummary``, the relative difference of its mean to the
/// population mean (segment mean / population mean − 1) and its z-score
/// ((segment mean − population mean) / population standard deviation, the
/// standardised mean difference the naming rule reads). Undefined, with the
/// reason, when the segment has no values, when the population mean is 0
/// (relative difference) or when the column is constant (z-score).
public struct NumericColumnProfile: Sendable, Equatable {
  /// The column's name.
  public var column: String
  /// The column over all included rows.
  public var population: NumericSummary
  /// One summary per segment, in ``SegmentRows/ids`` order.
  public var segments: [NumericSummary]
  /// Segment mean / population mean − 1, per segment.
  public var relativeDifferences: [Score]
  /// (Segment mean − population mean) / population standard deviation, per segment.
  public var zScores: [Score]

  /// The profile of `column` from its values grouped by segment.
  /// - Complexity: O(n).
  init(column: String, values: GroupedValues) {
    self.column = column
    let population = NumericSummary(sorted: values.values, missing: values.missing.reduce(0, +))
    let segments = zip(values.valuesByGroup(), values.missing).map { NumericSummary(sorted: $0, missing: $1) }
    self.population = population
    self.segments = segments
    relativeDifferences = segments.map { segment in
      guard let mean = segment.mean.value else { return segment.mean }
      guard let populationMean = population.mean.value else { return population.mean }
      guard populationMean != 0 else { return .undefined("the population mean is 0, so a relative difference has no meaning") }
      return .value(mean / populationMean - 1)
    }
    zScores = segments.map { segment in
      guard let mean = segment.mean.value else { return segment.mean }
      guard let populationMean = population.mean.value, let populationSD = population.standardDeviation.value else {
        return population.standardDeviation
      }
      guard populationSD > 0 else { return .undefined("constant column: every value is \(JSONNumber.plain(populationMean))") }
      return .value((mean - populationMean) / populationSD)
    }
  }

  /// The z-score of the segment in group `group`, when defined.
  func z(_ group: Int) -> Double? { zScores[group].value }
}
