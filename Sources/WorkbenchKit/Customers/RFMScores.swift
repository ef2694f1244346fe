/// RFM quintile scores and the classic R×F segment names.
///
/// Scores (1–5) follow the common pandas recipe
/// `pd.qcut(s.rank(method="first"), 5, labels=[1, 2, 3, 4, 5])`: values are
/// ranked 1…n with ties broken by row order ("first"), and rank k gets the
/// smallest score j with k ≤ 1 + (n − 1)·j/5 (numpy's linear quantiles of the
/// ranks are the bin edges; the lowest rank is in bin 1). Recency is scored
/// reversed, `6 − score`, so the most recent customers get 5; frequency and
/// monetary value score more = 5. Every score is used when n ≥ 5; with fewer
/// customers some are skipped (n = 1 scores 1).
///
/// Segments are the eight classic names on the two-dimensional R×F grid
/// (the layout of the widely used RFM segment map, with its ten cells folded
/// into the eight classic names: "About to Sleep"/"Need Attention" become
/// Hibernating, "Promising" becomes New):
///
/// | R \ F | 1 | 2 | 3 | 4 | 5 |
/// |---|---|---|---|---|---|
/// | 5 | New | Potential Loyalist | Potential Loyalist | Champions | Champions |
/// | 4 | New | Potential Loyalist | Potential Loyalist | Loyal | Loyal |
/// | 3 | Hibernating | Hibernating | Hibernating | Loyal | Loyal |
/// | 2 | Hibernating | Hibernating | At Risk | At Risk | Cannot Lose Them |
/// | 1 | Lost | Lost | At Risk | At Risk | Cannot Lose Them |
///
/// The cells cover all 25 (R, F) pairs exactly once, so every customer gets
/// one name; M does not enter the name.
///
/// Worked example: R = 5, F = 4, M = 5 → `rfm_score` "545", segment "Champions";
/// R = 2, F = 5 → "Cannot Lose Them".
/// - Complexity: O(n log n) for the ranking.
public enum RFMScores {
  /// Quintile scores 1…5 of `values` (higher value → higher score), ties by position.
  public static func quintiles(_ values: [Double]) -> [Int] {
    let n = values.count
    let order = values.indices.sorted { (values[$0], $0) < (values[$1], $1) }
    var scores = Array(repeating: 0, count: n)
    for (position, row) in order.enumerated() {
      let rank = Double(position + 1)
      var score = 1
      while score < 5 && rank > 1 + Double(n - 1) * Double(score) / 5 { score += 1 }
      scores[row] = score
    }
    return scores
  }

  /// Quintile scores with smaller values scoring higher (recency: the most recent get 5).
  public static func reversedQuintiles(_ values: [Double]) -> [Int] {
    quintiles(values).map { 6 - $0 }
  }

  /// The segment of a recency score `r` and frequency score `f` (each 1…5).
  public static func segment(recency r: Int, frequency f: Int) -> String {
    precondition((1...5).contains(r) && (1...5).contains(f), "RFM scores are 1...5")
    switch (r, f) {
    case (1, 1...2): return "Lost"
    case (2, 1...2), (3, 1...3): return "Hibernating"
    case (1...2, 3...4): return "At Risk"
    case (1...2, 5): return "Cannot Lose Them"
    case (3...4, 4...5): return "Loyal"
    case (4...5, 1): return "New"
    case (4...5, 2...3): return "Potential Loyalist"
    default: return "Champions"
    }
  }

  /// Every segment name, in the grid's order from worst to best.
  public static let segmentNames = ["Lost", "Hibernating", "At Risk", "Cannot Lose Them", "New", "Potential Loyalist", "Loyal", "Champions"]
}
