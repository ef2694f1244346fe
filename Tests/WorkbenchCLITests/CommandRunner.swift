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

  /// Runs `workbench arguments…` (the built one, or `executable`) in `directory`, with `environment` added to this process's.
  ///
  /// With `unprivileged`, a root test process runs the binary as `nobody` (through util-linux's `setpriv`), so
  /// file permissions apply to it as they would to a user: root writes into read-only folders.
  static func run(
    _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], unprivileged: Bool = false, executable: URL? = nil
  ) throws -> Output {
    let process = Process()
    let program = executable ?? binary
    if unprivileged && getuid() == 0 {
      process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
      process.arguments = ["--reuid", "65534", "--regid", "65534", "--clear-groups", program.path] + arguments
    } else {
      process.executableURL = program
      process.arguments = arguments
    }
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
