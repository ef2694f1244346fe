import Foundation
import Testing
import WorkbenchKit

/// `workbench schema` and `workbench plugins export` through the built binary, against the committed copies.
@Suite("workbench schema and plugins export")
struct SchemaAndExportCommandTests {
  /// The repository's plugins-registry folder.
  static let registry = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("plugins-registry")

  @Test("schema prints the committed experiment.schema.json (where no external plugins are found): JSON naming every built-in algorithm")
  func schema() throws {
    let output = try Workspace().run("schema")
    #expect(output.status == 0 && output.stderr.isEmpty)
    #expect(output.stdout == (try String(contentsOf: Self.registry.appendingPathComponent("experiment.schema.json"), encoding: .utf8)))
    let schema = try JSONParser.parse(output.stdout)
    #expect(schema.object?["properties"]?.object?["algorithms"] != nil)
    for name in PluginRegistry.builtIn.algorithms.map({ $0.name }) {
      #expect(output.stdout.contains("\"\(name)\""), "\(name)")
    }
  }

  @Test("plugins export writes one manifest per plugin and the schema, identical to the committed plugins-registry")
  func export() throws {
    let ws = try Workspace()
    let output = try ws.run("plugins", "export", "--directory", "out")
    #expect(output.status == 0, "\(output.stderr)")
    let committed = try FileManager.default.contentsOfDirectory(atPath: Self.registry.path).filter { $0.hasSuffix(".json") }.sorted()
    let written = try FileManager.default.contentsOfDirectory(atPath: ws.path("out")).sorted()
    #expect(output.stdout == "wrote \(written.count) files to out/\n")
    #expect(written == committed)
    #expect(written.count == PluginRegistry.builtIn.allPlugins.count + 1)
    for name in written {
      #expect(try ws.read("out/" + name) == (try String(contentsOf: Self.registry.appendingPathComponent(name), encoding: .utf8)), "\(name)")
    }
  }

  @Test("plugins export into a folder that cannot be created is exit 1")
  func exportUnwritable() throws {
    let ws = try Workspace(["blocker": "a file\n"])
    let output = try ws.run("plugins", "export", "--directory", "blocker/out")
    #expect(output.status == 1)
    #expect(output.stderr.hasPrefix("error: "), "\(output.stderr)")
  }
}
