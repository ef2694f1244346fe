import WorkbenchKit
import Foundation

/// What one child process measured for one workload: the JSON both benchmark sides print.
///
/// The workbench child (`workbench bench --child`) and the scikit-learn
/// baseline print exactly this shape, so the parent parses both the same way.
public struct BenchMeasurement: Sendable, Codable, Equatable {
  /// `"workbench"` or `"scikit-learn"`.
  public var implementation: String
  /// The workload's name.
  public var workload: BenchWorkload
  /// The data size.
  public var size: BenchSize
  /// Rows the workload processed.
  public var rows: Int
  /// Columns the workload processed.
  public var columns: Int
  /// Wall seconds of each timed repetition (warm-ups excluded).
  public var seconds: [Double]
  /// Iterations of each repetition's fit, for iterative workloads.
  public var iterations: [Int]?
  /// The process's resident-set high-water mark in bytes (`VmHWM`), after all repetitions.
  public var peakRSSBytes: Int?
  /// Why the workload did not run, when it did not.
  public var skipped: String?
  /// Remarks (settings that differ, things included in the time).
  public var notes: [String]
  /// Versions, build configuration, BLAS kernels and thread counts.
  public var environment: [String: String]

  public init(
    implementation: String, workload: BenchWorkload, size: BenchSize, rows: Int, columns: Int, seconds: [Double] = [],
    iterations: [Int]? = nil, peakRSSBytes: Int? = nil, skipped: String? = nil, notes: [String] = [], environment: [String: String] = [:]
  ) {
    self.implementation = implementation
    self.workload = workload
    self.size = size
    self.rows = rows
    self.columns = columns
    self.seconds = seconds
    self.iterations = iterations
    self.peakRSSBytes = peakRSSBytes
    self.skipped = skipped
    self.notes = notes
    self.environment = environment
  }

  /// Seconds per iteration of each repetition (total ÷ iterations); `nil` for non-iterative workloads.
  public var secondsPerIteration: [Double]? {
    guard let iterations, iterations.count == seconds.count, iterations.allSatisfy({ $0 > 0 }) else { return nil }
    return zip(seconds, iterations).map { $0 / Double($1) }
  }

  enum CodingKeys: String, CodingKey {
    case implementation, workload, size, rows, columns, seconds, iterations, skipped, notes, environment
    case peakRSSBytes = "peak_rss_bytes"
  }

  /// Parses the measurement a child printed: the last line of `output` that is a JSON object, or the whole output.
  public static func parse(childOutput output: String, source: String) throws -> BenchMeasurement {
    let trimmed = output.trimmingCharacters(in: .whitespacesAndNewlines)
    guard let start = trimmed.firstIndex(of: "{"), trimmed.hasSuffix("}") else {
      throw ResultStoreError(path: source, reason: "printed no measurement JSON; it printed: \(trimmed.suffix(400))")
    }
    return try BenchJSON.decode(BenchMeasurement.self, from: Data(trimmed[start...].utf8), source: source)
  }
}

