import WorkbenchNumerics

extension Agglomerative {
  /// The largest share of the machine's physical memory the distance matrix of `"complete"` and `"average"` may take.
  ///
  /// Half leaves room for the data, the rest of the run and other processes;
  /// at 24 GB that allows about 54,000 rows (8 · n(n − 1)/2 bytes).
  public static let matrixMemoryFraction = 0.5

  /// Throws when the condensed distance matrix of `rows` rows would take more than ``matrixMemoryFraction`` of
  /// `physicalMemory` bytes, before anything is allocated; the error points to the linkages and algorithms that need
  /// no matrix.
  static func checkMatrixMemory(rows: Int, linkage: Linkage, physicalMemory: UInt64) throws(FitError) {
    let limit = Double(physicalMemory) * matrixMemoryFraction
    let bytes = CondensedDistances.byteCount(rows: rows).map(Double.init) ?? .infinity
    guard bytes > limit else { return }
    func gigabytes(_ b: Double) -> String { JSONNumber.plain((b / 1e8).rounded() / 10) }
    throw .degenerate(
      "agglomerative with linkage \"\(linkage.rawValue)\" keeps all \(rows) × \(rows) / 2 pairwise distances (\(gigabytes(bytes)) GB), "
        + "more than \(Int(matrixMemoryFraction * 100)) % of this machine's memory (\(gigabytes(Double(physicalMemory))) GB). "
        + "Fix: use linkage \"ward\" or \"single\", which keep no matrix (memory grows with rows × columns), the birch algorithm, "
        + "or cluster a sample of the rows")
  }
}
