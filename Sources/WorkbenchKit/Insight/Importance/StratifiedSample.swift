import WorkbenchNumerics

/// The rows the forest learns from on large data: a seeded sample with every segment in proportion.
///
/// When there are at most `limit` rows, all of them. Otherwise each segment
/// contributes round(limit · its share) rows, at least min(its size, 30) so
/// small segments are still learnt, drawn without replacement (a partial
/// Fisher–Yates shuffle from the seeded generator, segment by segment in
/// order); the result is sorted. The sample can exceed `limit` by the
/// small-segment minimums and rounding.
/// - Complexity: O(rows).
enum StratifiedSample {
  /// Fewest rows a segment keeps in the sample (all of them when it is smaller).
  static let minimumPerSegment = 30

  /// Positions into `classes` (one class per row, in `0..<classCount`), sorted.
  static func rows(classes: [Int], classCount: Int, limit: Int, seed: UInt64) -> [Int] {
    guard classes.count > limit else { return Array(classes.indices) }
    var members = Array(repeating: [Int](), count: classCount)
    for (row, c) in classes.enumerated() { members[c].append(row) }
    var generator = SeededGenerator(seed: seed)
    var chosen: [Int] = []
    for var rows in members where !rows.isEmpty {
      let share = Double(rows.count) / Double(classes.count)
      let take = min(rows.count, max(minimumPerSegment, Int((share * Double(limit)).rounded())))
      for i in 0..<take { rows.swapAt(i, i + generator.nextIndex(below: rows.count - i)) }
      chosen += rows.prefix(take)
    }
    return chosen.sorted()
  }
}
