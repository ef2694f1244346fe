import ArgumentParser
import Foundation
import WorkbenchKit

/// `workbench plugins [NAME]`, `workbench plugins export`: what the registry holds.
struct Plugins: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List plugins, show one plugin's parameters, or export the manifests.",
    subcommands: [List.self, Export.self], defaultSubcommand: List.self)

  /// Lists every plugin, or shows one.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show", abstract: "List every plugin, or show the parameters of NAME.", aliases: ["list"])

    @Argument(help: "A plugin name, e.g. kmeans.")
    var name: String?

    func run() throws {
      let registry = PluginRegistry.builtIn
      guard let name else { return print(PluginHelp.list(registry), terminator: "") }
      guard let plugin = registry.plugin(named: name) else {
        let all = registry.allPlugins.map(\.name)
        throw CLIFailure.report(
          SpecError(Location(), "there is no plugin called '\(name)'.\(NameSuggestions.hint(for: name, in: all))", fix: "run `workbench plugins` to list them."))
      }
      print(PluginHelp.show(plugin), terminator: "")
    }
  }

  /// Writes one manifest per plugin and the spec schema.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write plugins-registry/<name>.json for every plugin, and the spec schema.")

    @Option(help: "Folder to write into.")
    var directory = "plugins-registry"

    func run() throws {
      do {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let files = PluginManifest.files(of: .builtIn)
        for file in files {
          try AtomicFile.write(file.text, to: URL(fileURLWithPath: directory).appendingPathComponent(file.name).path)
        }
        print("wrote \(files.count) files to \(directory)/")
      } catch {
        throw CLIFailure.report(error)
      }
    }
  }
}
