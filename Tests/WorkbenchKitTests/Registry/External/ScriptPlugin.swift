import Foundation
import WorkbenchKit

/// A throwaway external plugin for tests: a `/bin/sh` script and its manifest in a temporary folder.
///
/// The scripts misbehave on purpose (crash, hang, lie, print garbage, write
/// where they must not); none needs Python. The folder is removed afterwards.
final class ScriptPlugin {
  /// The folder holding the manifest and the script.
  let folder: URL

  /// A plugin called `name` whose program is the shell `script` (after `#!/bin/sh`), with `timeout` seconds per request.
  init(
    name: String = "script-plugin", script: String, timeout: Double = 60, noise: Bool = false, canPredict: Bool = false, kind: String = "algorithm",
    extra: String = ""
  ) throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-script-plugin-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let program = folder.appendingPathComponent("\(name).sh")
    try ("#!/bin/sh\n" + script + "\n").write(to: program, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program.path)
    let role =
      switch kind {
      case "metric": #""direction": "higher-is-better""#
      case "preprocessor": #""categorical_effect": "keeps""#
      default:
        #""capabilities": {"accepts_categorical": false, "can_predict": \#(canPredict), "order_invariant": false, "produces_noise": \#(noise), "requires_categorical": false, "requires_cluster_count": true, "scales_quadratically": false, "uses_randomness": true}"#
      }
    let parameters = kind == "algorithm" ? #"[{"name": "k", "schema": {"type": "integer", "minimum": 1, "maximum": 10000}, "default": 2, "description": "Clusters."}]"# : "[]"
    let manifest = """
      {"manifest_version": 2, "name": "\(name)", "kind": "\(kind)", "summary": "A test plugin.", "parameters": \(parameters), \(role),
       "command": ["./\(name).sh"], "protocol_version": 1, "timeout_seconds": \(timeout)\(extra)}
      """
    try manifest.write(to: folder.appendingPathComponent("\(name).json"), atomically: true, encoding: .utf8)
  }

  deinit { try? FileManager.default.removeItem(at: folder) }

  /// The manifest, read.
  var manifest: ExternalManifest {
    get throws {
      let file = try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".json") }!
      return try ExternalManifest.read(path: folder.appendingPathComponent(file).path)
    }
  }

  /// The plugin as an algorithm descriptor.
  var algorithm: AlgorithmDescriptor { get throws { AlgorithmDescriptor(external: try manifest) } }
}
