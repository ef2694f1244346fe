import WorkbenchNumerics

/// The non-noise rows of a clustering, grouped by label: the shape every internal metric starts from.
///
/// Labels are compacted to `0..<count` in increasing label order, keeping
/// only labels that occur, the way scikit-learn's `LabelEncoder` does before
/// its metrics run. Noise rows (label −1) belong to no group, as if a
/// scikit-learn user had filtered them out.
struct ClusterGroups {
  /// The group of each row, or −1 for noise.
  let groupOfRow: [Int]
  /// Number of rows in each group.
  let sizes: [Int]

  /// Number of rows in some group (noise excluded).
  let memberCount: Int

  /// Number of groups (clusters present).
  var count: Int { sizes.count }

  init(labels: [Int]) {
    let largest = labels.max() ?? -1
    var present = Array(repeating: false, count: max(largest + 1, 0))
    for label in labels where label >= 0 { present[label] = true }
    var compact = Array(repeating: -1, count: present.count)
    var next = 0
    for label in present.indices where present[label] {
      compact[label] = next
      next += 1
    }
    var sizes = Array(repeating: 0, count: next)
    groupOfRow = labels.map { label in
      guard label >= 0 else { return -1 }
      sizes[compact[label]] += 1
      return compact[label]
    }
    self.sizes = sizes
    memberCount = sizes.reduce(0, +)
  }

  /// The mean row of each group (`count × x.columns`), summing in row order.
  func means(of x: Matrix) -> Matrix {
    var means = x.groupSumsInRowOrder(groupOfRow: groupOfRow, groups: count)
    for g in 0..<count {
      for j in 0..<x.columns { means[g, j] /= Double(sizes[g]) }
    }
    return means
  }

  /// Why a score comparing clusters is undefined here, if it is: scikit-learn requires `2 ≤ clusters ≤ rows − 1`.
  var reasonComparisonIsUndefined: String? {
    if count < 2 { return "needs at least 2 clusters; found \(count)" }
    if count >= memberCount { return "needs fewer clusters than rows; found \(count) clusters in \(memberCount) rows" }
    return nil
  }
}
