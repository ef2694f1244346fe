import ArgumentParser
import WorkbenchKit

/// `workbench schema`: the JSON Schema of experiment specs, generated from the plugin declarations.
struct Schema: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the JSON Schema of experiment specs.",
    discussion: "Specs may name it in \"$schema\". plugins-registry/experiment.schema.json holds the built-in plugins' schema; this one adds the external plugins found.")

  @OptionGroup var plugins: PluginOptions

  func run() throws {
    let registry: PluginRegistry
    do {
      registry = try plugins.registry()
    } catch {
      throw CLIFailure.report(error)
    }
    print(ExperimentSchema.make(registry).prettyText, terminator: "")
  }
}
