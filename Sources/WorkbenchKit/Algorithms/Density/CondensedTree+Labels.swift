extension CondensedTree {
  /// The label of every row for the `selected` clusters (ascending ids; label = position), as scikit-learn's `do_labelling`.
  ///
  /// A row takes the nearest selected cluster at or above the cluster it
  /// falls out of; a row under no selected cluster is noise (−1). When the
  /// root is the one selected cluster (`allowSingleCluster`), only rows that
  /// leave it at the densest level of its direct entries (or at λ ≥ 1 /
  /// `epsilon` when `epsilon` is set) keep the label.
  func labels(selected: [Int], allowSingleCluster: Bool, epsilon: Double) -> [Int] {
    let parents = clusterParents
    var labelOf = Array(repeating: -1, count: largestCluster - rows + 1)
    for (label, cluster) in selected.enumerated() { labelOf[slot(cluster)] = label }
    var assigned = Array(repeating: -1, count: largestCluster - rows + 1)
    for id in rows...largestCluster {
      assigned[slot(id)] = labelOf[slot(id)] >= 0 ? labelOf[slot(id)] : id == rows ? -1 : assigned[slot(parents[slot(id)])]
    }
    let rootIsCluster = labelOf[0] >= 0
    let rootDeath = deaths[0]
    var out = Array(repeating: -1, count: rows)
    for i in 0..<count where child[i] < rows {
      let label = assigned[slot(parent[i])]
      guard rootIsCluster, label == labelOf[0] else {
        out[child[i]] = label
        continue
      }
      guard selected.count == 1 && allowSingleCluster else { continue }
      let keeps = epsilon != 0 ? lambda[i] >= 1 / epsilon : lambda[i] >= rootDeath
      out[child[i]] = keeps ? label : -1
    }
    return out
  }

  /// Each row's membership strength in its cluster: min(λ, death) / death of the selected cluster, 0 for noise (scikit-learn's `get_probabilities`).
  ///
  /// A row leaving at λ = +∞ (a duplicate), or a cluster whose entries all
  /// leave at λ = 0, gives 1.
  func probabilities(labels: [Int], selected: [Int]) -> [Double] {
    let death = deaths
    var out = Array(repeating: 0.0, count: rows)
    for i in 0..<count where child[i] < rows && labels[child[i]] >= 0 {
      let maximum = death[slot(selected[labels[child[i]]])]
      out[child[i]] = maximum == 0 || lambda[i].isInfinite ? 1 : min(lambda[i], maximum) / maximum
    }
    return out
  }

  /// GLOSH outlier scores (Campello et al. 2015) as the `hdbscan` library computes them: (λ_max − λ) / λ_max.
  ///
  /// λ_max is the largest λ in the subtree of the cluster the row leaves,
  /// propagated upwards over the entries in reverse order as the library
  /// does; a row leaving at λ = +∞, or under λ_max = 0, scores 0. Under
  /// λ_max = +∞ (duplicate rows in the subtree: they merge at distance 0)
  /// the library's formula gives NaN (∞ / ∞); a row leaving at a finite λ
  /// takes the formula's limit, 1 − λ / λ_max → 1. Scores lie in [0, 1].
  var outlierScores: [Double] {
    var death = deaths
    for i in stride(from: count - 1, through: 0, by: -1) where child[i] >= rows {
      death[slot(parent[i])] = max(death[slot(parent[i])], death[slot(child[i])])
    }
    var out = Array(repeating: 0.0, count: rows)
    for i in 0..<count where child[i] < rows {
      let maximum = death[slot(parent[i])]
      out[child[i]] = maximum == 0 || !lambda[i].isFinite ? 0 : maximum.isInfinite ? 1 : (maximum - lambda[i]) / maximum
    }
    return out
  }
}
