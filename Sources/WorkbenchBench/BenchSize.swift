import WorkbenchKit
/// The data sizes the benchmark generates: small, medium and large.
public enum BenchSize: String, Sendable, CaseIterable, Codable, Comparable {
  /// 10,000 rows × 8 columns: the grid workload, and every workload under `--quick`.
  case small = "S"
  /// 200,000 rows × 16 columns: the mixture and silhouette workloads.
  case medium = "M"
  /// 1,000,000 rows × 16 columns: CSV loading and k-means.
  case large = "L"

  /// Rows of the generated table.
  public var rows: Int {
    switch self {
    case .small: 10_000
    case .medium: 200_000
    case .large: 1_000_000
    }
  }

  /// Numeric columns of the generated table.
  public var columns: Int { self == .small ? 8 : 16 }

  public static func < (a: BenchSize, b: BenchSize) -> Bool { a.rows < b.rows }
}
