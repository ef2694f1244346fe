import WorkbenchNumerics

extension KMedoids {
  /// Most rows PAM accepts: its n × n matrix of doubles takes 8 · n² bytes (3.2 GB at 20,000 rows).
  public static let pamRowLimit = 20_000

  /// All pairwise dissimilarities of a space, stored as a full symmetric n × n matrix for PAM's O(n²) sweeps.
  ///
  /// Each pair is computed once (i < j) and mirrored; the diagonal is 0.
  /// - Complexity: O(n² · features) time to build, 8 · n² bytes.
  struct DissimilarityMatrix: Dissimilarities {
    let count: Int
    private(set) var storage: [Double]

    init(_ space: Space, context: FitContext) throws {
      let n = space.count
      count = n
      storage = Array(repeating: 0, count: n * n)
      for i in 0..<n {
        if i % 256 == 0 { try context.checkCancellation() }
        for j in (i + 1)..<n {
          let d = space(i, j)
          storage[i * n + j] = d
          storage[j * n + i] = d
        }
      }
    }

    func callAsFunction(_ i: Int, _ j: Int) -> Double { storage[i * count + j] }
  }
}
