import Foundation
import WorkbenchKit

/// A temporary folder for one command-line test: files written into it, `workbench` run inside it, removed afterwards.
final class Workspace {
  /// The folder.
  let url: URL

  /// A new empty folder holding `files` (name → text).
  init(_ files: [String: String] = [:]) throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    for (name, text) in files { try write(text, to: name) }
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// The absolute path of `name` inside the folder.
  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  func write(_ text: String, to name: String) throws {
    try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
  }

  func read(_ name: String) throws -> String { try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8) }

  func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

  /// Runs `workbench arguments…` in the folder.
  func run(_ arguments: String...) throws -> CommandRunner.Output { try CommandRunner.run(arguments, in: url) }

  /// The one run folder under `results/<experiment>/`, relative to the workspace.
  func runFolder(_ experiment: String) throws -> String {
    let keys = try runKeys(experiment)
    guard keys.count == 1 else { throw WorkspaceError("results/\(experiment) holds \(keys.count) runs: \(keys)") }
    return "results/\(experiment)/\(keys[0])"
  }

  /// The run keys under `results/<experiment>/`, sorted.
  func runKeys(_ experiment: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path("results/\(experiment)")).sorted()
  }

  /// A trial's labels file (`id,label[,excluded_by]`), relative to the workspace: the one place that knows the results layout.
  func labelsFile(_ runFolder: String, _ configHash: String) -> String { "\(runFolder)/trials/\(configHash)/labels.csv" }

  /// A trial's memberships file (`id,p0,p1,…`), relative to the workspace.
  func membershipsFile(_ runFolder: String, _ configHash: String) -> String { "\(runFolder)/trials/\(configHash)/memberships.csv" }

  /// Config hashes in a run's trials.jsonl, in trial order.
  func configHashes(_ runFolder: String) throws -> [String] {
    try read(runFolder + "/trials.jsonl").split(separator: "\n").map { line in
      guard let hash = try JSONParser.parse(String(line)).object?["config_hash"]?.string else { throw WorkspaceError("a trial record without config_hash") }
      return hash
    }
  }

  /// The rows of a CSV file the workbench wrote (no quoted fields), header first.
  func csvRows(_ name: String) throws -> [[String]] { Self.csvRows(try read(name)) }

  /// The rows of CSV text without quoted fields, header first.
  static func csvRows(_ text: String) -> [[String]] {
    text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
  }
}

/// A workspace that does not hold what a test expected.
struct WorkspaceError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
