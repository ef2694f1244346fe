import WorkbenchKit
import WorkbenchNumerics

/// What this machine can do at best, measured: memory bandwidth and the distance kernel's FLOP/s.
///
/// Each workload's row in the report shows its fraction of the limit that
/// applies to it (``BenchLimit``), so "2× faster than scikit-learn" can be
/// read beside "and at 60 % of what the hardware allows".
public struct MachineLimits: Sendable, Codable, Equatable {
  /// Bytes per second read by ``Streaming/sum(_:)`` over an array much larger than the caches (best run).
  public var bytesPerSecond: Double
  /// Bytes of the array streamed.
  public var streamedBytes: Int
  /// Floating-point operations per second of `Distance.squaredEuclidean` from cached rows to cached centers (best run),
  /// counting 3 operations (subtract, multiply, add) per element.
  public var distanceFLOPsPerSecond: Double

  enum CodingKeys: String, CodingKey {
    case bytesPerSecond = "bytes_per_second"
    case streamedBytes = "streamed_bytes"
    case distanceFLOPsPerSecond = "distance_flops_per_second"
  }

  public init(bytesPerSecond: Double, streamedBytes: Int, distanceFLOPsPerSecond: Double) {
    self.bytesPerSecond = bytesPerSecond
    self.streamedBytes = streamedBytes
    self.distanceFLOPsPerSecond = distanceFLOPsPerSecond
  }

  /// Measures both limits: `bytes` streamed (1 GiB by default) and a 4,096 × 16 block against 64 centers, best of `runs`.
  /// - Complexity: O(`runs` · `bytes`) time and `bytes` of memory.
  public static func measure(bytes: Int = 1 << 30, runs: Int = 5) -> MachineLimits {
    let values = (0..<(bytes / 8)).map { Double($0 & 1023) }
    var best = Double.infinity
    for _ in 0..<runs {
      let start = ContinuousClock.now
      _ = Streaming.sum(values)
      best = min(best, BenchWorkloadRunner.seconds(ContinuousClock.now - start))
    }
    let bandwidth = Double(values.count * 8) / best
    let columns = 16, rows = 4_096, centers = 64
    var rng = SeededGenerator(seed: 1)
    let block = Matrix(rows: rows, columns: columns, storage: (0..<(rows * columns)).map { _ in rng.nextUnit() })
    let targets = Matrix(rows: centers, columns: columns, storage: (0..<(centers * columns)).map { _ in rng.nextUnit() })
    var out = [Double](repeating: 0, count: centers)
    var bestDistance = Double.infinity
    for _ in 0..<runs {
      let start = ContinuousClock.now
      for i in 0..<rows {
        Distance.squaredEuclidean(block, row: i, toEveryRowOf: targets, into: &out)
      }
      bestDistance = min(bestDistance, BenchWorkloadRunner.seconds(ContinuousClock.now - start))
    }
    let flops = 3.0 * Double(rows * centers * columns)
    return MachineLimits(bytesPerSecond: bandwidth, streamedBytes: values.count * 8, distanceFLOPsPerSecond: flops / bestDistance)
  }
}

/// The limit a workload is compared with, and the work one repetition (or iteration) does against it.
public enum BenchLimit: Sendable, Equatable {
  /// Memory-bound: bytes moved.
  case bandwidth(bytes: Double, why: String)
  /// Compute-bound: floating-point operations.
  case flops(Double, why: String)
  /// A mix with no single limit (the grid, the plugin workloads).
  case none

  /// The limit for `workload` on `rows × columns` with k clusters, per repetition (per iteration for iterative workloads).
  ///
  /// - csv-load: the file's bytes, read once (it is parse-bound; the fraction shows how far from a pure stream).
  /// - kmeans: one read of the rows × columns matrix per Lloyd iteration (the assignment, sums and label
  ///   comparison share one pass, so at k = 8 the iteration is bound by memory, not arithmetic).
  /// - gmm (full): about 2 · rows · k · columns² per EM iteration (a triangular solve per row and component
  ///   in the E step and a rank-one covariance update in the M step).
  /// - silhouette: 3 · rows² · columns (every pairwise distance once per row).
  public static func of(_ workload: BenchWorkload, rows: Int, columns: Int, k: Int, fileBytes: Int) -> BenchLimit {
    let n = Double(rows), d = Double(columns), kk = Double(k)
    switch workload {
    case .csvLoad: return .bandwidth(bytes: Double(fileBytes), why: "file bytes / time vs memory bandwidth")
    case .kmeans: return .bandwidth(bytes: 8 * n * d, why: "one read of the n×d matrix per iteration vs memory bandwidth")
    case .gmm: return .flops(2 * n * kk * d * d, why: "≈2·n·k·d² per EM iteration vs distance FLOP/s")
    case .silhouette: return .flops(3 * n * n * d, why: "3·n²·d vs distance FLOP/s")
    case .grid, .plugin: return .none
    }
  }

  /// The fraction of `limits` reached when one unit of work takes `seconds`; `nil` for ``none``.
  public func fraction(seconds: Double, limits: MachineLimits) -> Double? {
    guard seconds > 0 else { return nil }
    switch self {
    case .bandwidth(let bytes, _): return bytes / seconds / limits.bytesPerSecond
    case .flops(let flops, _): return flops / seconds / limits.distanceFLOPsPerSecond
    case .none: return nil
    }
  }

  /// How the fraction is computed, for the report.
  public var explanation: String {
    switch self {
    case .bandwidth(_, let why), .flops(_, let why): why
    case .none: "mixed work; no single limit"
    }
  }
}
