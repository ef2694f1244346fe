/// One categorical column described per segment: the count and share of each category.
///
/// Categories are the distinct labels over the included rows, sorted.
/// Missing cells are skipped and counted; shares are of the present cells
/// (`nil`, with the reason in the JSON, when a segment has none).
public struct CategoricalColumnProfile: Sendable, Equatable {
  /// Counts of each category in one segment (or the population).
  public struct Counts: Sendable, Equatable {
    /// Rows per category, in ``CategoricalColumnProfile/categories`` order.
    public var counts: [Int]
    /// Missing cells (skipped).
    public var missing: Int

    /// Present cells.
    public var present: Int { counts.reduce(0, +) }

    /// Each category's share of the present cells; `nil` when there are none.
    public var shares: [Double]? {
      let total = present
      return total == 0 ? nil : counts.map { Double($0) / Double(total) }
    }
  }

  /// The column's name.
  public var column: String
  /// The distinct categories, sorted.
  public var categories: [String]
  /// The column over all included rows.
  public var population: Counts
  /// One count table per segment, in ``SegmentRows/ids`` order.
  public var segments: [Counts]

  /// The profile of `labels` (one per table row) grouped by `rows`.
  /// - Complexity: O(rows + categories · log categories).
  init(column: String, labels: [String?], rows: SegmentRows) {
    self.column = column
    var present = Set<String>()
    for (row, group) in rows.groupOfRow.enumerated() where group >= 0 {
      if let label = labels[row] { present.insert(label) }
    }
    categories = present.sorted()
    var index: [String: Int] = [:]
    for (i, c) in categories.enumerated() { index[c] = i }
    var segments = Array(repeating: Counts(counts: Array(repeating: 0, count: categories.count), missing: 0), count: rows.count)
    for (row, group) in rows.groupOfRow.enumerated() where group >= 0 {
      if let label = labels[row] { segments[group].counts[index[label]!] += 1 } else { segments[group].missing += 1 }
    }
    self.segments = segments
    population = Counts(
      counts: categories.indices.map { c in segments.reduce(0) { $0 + $1.counts[c] } },
      missing: segments.reduce(0) { $0 + $1.missing })
  }
}
