import Foundation

/// Runs the built `workbench` binary and captures what it prints.
struct CommandRunner {
  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The binary next to the test bundle (swift test builds it first).
  static var binary: URL {
    var directory = Bundle.main.bundleURL
    while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("workbench").path), directory.path != "/" {
      directory.deleteLastPathComponent()
    }
    return directory.appendingPathComponent("workbench")
  }

  /// Runs `workbench arguments…` in `directory`, with `environment` added to this process's.
  static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Output {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new } }
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
  }
}
