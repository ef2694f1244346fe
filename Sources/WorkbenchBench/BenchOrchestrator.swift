import WorkbenchKit
import Foundation

/// Runs a ``BenchPlan``: prepares the data, runs each workload in fresh child processes, and assembles the report.
///
/// Every measurement comes from a child process that ran one workload only,
/// so its peak memory (`VmHWM`, a process-wide high-water mark) belongs to
/// that workload. With `compare`, the workbench child and the scikit-learn
/// child alternate (A B A B …), one timed repetition each, so slow drifts of
/// a shared machine hit both sides alike and ratios are taken pair by pair.
public struct BenchOrchestrator: Sendable {
  /// The `workbench` binary to start children from.
  public var executable: String
  /// The data cache.
  public var cache: BenchCache
  /// The Python interpreter; `nil` finds `python3` on `PATH`.
  public var python: String?
  /// `experiments/benchmarks/sklearn_baseline.py`.
  public var baselineScript: String

  public init(executable: String, cache: BenchCache, python: String?, baselineScript: String) {
    self.executable = executable
    self.cache = cache
    self.python = python
    self.baselineScript = baselineScript
  }

  /// The command that installs the baseline's pinned packages.
  public static let installHint = "python3 -m pip install -r experiments/benchmarks/requirements.txt"

  /// Environment variables removed for the baseline (they pin OpenBLAS to a kernel other than the machine's own).
  public static let removedBaselineVariables = ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"]

  /// Runs `plan`, reporting progress lines through `progress`.
  public func run(_ plan: BenchPlan, progress: @Sendable (String) -> Void) throws -> BenchReport {
    let interpreter = plan.compare ? try checkBaseline() : nil
    var files: [BenchSize: BenchFiles] = [:]
    for size in plan.sizes {
      progress("preparing \(size.rawValue) data (\(size.rows) × \(size.columns)) in \(cache.directory)")
      let prepared = try cache.prepare(size, gridResamples: plan.gridResamples)
      if !prepared.generated.isEmpty { progress("generated \(prepared.generated.joined(separator: ", "))") }
      files[size] = prepared.files
    }
    var limits: MachineLimits?
    if plan.limitBytes > 0 {
      progress("measuring memory bandwidth and distance FLOP/s")
      limits = MachineLimits.measure(bytes: plan.limitBytes)
    }
    var rows: [BenchRow] = []
    for workload in plan.workloads {
      let size = plan.size(of: workload)
      var ours: [BenchMeasurement] = []
      var theirs: [BenchMeasurement] = []
      if let interpreter {
        for pair in 1...plan.repetitions {
          progress("\(workload.name) \(size.rawValue): pair \(pair)/\(plan.repetitions), workbench")
          ours.append(try runOurs(workload, size, repetitions: 1, warmUps: plan.warmUps))
          progress("\(workload.name) \(size.rawValue): pair \(pair)/\(plan.repetitions), scikit-learn")
          theirs.append(try runTheirs(interpreter, workload, size, repetitions: 1, warmUps: plan.warmUps))
          if ours.last?.skipped != nil { break }
          if theirs.last?.skipped != nil {
            // No baseline to pair with: the workbench's remaining repetitions run on their own.
            if pair < plan.repetitions {
              progress("\(workload.name) \(size.rawValue): \(plan.repetitions - pair) more, workbench (no baseline)")
              ours.append(try runOurs(workload, size, repetitions: plan.repetitions - pair, warmUps: plan.warmUps))
            }
            break
          }
        }
      } else {
        progress("\(workload.name) \(size.rawValue): \(plan.warmUps) warm-up + \(plan.repetitions) timed")
        ours.append(try runOurs(workload, size, repetitions: plan.repetitions, warmUps: plan.warmUps))
      }
      let attributes = try? FileManager.default.attributesOfItem(atPath: files[size]!.data)
      rows.append(BenchRow(ours: Self.merge(ours)!, theirs: Self.merge(theirs), limits: limits, fileBytes: (attributes?[.size] as? Int) ?? 0))
    }
    return BenchReport(limits: limits, rows: rows)
  }

  /// Several children's measurements of one workload as one: repetitions concatenated in order, the largest peak.
  public static func merge(_ parts: [BenchMeasurement]) -> BenchMeasurement? {
    guard var merged = parts.first else { return nil }
    for part in parts.dropFirst() {
      merged.seconds += part.seconds
      if let more = part.iterations { merged.iterations = (merged.iterations ?? []) + more }
      merged.peakRSSBytes = [merged.peakRSSBytes, part.peakRSSBytes].compactMap { $0 }.max()
      merged.skipped = merged.skipped ?? part.skipped
      for note in part.notes where !merged.notes.contains(note) { merged.notes.append(note) }
    }
    return merged
  }

  /// One workbench child: `workbench bench --child --workload W --size S …`.
  func runOurs(_ workload: BenchWorkload, _ size: BenchSize, repetitions: Int, warmUps: Int) throws -> BenchMeasurement {
    let arguments = [
      "bench", "--child", "--workload", workload.name, "--size", size.rawValue, "--cache", cache.directory,
      "--repetitions", String(repetitions), "--warm-ups", String(warmUps),
    ]
    return try measurement(executable, arguments, environment: nil, what: "the workbench child for \(workload.name)")
  }

  /// One baseline child, with the OpenBLAS overrides removed from its environment only.
  func runTheirs(_ interpreter: String, _ workload: BenchWorkload, _ size: BenchSize, repetitions: Int, warmUps: Int) throws -> BenchMeasurement {
    let arguments = [
      baselineScript, "--manifest", cache.manifestPath(for: size), "--workload", workload.name, "--repetitions", String(repetitions),
      "--warm-ups", String(warmUps),
    ]
    var environment = ProcessInfo.processInfo.environment
    for name in Self.removedBaselineVariables { environment.removeValue(forKey: name) }
    return try measurement(interpreter, arguments, environment: environment, what: "the scikit-learn baseline for \(workload.name)")
  }

  func measurement(_ program: String, _ arguments: [String], environment: [String: String]?, what: String) throws -> BenchMeasurement {
    let output = try ChildProcess.run(program, arguments, environment: environment)
    guard output.status == 0 else {
      throw BenchError(
        "\(what) failed (exit \(output.status)): \(output.stderr.suffix(1_500))",
        fix: "run it by hand to see the whole error: \(([program] + arguments).joined(separator: " "))")
    }
    return try BenchMeasurement.parse(childOutput: output.stdout, source: what)
  }

  /// The interpreter to run the baseline with, after checking it has the baseline's packages.
  func checkBaseline() throws -> String {
    guard let interpreter = python ?? ChildProcess.find("python3") else {
      throw BenchError("--compare needs python3, and none is on PATH.", fix: "install Python 3, or pass --python /path/to/python3.")
    }
    guard FileManager.default.fileExists(atPath: baselineScript) else {
      throw BenchError("the baseline script \(baselineScript) does not exist.", fix: "run from the repository root, or pass --baseline PATH.")
    }
    let probe = try ChildProcess.run(interpreter, ["-c", "import sklearn, pandas, threadpoolctl, joblib, numpy, scipy"])
    guard probe.status == 0 else {
      throw BenchError(
        "scikit-learn or another baseline package is missing for \(interpreter): \(probe.stderr.split(separator: "\n").last ?? "")",
        fix: "install the pinned versions: \(Self.installHint)")
    }
    return interpreter
  }
}
