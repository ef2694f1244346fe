import WorkbenchNumerics

extension KPrototypes {
  /// The fit rows as k-prototypes reads them: a numeric matrix and row-major categorical codes.
  struct Data {
    let numeric: Matrix
    /// `rows × features` codes, row-major.
    let codes: [Int]
    /// Number of categorical features.
    let featureCount: Int
    /// Levels per categorical feature.
    let levelCounts: [Int]
    /// Where each feature's level counts start in a cluster's flat count array.
    let levelOffsets: [Int]

    init(_ input: ClusteringInput) {
      numeric = input.numeric
      featureCount = input.categorical.count
      levelCounts = input.categorical.map(\.levels.count)
      var offsets: [Int] = []
      var next = 0
      for count in levelCounts {
        offsets.append(next)
        next += count
      }
      levelOffsets = offsets
      var codes = Array(repeating: 0, count: input.rows * featureCount)
      for (f, feature) in input.categorical.enumerated() {
        for r in 0..<input.rows { codes[r * featureCount + f] = feature.codes[r] }
      }
      self.codes = codes
    }

    var rows: Int { numeric.rows }
    /// Total number of levels over all features.
    var levelTotal: Int { levelCounts.reduce(0, +) }

    func code(_ row: Int, _ feature: Int) -> Int { codes[row * featureCount + feature] }

    func codes(ofRow row: Int) -> [Int] { Array(codes[(row * featureCount)..<((row + 1) * featureCount)]) }

    /// The first row of each group of identical rows (numbers and codes), in row order.
    func distinctRows() -> [Int] {
      struct Key: Hashable {
        var numbers: [Double]
        var codes: [Int]
      }
      var seen = Set<Key>()
      var firsts: [Int] = []
      for r in 0..<rows where seen.insert(Key(numbers: numeric.rowArray(r), codes: codes(ofRow: r))).inserted {
        firsts.append(r)
      }
      return firsts
    }
  }

  /// k prototypes: numeric means and categorical modes (codes).
  struct Prototypes: Equatable {
    var numeric: Matrix
    var modes: [[Int]]

    var count: Int { modes.count }

    /// Squared Euclidean distance of the numeric parts + `gamma` × categorical mismatches.
    func cost(of row: Int, in data: Data, to p: Int, gamma: Double) -> Double {
      var mismatches = 0
      for f in 0..<data.featureCount where data.code(row, f) != modes[p][f] { mismatches += 1 }
      return Distance.squaredEuclidean(data.numeric, row: row, numeric, row: p) + gamma * Double(mismatches)
    }

    /// The cheapest prototype for `row` (ties to the lowest index) and its cost.
    func nearest(_ row: Int, in data: Data, gamma: Double) -> (index: Int, cost: Double) {
      var best = 0, bestCost = cost(of: row, in: data, to: 0, gamma: gamma)
      for p in 1..<count {
        let c = cost(of: row, in: data, to: p, gamma: gamma)
        if c < bestCost { (best, bestCost) = (p, c) }
      }
      return (best, bestCost)
    }
  }
}
