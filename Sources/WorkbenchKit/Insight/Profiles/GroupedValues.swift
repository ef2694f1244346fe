/// One numeric column's present values over the included rows, sorted ascending, each with its segment group.
///
/// Built once per column and shared by the profiles (each group's sorted
/// values give quantiles directly) and the tests across segments (ranks,
/// tie blocks and pairwise counts come from one walk of the sorted order).
/// Ties are ordered by row index, so the order is fully determined.
/// Missing values (NaN) are left out and counted per group.
/// - Complexity: O(n log n) to build for n included rows.
struct GroupedValues: Sendable {
  /// The present values, ascending.
  let values: [Double]
  /// The group of each entry of ``values``.
  let groups: [Int]
  /// Missing values per group.
  let missing: [Int]
  /// Number of groups (segments, noise included).
  let groupCount: Int

  /// The values of `column` (one per table row) grouped by `rows`.
  init(column: [Double], rows: SegmentRows) {
    precondition(column.count == rows.totalRows, "one value per row")
    var missing = Array(repeating: 0, count: rows.count)
    var order: [Int] = []
    order.reserveCapacity(rows.includedRows)
    for (row, group) in rows.groupOfRow.enumerated() where group >= 0 {
      if column[row].isNaN { missing[group] += 1 } else { order.append(row) }
    }
    order.sort { column[$0] < column[$1] || (column[$0] == column[$1] && $0 < $1) }
    values = order.map { column[$0] }
    groups = order.map { rows.groupOfRow[$0] }
    self.missing = missing
    groupCount = rows.count
  }

  /// Each group's values, ascending.
  func valuesByGroup() -> [[Double]] {
    var out = Array(repeating: [Double](), count: groupCount)
    for (value, group) in zip(values, groups) { out[group].append(value) }
    return out
  }

  /// The same values with the groups in `kept` only, renumbered `0..<kept.count` in that order.
  func keeping(groups kept: [Int]) -> GroupedValues {
    var newIndex = Array(repeating: -1, count: groupCount)
    for (i, g) in kept.enumerated() { newIndex[g] = i }
    var values: [Double] = [], groups: [Int] = []
    values.reserveCapacity(self.values.count)
    groups.reserveCapacity(self.values.count)
    for (value, group) in zip(self.values, self.groups) where newIndex[group] >= 0 {
      values.append(value)
      groups.append(newIndex[group])
    }
    return GroupedValues(values: values, groups: groups, missing: kept.map { missing[$0] }, groupCount: kept.count)
  }

  private init(values: [Double], groups: [Int], missing: [Int], groupCount: Int) {
    self.values = values
    self.groups = groups
    self.missing = missing
    self.groupCount = groupCount
  }
}
