import Foundation
import Testing
import WorkbenchKit

/// External manifests: the shipped examples read back in exactly the exported form, problems are located, fingerprints move config hashes.
@Suite("external plugin manifests")
struct ExternalManifestTests {
  /// The repository's plugins-registry/external folder.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("plugins-registry/external")

  @Test("the shipped example manifests load beside the built-ins, their parameters written exactly as the exported manifests write them")
  func examples() throws {
    let registry = try ExternalPlugins.registry(.builtIn, adding: [Self.folder.path])
    #expect(registry.algorithms.filter { $0.origin != nil }.map(\.name) == ["kmedians", "py-kmeans", "sklearn"])
    for name in ["kmedians", "py-kmeans", "sklearn"] {
      let text = try String(contentsOf: Self.folder.appendingPathComponent("\(name).json"), encoding: .utf8)
      let declared = try JSONParser.parse(text).object?["parameters"]
      let exported = PluginManifest.make(try #require(registry.algorithm(named: name))).object?["parameters"]
      #expect(declared == exported, "\(name)")
    }
    let sklearn = try #require(registry.algorithm(named: "sklearn"))
    #expect(sklearn.parameters.map(\.kind) == [.text, .integer(minimum: 0, maximum: 10_000), .object])
    #expect(sklearn.capabilities.producesNoise && !sklearn.capabilities.canPredict)
  }

  @Test("every problem of a manifest is reported at its JSON path")
  func problems() throws {
    let plugin = try ScriptPlugin(script: "exit 0")
    let path = plugin.folder.appendingPathComponent("script-plugin.json").path
    try #"{"manifest_version": 2, "name": "Bad Name", "kind": "algorithm", "summary": "x", "parameters": [], "capabilities": {}, "command": "run.sh", "protocol_version": 2, "timeout_seconds": 0, "input_format": "xml", "shell": true}"#
      .write(toFile: path, atomically: true, encoding: .utf8)
    #expect(throws: SpecError.self) { try ExternalManifest.read(path: path) }
    do {
      _ = try ExternalManifest.read(path: path)
    } catch {
      let paths = error.problems.compactMap(\.location.jsonPath)
      for expected in ["capabilities.uses_randomness", "shell", "command", "protocol_version", "timeout_seconds", "input_format"] {
        #expect(paths.contains(expected), "\(expected) in \(paths)")
      }
    }
    #expect(throws: SpecError.self) { try ExternalPlugins.registry(.builtIn, adding: [plugin.folder.path]) }
  }

  @Test("a name taken by a built-in is refused")
  func nameTaken() throws {
    let plugin = try ScriptPlugin(name: "kmeans", script: "exit 0")
    #expect(throws: SpecError.self) { try ExternalPlugins.registry(.builtIn, adding: [plugin.folder.path]) }
  }

  @Test("changing the script changes the fingerprint and so the config hash of trials using it")
  func fingerprint() throws {
    let plugin = try ScriptPlugin(script: "echo one")
    let spec: JSONValue = try JSONParser.parse(
      #"{"name": "f", "data": {"path": "d.csv"}, "algorithms": [{"use": "script-plugin", "params": {"k": 3}}]}"#)
    func hash() throws -> String {
      let registry = try ExternalPlugins.registry(.builtIn, adding: [plugin.folder.path])
      let plan = try ExperimentReader(registry: registry).plan(spec, file: "f.json", baseDirectory: plugin.folder.path)
      #expect(plan.trials[0].configuration.object?["algorithm"]?.object?["plugin_sha256"]?.string == registry.algorithm(named: "script-plugin")?.origin?.fingerprint)
      return plan.trials[0].configHash
    }
    let before = try hash()
    #expect(try hash() == before)
    try "#!/bin/sh\necho two\n".write(to: plugin.folder.appendingPathComponent("script-plugin.sh"), atomically: true, encoding: .utf8)
    #expect(try hash() != before)
  }

  @Test("a spec's plugins key resolves against the spec's folder; a malformed one is located")
  func specKey() throws {
    let spec = try JSONParser.parse(#"{"plugins": ["plugins", "/abs/other"]}"#)
    #expect(try ExternalPlugins.folders(of: spec, file: "s.json", baseDirectory: "/work/x") == ["/work/x/plugins", "/abs/other"])
    #expect(throws: SpecError(Location(file: "s.json", jsonPath: "plugins"), "'plugins' must be a list of folders holding plugin manifests.", fix: "write e.g. [\"../plugins-registry/external\"] (relative to the spec file).")) {
      try ExternalPlugins.folders(of: try JSONParser.parse(#"{"plugins": "plugins"}"#), file: "s.json", baseDirectory: "/")
    }
  }
}
