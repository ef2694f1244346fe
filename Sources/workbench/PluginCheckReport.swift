import WorkbenchKit
import WorkbenchTestSupport

/// The outcome of the common checks on one algorithm, as `workbench plugins check` prints it.
struct PluginCheckReport {
  /// One line per check: its name, whether it passed, and the problems found.
  struct Line {
    var check: AlgorithmCheck
    var problems: [String]
    /// The reason the plugin declares for expecting this check to fail.
    var expected: String?
    /// Passed, or failed as declared.
    var ok: Bool { expected == nil ? problems.isEmpty : !problems.isEmpty }
  }

  var plugin: String
  var lines: [Line]
  /// Problems with the declared checking tuning itself.
  var tuning: [String]

  /// Runs every check on `algorithm`.
  static func run(_ algorithm: AlgorithmDescriptor) -> PluginCheckReport {
    PluginCheckReport(
      plugin: algorithm.name,
      lines: AlgorithmCheck.allCases.map { check in
        Line(check: check, problems: CommonChecks.run(check, on: algorithm), expected: CommonChecks.expectedFailure(check, of: algorithm))
      },
      tuning: CommonChecks.tuningProblems(of: algorithm))
  }

  var passed: Bool { tuning.isEmpty && lines.allSatisfy(\.ok) }

  var text: String {
    var out = "Common checks of \(plugin):\n"
    for line in lines {
      let mark = line.ok ? "pass" : "FAIL"
      var detail = ""
      if let reason = line.expected { detail = line.problems.isEmpty ? " (declared as failing: \(reason); but it passes)" : " (fails as declared: \(reason))" }
      out += "  \(mark)  \(line.check.rawValue)\(detail)\n"
      if !line.ok { for problem in line.problems { out += "        - \(problem)\n" } }
    }
    for problem in tuning { out += "  FAIL  checking: \(problem)\n" }
    let failed = lines.filter { !$0.ok }.count + tuning.count
    return out + (failed == 0 ? "All \(lines.count) checks pass.\n" : "\(failed) of \(lines.count) checks fail.\n")
  }
}
