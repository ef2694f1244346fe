import ArgumentParser
import Foundation
import WorkbenchKit

/// The one place that turns errors into a message on standard error and an exit code.
enum CLIFailure {
  /// Some trials failed, or results could not be written.
  static let trialsFailed: Int32 = 1
  /// Bad spec or usage.
  static let usage: Int32 = 2
  /// Bad data.
  static let data: Int32 = 3
  /// A quality gate failed: `verify` found a re-run that differs from the recorded run.
  static let gate: Int32 = 4

  /// Prints `error` once, located, and returns the `ExitCode` to throw.
  static func report(_ error: any Error) -> ExitCode {
    let code: Int32
    let message: String
    switch error {
    case let error as any WorkbenchError:
      message = error.description
      code =
        switch error.kind {
        case .usage: usage
        case .data: data
        case .gate: gate
        case .results: trialsFailed
        }
    default:
      message = String(describing: error)
      code = trialsFailed
    }
    printError("error: " + message)
    return ExitCode(code)
  }

  /// Writes a line to standard error.
  static func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}
