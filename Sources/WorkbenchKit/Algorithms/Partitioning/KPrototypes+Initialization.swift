import WorkbenchNumerics

extension KPrototypes {
  /// Initial prototypes: modes by `seeding`, numeric parts drawn as mean + N(0, 1) × standard deviation per column (kmodes).
  func initialPrototypes(_ data: Data, seeding: Seeding, using rng: inout SeededGenerator) -> Prototypes {
    let modes: [[Int]] =
      switch seeding {
      case .cao: KPrototypes.caoModes(data, count: clusterCount)
      case .huang: KPrototypes.huangModes(data, count: clusterCount, using: &rng)
      case .random: KMedoids.randomRows(data.rows, count: clusterCount, using: &rng).map(data.codes(ofRow:))
      }
    let x = data.numeric
    var numeric = Matrix(rows: clusterCount, columns: x.columns)
    var means: [Double] = []
    var deviations: [Double] = []
    for c in 0..<x.columns {
      let column = x.column(c)
      let mean = column.reduce(0, +) / Double(x.rows)
      means.append(mean)
      deviations.append((column.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.rows)).squareRoot())
    }
    for p in 0..<clusterCount {
      for c in 0..<x.columns { numeric[p, c] = means[c] + rng.nextGaussian() * deviations[c] }
    }
    return Prototypes(numeric: numeric, modes: modes)
  }

  /// Cao, Liang & Bai (2009), as kmodes' `init_cao`: the row of highest density (mean relative frequency of its levels)
  /// first, then each next the row maximising min over chosen modes of density × mismatches (first on ties).
  /// - Complexity: O(rows · features · k²).
  static func caoModes(_ data: Data, count: Int) -> [[Int]] {
    let n = data.rows
    var frequency = Array(repeating: 0, count: data.levelTotal)
    for r in 0..<n {
      for f in 0..<data.featureCount { frequency[data.levelOffsets[f] + data.code(r, f)] += 1 }
    }
    var density = Array(repeating: 0.0, count: n)
    for f in 0..<data.featureCount {
      for r in 0..<n {
        density[r] += Double(frequency[data.levelOffsets[f] + data.code(r, f)]) / Double(n) / Double(data.featureCount)
      }
    }
    var first = 0
    for r in 1..<n where density[r] > density[first] { first = r }
    var modes = [data.codes(ofRow: first)]
    while modes.count < count {
      var best = 0, bestScore = -Double.infinity
      for r in 0..<n {
        var score = Double.infinity
        for mode in modes {
          var mismatches = 0
          for f in 0..<data.featureCount where data.code(r, f) != mode[f] { mismatches += 1 }
          score = min(score, Double(mismatches) * density[r])
        }
        if score > bestScore { (best, bestScore) = (r, score) }
      }
      modes.append(data.codes(ofRow: best))
    }
    return modes
  }

  /// Huang (1998), as kmodes' `init_huang`: each mode's levels drawn with probability ∝ their frequency (feature by
  /// feature), then each mode replaced by the nearest row (fewest mismatches, lowest index on ties) that is not
  /// already a mode, when there is one.
  /// - Complexity: O(rows · features · k + rows log rows · k).
  static func huangModes(_ data: Data, count: Int, using rng: inout SeededGenerator) -> [[Int]] {
    var modes = Array(repeating: Array(repeating: 0, count: data.featureCount), count: count)
    for f in 0..<data.featureCount {
      for p in 0..<count { modes[p][f] = data.code(rng.nextIndex(below: data.rows), f) }
    }
    for p in 0..<count {
      let mismatches = (0..<data.rows).map { r in (0..<data.featureCount).reduce(0) { $0 + (data.code(r, $1) != modes[p][$1] ? 1 : 0) } }
      var order = Array(0..<data.rows)
      order.sort { (mismatches[$0], $0) < (mismatches[$1], $1) }
      var position = 0
      while position < order.count - 1 && modes.contains(data.codes(ofRow: order[position])) { position += 1 }
      modes[p] = data.codes(ofRow: order[position])
    }
    return modes
  }
}
