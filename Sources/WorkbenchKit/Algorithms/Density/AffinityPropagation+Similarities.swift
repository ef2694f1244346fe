import WorkbenchNumerics

extension AffinityPropagation {
  /// The largest share of the machine's physical memory the three rows × rows matrices may take.
  static let matrixMemoryFraction = 0.5

  /// Throws when the similarities, responsibilities and availabilities (24 · rows² bytes) would take more than
  /// ``matrixMemoryFraction`` of `physicalMemory`, before anything is allocated; the error names the alternatives.
  static func checkMemory(rows: Int, physicalMemory: UInt64) throws(FitError) {
    let bytes = 24 * Double(rows) * Double(rows)
    guard bytes > Double(physicalMemory) * matrixMemoryFraction else { return }
    func gigabytes(_ b: Double) -> String { JSONNumber.plain((b / 1e8).rounded() / 10) }
    throw .degenerate(
      "affinity-propagation keeps three \(rows) × \(rows) matrices (\(gigabytes(bytes)) GB), more than "
        + "\(Int(matrixMemoryFraction * 100)) % of this machine's memory (\(gigabytes(Double(physicalMemory))) GB). "
        + "Fix: cluster a sample of the rows, or use hdbscan, birch or kmeans, which keep no rows × rows matrix")
  }

  /// Rows per parallel chunk of the similarity matrix.
  static let chunkRows = 64

  /// −‖xᵢ − xⱼ‖² for every pair of rows (0 on the diagonal), rows × rows, as scikit-learn's `-euclidean_distances(X, squared=True)`.
  ///
  /// Distances are summed from the differences (scikit-learn expands
  /// ‖a‖² − 2a·b + ‖b‖² with its BLAS), so entries agree to rounding.
  /// - Complexity: O(rows² · columns) time over the cores.
  static func similarities(_ x: Matrix) -> Matrix {
    let n = x.rows
    let rows = Parallel.map(count: Parallel.chunkCount(n, size: chunkRows)) { chunk in
      Parallel.chunkRange(chunk, size: chunkRows, total: n).flatMap { i in
        (0..<n).map { j in i == j ? 0 : -Distance.squaredEuclidean(x, row: i, x, row: j) }
      }
    }
    return Matrix(rows: n, columns: n, storage: rows.flatMap { $0 })
  }

  /// The median of all entries of `s` (diagonal included), as `numpy.median`: the middle entry, or the mean of the two middle ones.
  ///
  /// `s` is symmetric with a zero diagonal and entries ≤ 0, so the sorted
  /// entries are each off-diagonal value twice, then the rows zeros: only the
  /// upper triangle is sorted.
  /// - Complexity: O(rows² · log rows) time, 4 · rows² bytes.
  static func medianSimilarity(_ s: Matrix) -> Double {
    let n = s.rows
    var upper: [Double] = []
    upper.reserveCapacity(n * (n - 1) / 2)
    for i in 0..<n {
      for j in (i + 1)..<n { upper.append(s[i, j]) }
    }
    upper.sort()
    let total = n * n
    func sorted(_ position: Int) -> Double { position < 2 * upper.count ? upper[position / 2] : 0 }
    return total % 2 == 1 ? sorted(total / 2) : (sorted(total / 2 - 1) + sorted(total / 2)) / 2
  }

  /// scikit-learn's answer when there is nothing to propagate — one row, or every off-diagonal similarity equal:
  /// every row an exemplar when `preference` exceeds the similarity s(0, rows − 1), else row 0 alone; `nil` otherwise.
  static func trivialExemplars(_ s: Matrix, preference: Double) -> [Int]? {
    let n = s.rows
    let first = n > 1 ? s[0, 1] : 0
    for i in 0..<n {
      for j in 0..<n where i != j && s[i, j] != first { return nil }
    }
    return preference > s[0, n - 1] ? Array(0..<n) : [0]
  }

  /// Sets every row's self-similarity to `preference`.
  static func placePreference(_ preference: Double, in s: inout Matrix) {
    var storage = s.storage
    for i in 0..<s.rows { storage[i * s.columns + i] = preference }
    s = Matrix(rows: s.rows, columns: s.columns, storage: storage)
  }

  /// scikit-learn's tie-breaking noise: each entry plus (ε·s + 100·tiny)·z, z standard normal, drawn row by row from `seed`.
  ///
  /// ε is the double's machine epsilon and tiny its smallest normal value, as
  /// in scikit-learn; the draws are the workbench's own (``SeededGenerator``), not numpy's.
  static func addTieBreakingNoise(to s: inout Matrix, seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let storage = s.storage.map { value in value + (Double.ulpOfOne * value + Double.leastNormalMagnitude * 100) * generator.nextGaussian() }
    s = Matrix(rows: s.rows, columns: s.columns, storage: storage)
  }

  /// scikit-learn's refinement: rows join their most similar exemplar, each cluster's exemplar becomes the member
  /// with the largest total similarity from the other members, and rows join their most similar refined exemplar.
  ///
  /// Returns the exemplars in row order and each row's label (its exemplar's
  /// position); an exemplar always labels itself. Ties go to the first
  /// exemplar, or the first member, as `numpy.argmax`.
  /// - Complexity: O(rows · exemplars + Σ cluster sizes²).
  static func refined(_ s: Matrix, exemplars: [Int]) -> (exemplars: [Int], labels: [Int]) {
    var centers = exemplars
    var nearest = mostSimilar(s, among: centers)
    for k in centers.indices {
      let members = nearest.indices.filter { nearest[$0] == k }
      var (best, chosen) = (-Double.infinity, members[0])
      for j in members {
        var total = 0.0
        for i in members { total += s[i, j] }
        if total > best { (best, chosen) = (total, j) }
      }
      centers[k] = chosen
    }
    nearest = mostSimilar(s, among: centers)
    let chosen = nearest.map { centers[$0] }
    let ordered = centers.sorted()
    let rank = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1, $0) })
    return (ordered, chosen.map { rank[$0]! })
  }

  /// For each row, the position in `centers` of its most similar center (the first on ties); a center gets its own position.
  static func mostSimilar(_ s: Matrix, among centers: [Int]) -> [Int] {
    var nearest = (0..<s.rows).map { i in
      var (best, position) = (-Double.infinity, 0)
      for (k, c) in centers.enumerated() where s[i, c] > best { (best, position) = (s[i, c], k) }
      return position
    }
    for (k, c) in centers.enumerated() { nearest[c] = k }
    return nearest
  }
}
