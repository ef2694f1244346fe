/// Spearman's rank correlation, for discount share against frequency and spend (skewed columns, so ranks rather than values).
///
/// Pearson's correlation of the mid-ranks (ties share their average rank)
/// of the pairs where both values are present. Matches
/// `scipy.stats.spearmanr` to 1e-12 (tested).
/// Undefined with fewer than three complete pairs or when either side is constant.
/// - Complexity: O(n log n).
public enum RankCorrelation {
  /// ρ of `x` and `y` (equal length; NaN marks a missing value) over the rows in `rows`.
  public static func spearman(_ x: [Double], _ y: [Double], rows: [Int]) -> Score {
    let complete = rows.filter { !x[$0].isNaN && !y[$0].isNaN }
    guard complete.count >= 3 else { return .undefined("needs at least three customers with both values") }
    let rx = midRanks(complete.map { x[$0] }), ry = midRanks(complete.map { y[$0] })
    let n = Double(complete.count)
    let mx = rx.reduce(0, +) / n, my = ry.reduce(0, +) / n
    var sxy = 0.0, sxx = 0.0, syy = 0.0
    for (a, b) in zip(rx, ry) {
      sxy += (a - mx) * (b - my)
      sxx += (a - mx) * (a - mx)
      syy += (b - my) * (b - my)
    }
    guard sxx > 0, syy > 0 else { return .undefined("one of the two columns is constant") }
    return .value(sxy / (sxx * syy).squareRoot())
  }

  /// The mid-ranks (1-based) of `values` in their own order.
  static func midRanks(_ values: [Double]) -> [Double] {
    let order = values.indices.sorted { (values[$0], $0) < (values[$1], $1) }
    var ranks = Array(repeating: 0.0, count: values.count)
    var start = 0
    while start < order.count {
      var end = start + 1
      while end < order.count && values[order[end]] == values[order[start]] { end += 1 }
      let rank = Double(start + 1 + end) / 2
      for i in start..<end { ranks[order[i]] = rank }
      start = end
    }
    return ranks
  }
}
