import ArgumentParser
import WorkbenchKit

/// `--plugins DIR`: folders of external plugin manifests, read besides `plugins-registry/external` and a spec's `plugins` key.
struct PluginOptions: ParsableArguments {
  @Option(
    name: .customLong("plugins"),
    help: ArgumentHelp("A folder of external plugin manifests (*.json); repeatable. plugins-registry/external is read when it exists.", valueName: "dir"))
  var folders: [String] = []

  /// The built-ins plus every external plugin of the default folder, `--plugins` and the `plugins` key of the spec at `spec`.
  func registry(spec: String? = nil) throws -> PluginRegistry {
    let named = try spec.map { try ExternalPlugins.folders(ofSpecAt: $0) } ?? []
    return try ExternalPlugins.registry(.builtIn, adding: ExternalPlugins.defaultFolders + folders + named)
  }

  /// The built-ins plus the external plugins the run in `runFolder` was given through its spec, the default folder and `--plugins`.
  func registry(run runFolder: String) throws -> PluginRegistry {
    let named = (try? ExternalPlugins.folders(ofRunAt: runFolder)) ?? []
    return try ExternalPlugins.registry(.builtIn, adding: ExternalPlugins.defaultFolders + folders + named)
  }
}
