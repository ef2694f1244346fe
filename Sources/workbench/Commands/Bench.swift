import ArgumentParser
import Foundation
import WorkbenchBench
import WorkbenchKit
import WorkbenchNumerics

/// `workbench bench`: time the workloads, optionally against scikit-learn, beside the machine's limits.
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Benchmark the workbench on generated data, optionally against the scikit-learn baseline.",
    discussion: """
      Build in release mode first: `swift run -c release workbench bench`. Workloads: \
      csv-load (L), kmeans (L), gmm (M), silhouette (M, 50,000 rows), grid (S), and one per other \
      registered algorithm (a fit, k = 8) and metric (a score of a k = 8 clustering) by its plugin name, \
      on the S rows; dbscan (M), hdbscan (M) and optics (S) run on the first 100,000 rows and 8 columns, \
      standardised, with their own settings. Each runs in a fresh child process so its peak memory is its own. --compare runs experiments/benchmarks/sklearn_baseline.py \
      alternately with the workbench (A B A B) and reports ours/theirs pair by pair.
      """)

  @Option(help: ArgumentHelp("Workloads, comma-separated or repeated (default: all).", valueName: "name"))
  var workload: [String] = []

  @Option(help: "Run every workload at this size: S, M or L (default: each workload's own size; S with --quick).")
  var size: BenchSize?

  @Option(help: "Timed repetitions per workload (pairs with --compare).")
  var repetitions = 5

  @Option(help: "Untimed runs before the timed ones, in each child process (default 1; 0 with --quick).")
  var warmUps: Int?

  @Flag(help: "One timed repetition, no warm-up, S size, 2 grid resamples, a smaller bandwidth test: seconds in a release build.")
  var quick = false

  @Flag(help: "Run the scikit-learn baseline alternately with the workbench and report ratios.")
  var compare = false

  @Option(help: "The cache folder for generated data.")
  var cache = ".bench-cache"

  @Option(help: "The Python interpreter for --compare (default: python3 on PATH).")
  var python: String?

  @Option(help: "The baseline script for --compare.")
  var baseline = "experiments/benchmarks/sklearn_baseline.py"

  @Flag(help: "Print the report as JSON.")
  var json = false

  @Flag(help: .hidden)
  var child = false

  var workloads: [BenchWorkload] {
    get throws {
      let names = workload.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
      let known = BenchWorkload.all(in: .builtIn)
      return try names.isEmpty ? known : names.map { name in
        guard known.contains(BenchWorkload(name: name)) else {
          throw ValidationError("unknown workload '\(name)'; use one of: \(known.map(\.name).joined(separator: ", ")).")
        }
        return BenchWorkload(name: name)
      }
    }
  }

  func validate() throws {
    guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1; got \(repetitions).") }
    guard (warmUps ?? 0) >= 0 else { throw ValidationError("--warm-ups cannot be negative.") }
    if child { guard try workloads.count == 1, size != nil else { throw ValidationError("--child needs one --workload and a --size.") } }
    _ = try workloads
  }

  func run() throws {
    do {
      if child { return try runChild() }
      #if DEBUG
        CLIFailure.printError("warning: this is a debug build; timings are not representative. Use `swift run -c release workbench bench`.")
      #endif
      let plan = BenchPlan(
        workloads: try workloads, size: size ?? (quick ? .small : nil), repetitions: quick ? 1 : repetitions, warmUps: warmUps ?? (quick ? 0 : 1),
        compare: compare, limitBytes: quick ? 1 << 27 : 1 << 30, gridResamples: quick ? 2 : BenchWorkload.gridResamples)
      let orchestrator = BenchOrchestrator(
        executable: Bundle.main.executablePath ?? CommandLine.arguments[0], cache: BenchCache(directory: cache), python: python,
        baselineScript: baseline)
      let report = try orchestrator.run(plan) { CLIFailure.printError($0) }
      print(json ? try BenchJSON.text(report) : report.markdown(), terminator: "")
    } catch let exit as ExitCode {
      throw exit
    } catch {
      throw CLIFailure.report(error)
    }
  }

  /// The child: one workload in this process (on one thread per core), its measurement as JSON on standard output.
  func runChild() throws {
    let files = try BenchCache(directory: cache).files(for: size!)
    let measurement = try Executor.run(threads: ProcessInfo.processInfo.activeProcessorCount) {
      try BenchWorkloadRunner(registry: .builtIn, files: files).measure(try workloads[0], repetitions: repetitions, warmUps: warmUps ?? 1)
    }
    print(try BenchJSON.text(measurement), terminator: "")
  }
}

extension BenchSize: ExpressibleByArgument {}
