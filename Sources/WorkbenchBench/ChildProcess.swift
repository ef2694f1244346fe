import WorkbenchKit
import Foundation

/// Runs a program to completion and captures its output (standard error through a file, so neither pipe can fill up).
struct ChildProcess {
  /// Exit status and captured output.
  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs `executable` with `arguments` in `environment` (the current one when `nil`).
  static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    let errorFile = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("workbench-bench-\(UUID().uuidString).stderr")
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errorFile) }
    let out = Pipe()
    process.standardOutput = out
    process.standardError = try FileHandle(forWritingTo: errorFile)
    do {
      try process.run()
    } catch {
      throw BenchError("cannot start \(executable): \(error.localizedDescription)", fix: "check the path and that it is executable.")
    }
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let stderr = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
    return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: stderr)
  }

  /// The first executable called `name` on `PATH`.
  static func find(_ name: String) -> String? { ExternalCommand.onPath(name) }
}
