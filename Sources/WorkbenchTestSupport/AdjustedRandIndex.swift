/// The adjusted Rand index of two labelings (Hubert & Arabie 1985), as `sklearn.metrics.adjusted_rand_score`.
///
/// 1 for identical partitions up to renaming, about 0 for independent ones.
/// Labels may be any integers (noise `-1` counts as one more group). Two
/// labelings that each put every row in one group, or each in its own group,
/// score 1, as scikit-learn's special case does.
/// - Complexity: O(rows + groups_a · groups_b).
public enum AdjustedRandIndex {
  public static func score(_ a: [Int], _ b: [Int]) -> Double {
    precondition(a.count == b.count, "labelings of \(a.count) and \(b.count) rows")
    let codesA = codes(a)
    let codesB = codes(b)
    let groupsA = (codesA.max() ?? -1) + 1
    let groupsB = (codesB.max() ?? -1) + 1
    var table = Array(repeating: 0, count: groupsA * groupsB)
    for (i, j) in zip(codesA, codesB) { table[i * groupsB + j] += 1 }
    func pairs(_ n: Int) -> Double { Double(n) * Double(n - 1) / 2 }
    let index = table.reduce(0) { $0 + pairs($1) }
    var rowSums = Array(repeating: 0, count: groupsA)
    var columnSums = Array(repeating: 0, count: groupsB)
    for i in 0..<groupsA {
      for j in 0..<groupsB {
        rowSums[i] += table[i * groupsB + j]
        columnSums[j] += table[i * groupsB + j]
      }
    }
    let sumA = rowSums.reduce(0) { $0 + pairs($1) }
    let sumB = columnSums.reduce(0) { $0 + pairs($1) }
    let expected = sumA * sumB / max(pairs(a.count), 1)
    let maximum = (sumA + sumB) / 2
    if maximum == expected { return 1 }
    return (index - expected) / (maximum - expected)
  }

  /// Labels renamed to 0, 1, … in order of first appearance.
  private static func codes(_ labels: [Int]) -> [Int] {
    var seen: [Int: Int] = [:]
    return labels.map { label in
      if let code = seen[label] { return code }
      seen[label] = seen.count
      return seen.count - 1
    }
  }
}
