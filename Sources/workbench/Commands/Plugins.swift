import ArgumentParser
import Foundation
import WorkbenchKit

/// `workbench plugins [NAME]`, `workbench plugins check NAME`, `workbench plugins export`: what the registry holds.
struct Plugins: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List plugins, show one plugin's parameters, check an external plugin, or export the manifests.",
    subcommands: [List.self, Check.self, Export.self], defaultSubcommand: List.self)

  /// Lists every plugin, or shows one.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show", abstract: "List every plugin (external ones too), or show the parameters of NAME.", aliases: ["list"])

    @Argument(help: "A plugin name, e.g. kmeans.")
    var name: String?

    @OptionGroup var plugins: PluginOptions

    func run() throws {
      do {
        let registry = try plugins.registry()
        guard let name else { return print(PluginHelp.list(registry), terminator: "") }
        print(PluginHelp.show(try Plugins.named(name, in: registry)), terminator: "")
      } catch {
        throw CLIFailure.report(error)
      }
    }
  }

  /// Runs the common checks every built-in algorithm passes against one plugin.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run the common checks every built-in algorithm passes against an algorithm, external ones included.",
      discussion: """
        The plugin author's equivalent of scikit-learn's check_estimator: determinism for a seed, \
        the label contract, blob recovery, row order, too few rows, tiny inputs, duplicate points, \
        constant columns, translation, the parameter contract, idempotent fits and predict = fit. \
        Exit 0 when every check passes (or fails as the manifest's "checking" expects, with a reason), 1 otherwise.
        """)

    @Argument(help: "The algorithm's name, e.g. py-kmeans.")
    var name: String

    @OptionGroup var plugins: PluginOptions

    @OptionGroup var threads: JobsOption

    func run() throws {
      let report: PluginCheckReport
      do {
        let registry = try plugins.registry()
        guard let algorithm = try Plugins.named(name, in: registry) as? AlgorithmDescriptor else {
          throw SpecError(Location(), "'\(name)' is not an algorithm; the common checks are written for algorithms.", fix: "name an algorithm (see `workbench plugins`).")
        }
        report = threads.run { PluginCheckReport.run(algorithm) }
      } catch {
        throw CLIFailure.report(error)
      }
      print(report.text, terminator: "")
      if !report.passed { throw ExitCode(CLIFailure.trialsFailed) }
    }
  }

  /// Writes one manifest per plugin and the spec schema.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write plugins-registry/<name>.json for every built-in plugin, and the spec schema.")

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

  /// The plugin called `name`, or an error suggesting the nearest names.
  static func named(_ name: String, in registry: PluginRegistry) throws -> any PluginDescriptor {
    guard let plugin = registry.plugin(named: name) else {
      let all = registry.allPlugins.map(\.name)
      throw SpecError(Location(), "there is no plugin called '\(name)'.\(NameSuggestions.hint(for: name, in: all))", fix: "run `workbench plugins` to list them.")
    }
    return plugin
  }
}
