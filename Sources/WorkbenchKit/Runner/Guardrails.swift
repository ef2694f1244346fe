import Foundation
import WorkbenchNumerics

/// Estimates of a run's quadratic steps before any trial, and the switch to sampled estimates on large data.
///
/// Metrics that compare every pair of rows (``MetricDescriptor/pairwiseCost``)
/// and algorithms whose default method keeps a rows × rows matrix
/// (``AlgorithmCapabilities/scalesQuadratically``) are estimated from the
/// data's rows and columns: work in rows² · columns, memory in 8 · rows²
/// bytes, and seconds from a rate measured on this machine. The decision to
/// sample depends only on rows and columns (``exactWorkLimit``), never on the
/// measured rate, so results stay byte-identical on any machine; the seconds
/// are for people. A metric is switched to its sampled form only when the spec
/// left its sampling parameter unset; setting it (`"sample_size": "all"`)
/// asks for the exact value whatever it costs.
public struct Guardrails: Sendable {
  /// rows² · columns above which a metric that can be sampled is sampled: about 50,000 rows of 16 columns,
  /// a few seconds per trial on this project's reference machine.
  public static let exactWorkLimit = 4.0e10

  /// One quadratic step of the run and what was decided for it.
  public struct Estimate: Sendable, Equatable {
    /// The plugin.
    public var plugin: String
    /// Rows it sees.
    public var rows: Int
    /// Estimated seconds per trial of the exact computation on this machine (one thread).
    public var exactSeconds: Double
    /// Estimated extra memory in bytes, for algorithms that keep a rows × rows matrix.
    public var memoryBytes: Double?
    /// The sampled form used instead of the exact computation (`sample_size=10000 repeats=10`), if any.
    public var sampledWith: String?
    /// Whether the spec explicitly asked for the exact computation.
    public var exactRequested: Bool

    /// Whether the estimate is worth telling: the step was sampled, or would take 5 s or more, or 256 MiB or more.
    public var isNotable: Bool { sampledWith != nil || exactSeconds >= 5 || (memoryBytes ?? 0) >= Double(1 << 28) }

    /// The estimate as one line for people.
    public var text: String {
      let exact = "exact on \(rows.formatted()) rows takes \(Self.duration(exactSeconds)) per trial"
      if let sampledWith {
        return "\(plugin): \(exact); estimated instead (\(sampledWith)), with a 95 % interval. Set its sampling parameter (e.g. \"sample_size\": \"all\") to force the exact value."
      }
      if let memoryBytes { return "\(plugin): \(exact) and about \(Self.bytes(memoryBytes)) of memory." }
      return "\(plugin): \(exact)\(exactRequested ? " (exact value requested in the spec)" : "")."
    }

    static func duration(_ seconds: Double) -> String {
      switch seconds {
      case ..<1: return "under a second"
      case ..<120: return "about \(Int(seconds.rounded())) s"
      case ..<7200: return "about \(Int((seconds / 60).rounded())) min"
      default: return "about \(Int((seconds / 3600).rounded())) h"
      }
    }

    static func bytes(_ count: Double) -> String {
      count >= Double(1 << 30) ? "\(JSONNumber.plain((count / Double(1 << 30) * 10).rounded() / 10)) GiB" : "\(Int((count / Double(1 << 20)).rounded())) MiB"
    }
  }

  /// The plan's metrics with large pairwise ones switched to their sampled form, and every quadratic step's estimate.
  ///
  /// `rows` and `columns` are the data's; `pairsPerSecond` is
  /// ``measuredRate(columns:)`` (pair-columns per second), used only for the
  /// printed seconds.
  public static func apply(
    to plan: TrialPlan, rows: Int, columns: Int, registry: PluginRegistry, pairsPerSecond: Double
  ) -> (plan: TrialPlan, estimates: [Estimate]) {
    let work = Double(rows) * Double(rows) * Double(max(columns, 1))
    let seconds = work / 2 / max(pairsPerSecond, 1)
    var adjusted = plan
    var estimates: [Estimate] = []
    for (i, metric) in plan.metrics.enumerated() {
      guard let descriptor = registry.metric(named: metric.name), let cost = descriptor.pairwiseCost else { continue }
      let use = plan.experiment.metrics.first { $0.name == metric.name }
      let requested = cost.samplingParameter.map { parameter in
        use?.fixed[parameter] != nil || use?.grid.contains { $0.parameter == parameter } == true
      } ?? false
      var estimate = Estimate(plugin: metric.name, rows: rows, exactSeconds: seconds, exactRequested: requested)
      if work > exactWorkLimit, !requested, cost.samplingParameter != nil,
        case .success(let sampled) = descriptor.resolve(metric.parameters.values.merging(cost.sampled) { _, new in new }, at: Location())
      {
        adjusted.metrics[i] = ResolvedPlugin(name: metric.name, parameters: sampled, fingerprint: metric.fingerprint)
        estimate.sampledWith = cost.sampled.keys.sorted().map { "\($0)=\(cost.sampled[$0]!.canonicalText)" }.joined(separator: " ")
      }
      estimates.append(estimate)
    }
    var seen: Set<String> = []
    for use in plan.experiment.algorithms where seen.insert(use.name).inserted {
      guard let descriptor = registry.algorithm(named: use.name), descriptor.capabilities.scalesQuadratically else { continue }
      estimates.append(
        Estimate(plugin: use.name, rows: rows, exactSeconds: seconds, memoryBytes: 8 * Double(rows) * Double(rows), exactRequested: false))
    }
    return (adjusted, estimates)
  }

  /// Pair-columns per second (pairs of rows compared × columns) of the silhouette's distance kernel on this machine.
  ///
  /// Times one exact silhouette of 1,200 seeded random rows; about ten
  /// milliseconds. Only printed estimates use it.
  public static func measuredRate(columns: Int) -> Double {
    let rows = 1200
    let d = max(columns, 1)
    var generator = SeededGenerator(seed: 1)
    let x = Matrix(rows: rows, columns: d, storage: (0..<(rows * d)).map { _ in generator.nextGaussian() })
    let labels = (0..<rows).map { $0 % 4 }
    let start = ContinuousClock.now
    _ = try? SilhouetteSamples.compute(x, labels: labels, context: FitContext(seed: 0))
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return Double(rows) * Double(rows) / 2 * Double(d) / max(seconds, 1e-6)
  }
}
