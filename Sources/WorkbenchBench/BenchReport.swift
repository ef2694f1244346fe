import WorkbenchKit
import Foundation

/// The result of a benchmark: every workload's measurements, ratios against the baseline and the machine's limits.
public struct BenchReport: Sendable, Codable, Equatable {
  /// The measured limits, when measured.
  public var limits: MachineLimits?
  /// One row per workload, in plan order.
  public var rows: [BenchRow]

  public init(limits: MachineLimits?, rows: [BenchRow]) {
    self.limits = limits
    self.rows = rows
  }

  /// The report as Markdown: measurements, then ratios when compared, then the limits and notes.
  public func markdown() -> String {
    var lines = [
      "| workload | size | side | median s | min s | max s | median s/iter | iterations | peak RSS MiB | of limit |",
      "|---|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    var notes: [String] = []
    for row in rows {
      for (side, m) in [(row.ours, row.oursFraction), (row.theirs, row.theirsFraction)].compactMap({ m, f in m.map { ($0, f) } }) {
        if let skipped = side.skipped {
          lines.append("| \(row.workload.name) | \(row.size.rawValue) | \(side.implementation) | skipped: \(skipped) | | | | | | |")
          continue
        }
        let t = BenchSummary(side.seconds)
        let perIteration = side.secondsPerIteration.flatMap(BenchSummary.init).map { Self.format($0.median) } ?? ""
        let iterations = side.iterations.map { Set($0).sorted().map(String.init).joined(separator: "/") } ?? ""
        let peak = side.peakRSSBytes.map { String(format: "%.0f", Double($0) / 1_048_576) } ?? ""
        let fraction = m.map { String(format: "%.0f %%", $0 * 100) } ?? ""
        lines.append(
          "| \(row.workload.name) | \(row.size.rawValue) | \(side.implementation) | \(t.map { Self.format($0.median) } ?? "") | "
            + "\(t.map { Self.format($0.min) } ?? "") | \(t.map { Self.format($0.max) } ?? "") | \(perIteration) | \(iterations) | \(peak) | \(fraction) |")
        notes += side.notes.map { "\(row.workload.name) (\(side.implementation)): \($0)" }
      }
    }
    var text = lines.joined(separator: "\n") + "\n"
    let compared = rows.filter { $0.ratio != nil }
    if !compared.isEmpty {
      text += "\n| workload | size | ours/theirs, pair by pair | median ratio | spread |\n|---|---|---|---:|---:|\n"
      for row in compared {
        let pairs = (row.ratios ?? []).map { String(format: "%.2f", $0) }.joined(separator: ", ")
        let r = row.ratio!
        text += "| \(row.workload.name) | \(row.size.rawValue) | \(pairs) | \(String(format: "%.2f", r.median)) | ±\(String(format: "%.0f", r.relativeSpread * 100)) % |\n"
      }
      text += "\nRatios below 1 mean the workbench is faster; iterative workloads compare time per iteration.\n"
    }
    if let limits {
      text += String(
        format: "\nMachine limits: memory bandwidth %.1f GB/s (sum over %.0f MiB, best run); distance kernel %.2f GFLOP/s (3 flops per element, cached block).\n",
        limits.bytesPerSecond / 1e9, Double(limits.streamedBytes) / 1_048_576, limits.distanceFLOPsPerSecond / 1e9)
      for row in rows where row.limitExplanation != BenchLimit.none.explanation {
        text += "- \(row.workload.name): \(row.limitExplanation)\n"
      }
    }
    if !notes.isEmpty { text += "\n" + notes.map { "- " + $0 }.joined(separator: "\n") + "\n" }
    return text
  }

  /// Seconds with three significant digits.
  static func format(_ seconds: Double) -> String {
    seconds >= 100 ? String(format: "%.0f", seconds) : seconds >= 1 ? String(format: "%.2f", seconds) : String(format: "%#.3g", seconds)
  }
}

/// One workload's measurements on both sides and their ratios.
public struct BenchRow: Sendable, Codable, Equatable {
  /// The workload.
  public var workload: BenchWorkload
  /// The data size it ran at.
  public var size: BenchSize
  /// The workbench's measurement (all its repetitions).
  public var ours: BenchMeasurement
  /// The baseline's measurement, when compared.
  public var theirs: BenchMeasurement?
  /// ours / theirs for each A B pair (per iteration for iterative workloads).
  public var ratios: [Double]?
  /// The summary of ``ratios``.
  public var ratio: BenchSummary?
  /// How the fraction of the machine's limit is computed.
  public var limitExplanation: String
  /// The workbench's fraction of the applicable limit at its median time.
  public var oursFraction: Double?
  /// The baseline's fraction of the applicable limit at its median time.
  public var theirsFraction: Double?

  /// Builds the row, pairing the two sides' repetitions and computing fractions of `limits`.
  public init(ours: BenchMeasurement, theirs: BenchMeasurement?, limits: MachineLimits?, fileBytes: Int) {
    workload = ours.workload
    size = ours.size
    self.ours = ours
    self.theirs = theirs
    let limit = BenchLimit.of(ours.workload, rows: ours.rows, columns: ours.columns, k: BenchWorkload.clusterCount, fileBytes: fileBytes)
    limitExplanation = limit.explanation
    func unit(_ m: BenchMeasurement) -> [Double] { m.workload.isIterative ? (m.secondsPerIteration ?? m.seconds) : m.seconds }
    func fraction(_ m: BenchMeasurement?) -> Double? {
      guard let m, m.skipped == nil, let limits, let median = BenchSummary(unit(m))?.median else { return nil }
      return limit.fraction(seconds: median, limits: limits)
    }
    oursFraction = fraction(ours)
    theirsFraction = fraction(theirs)
    if let theirs, ours.skipped == nil, theirs.skipped == nil {
      let pairs = BenchRatio.pairwise(ours: unit(ours), theirs: unit(theirs))
      ratios = pairs
      ratio = BenchSummary(pairs)
    }
  }

  enum CodingKeys: String, CodingKey {
    case workload, size, ours, theirs, ratios, ratio
    case limitExplanation = "limit"
    case oursFraction = "ours_fraction_of_limit"
    case theirsFraction = "theirs_fraction_of_limit"
  }
}
