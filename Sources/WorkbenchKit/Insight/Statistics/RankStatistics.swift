/// Rank sums, tie terms and every pairwise Mann–Whitney count of one column, from one walk of its sorted values.
///
/// Values equal to each other form a tie block and share their mid-rank
/// (`method="average"`, as scipy). For each pair of groups (g, h), `U[g][h]`
/// counts the pairs (x from g, y from h) with x > y plus half the pairs with
/// x = y: scipy's U₁ = R₁ − n₁(n₁ + 1)/2 of `mannwhitneyu(g, h)`, computed
/// without re-ranking each pair. Every quantity is a sum of halves and whole
/// numbers below 2⁵³, so it is exact.
/// - Complexity: O(N · k) for N values in k groups, plus O(k²) per tie block.
struct RankStatistics {
  /// Values per group.
  let sizes: [Int]
  /// Sum of the mid-ranks of each group's values (ranks 1…N over all groups).
  let rankSums: [Double]
  /// Σ (t³ − t) over the tie blocks of all values.
  let tieTerm: Double
  /// `pairCounts[g][h]`: pairs with the value of g above the value of h, ties counting ½.
  let pairCounts: [[Double]]
  /// `pairTieTerms[g][h]`: Σ (t³ − t) over the tie blocks of the values of g and h only.
  let pairTieTerms: [[Double]]

  init(_ grouped: GroupedValues) {
    let k = grouped.groupCount
    var sizes = Array(repeating: 0, count: k)
    var rankSums = Array(repeating: 0.0, count: k)
    var pairCounts = Array(repeating: Array(repeating: 0.0, count: k), count: k)
    var pairTieTerms = Array(repeating: Array(repeating: 0.0, count: k), count: k)
    var below = Array(repeating: 0.0, count: k)
    var inBlock = Array(repeating: 0.0, count: k)
    var tieTerm = 0.0
    let values = grouped.values, groups = grouped.groups
    var start = 0
    while start < values.count {
      var end = start + 1
      while end < values.count && values[end] == values[start] { end += 1 }
      for i in start..<end { inBlock[groups[i]] += 1 }
      let midRank = Double(start + 1 + end) / 2
      for i in start..<end {
        let g = groups[i]
        sizes[g] += 1
        rankSums[g] += midRank
        for h in 0..<k where h != g { pairCounts[g][h] += below[h] + 0.5 * inBlock[h] }
      }
      let t = Double(end - start)
      if end - start > 1 {
        tieTerm += t * t * t - t
        for g in 0..<k {
          for h in (g + 1)..<k {
            let pair = inBlock[g] + inBlock[h]
            if pair > 1 { pairTieTerms[g][h] += pair * pair * pair - pair }
          }
        }
      }
      for i in start..<end {
        below[groups[i]] += inBlock[groups[i]]
        inBlock[groups[i]] = 0
      }
      start = end
    }
    for g in 0..<k { for h in 0..<g { pairTieTerms[g][h] = pairTieTerms[h][g] } }
    self.sizes = sizes
    self.rankSums = rankSums
    self.tieTerm = tieTerm
    self.pairCounts = pairCounts
    self.pairTieTerms = pairTieTerms
  }

  /// Number of values over all groups.
  var total: Int { sizes.reduce(0, +) }
}
