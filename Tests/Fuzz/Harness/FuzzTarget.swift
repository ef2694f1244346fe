import Foundation
import WorkbenchKit

/// libFuzzer's driver (`-sanitize=fuzzer` links it): parses the fuzzer flags from `argv` and calls `callback` once per input.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// `workbench-fuzz`: hands every input libFuzzer makes to the reader `WORKBENCH_FUZZ_TARGET` names.
///
/// Built only by `Tests/Fuzz/run.sh` (the package adds this target when
/// `WORKBENCH_FUZZ` is set), with `-sanitize=fuzzer,address`. SwiftPM gives
/// an executable its own entry point, so this one starts libFuzzer's
/// driver instead of relying on libFuzzer's `main`. A reader may reject its
/// input with an error; anything else (a trap, a sanitizer report, a broken
/// invariant checked here) is a crash libFuzzer keeps.
@main
enum FuzzMain {
  static func main() {
    _ = FuzzTarget.selected
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(runFuzzerDriver(&argc, &argv) { data, size in
      let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
      switch FuzzTarget.selected {
      case .json: FuzzTarget.json(bytes)
      case .spec: FuzzTarget.spec(bytes)
      case .csv: FuzzTarget.csv(bytes)
      case .derive: FuzzTarget.derive(bytes)
      }
      return 0
    })
  }
}

/// The four readers under test, and what each checks beyond "no crash".
enum FuzzTarget: String, CaseIterable {
  case json, spec, csv, derive

  /// The target named by `WORKBENCH_FUZZ_TARGET`; an unknown name stops the fuzzer at once, listing the names.
  static let selected: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["WORKBENCH_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
      fatalError("set WORKBENCH_FUZZ_TARGET to one of: \(allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return target
  }()

  /// The JSON reader: a document that parses prints canonically and parses back to the same value, with no non-finite number.
  static func json(_ bytes: [UInt8]) {
    guard let value = try? JSONParser.parse(bytes) else { return }
    precondition(value.firstNonFinitePath() == nil, "the parser produced a non-finite number")
    guard let again = try? JSONParser.parse(value.canonicalText), again == value else {
      preconditionFailure("canonical text does not parse back to the same value")
    }
  }

  /// The spec reader: parse, read and validate a spec (reading ends by expanding its grid); an accepted spec names
  /// at least one algorithm and one metric to rank by, each known to the registry.
  static func spec(_ bytes: [UInt8]) {
    guard let json = try? JSONParser.parse(bytes) else { return }
    guard let experiment = try? ExperimentReader(registry: .builtIn).read(json, file: "fuzz.json", baseDirectory: "/nonexistent") else { return }
    precondition(!experiment.algorithms.isEmpty, "an accepted spec has no algorithm")
    precondition(experiment.algorithms.allSatisfy { PluginRegistry.builtIn.algorithm(named: $0.name) != nil }, "an unknown algorithm was accepted")
    precondition(experiment.metrics.contains { $0.name == experiment.ranking.metric }, "the ranking metric is not computed")
  }

  /// The CSV reader: read a table (ids kept as text), then turn it into an algorithm's input and check what reaches it.
  static func csv(_ bytes: [UInt8]) {
    guard let table = try? CSVReader(textColumns: ["id"]).read(bytes: bytes, sourceName: "fuzz.csv") else { return }
    precondition(table.columns.allSatisfy { $0.count == table.rowCount }, "columns of unequal length")
    guard let input = try? table.selecting(columns: table.columnNames.filter { $0 != "id" }).clusteringInput() else { return }
    precondition(input.numeric.storage.allSatisfy(\.isFinite), "a non-finite number reached the clustering input")
  }

  /// The derive expression parser: parse one expression, then evaluate it on a small table; no derived cell is infinite.
  static func derive(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    guard case .success(let parameters) = Parameters.resolve(["columns": ["out": .string(text)]], for: Derive.self, at: Location()),
      let step = try? Derive(validated: parameters)
    else { return }
    let table = DataTable(columns: [
      .numeric("a", [1, -2, 0, .nan, 1e308, -1e-308]), .numeric("b", [0, 3, -1, 2, 1e308, .leastNonzeroMagnitude]),
      .numeric("unit price", [2, 0, .nan, 4, -1e308, 1]), .categorical("c", ["x", "y", nil, "x", "y", "x"]),
    ])
    guard let fitted = try? step.fit(table, context: FitContext(seed: 0)), let out = try? fitted.transform(table) else { return }
    precondition(out.column(named: "out")?.numbers?.allSatisfy { !$0.isInfinite } ?? true, "derive produced an infinite cell")
  }
}
