import Foundation
import WorkbenchSpawn

/// Finds and loads external plugin manifests: the default folder, `--plugins` folders and a spec's `plugins` key.
///
/// Every `*.json` file directly in a folder is a manifest (sorted by file
/// name, so listing order never depends on the file system). Folders are
/// visited in the order given; the same folder given twice is read once.
/// Names must be unique across built-ins and every external plugin.
public enum ExternalPlugins {
  /// The folder read when it exists, relative to the current directory.
  public static let defaultFolder = "plugins-registry/external"

  /// `base` with the plugins of every manifest in `folders` appended; every problem in every manifest is reported at once.
  public static func registry(_ base: PluginRegistry, adding folders: [String]) throws(SpecError) -> PluginRegistry {
    var problems: [Problem] = []
    var manifests: [ExternalManifest] = []
    var seen: Set<String> = []
    for folder in folders {
      let path = URL(fileURLWithPath: folder).standardizedFileURL.path
      guard seen.insert(path).inserted else { continue }
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue,
        let names = try? FileManager.default.contentsOfDirectory(atPath: path)
      else {
        problems.append(Problem(Location(file: folder), "there is no plugin folder here.", fix: "give a folder holding plugin manifests (*.json)."))
        continue
      }
      for name in names.sorted() where name.hasSuffix(".json") {
        do {
          manifests.append(try ExternalManifest.read(path: URL(fileURLWithPath: path).appendingPathComponent(name).path))
        } catch {
          problems += error.problems
        }
      }
    }
    for manifest in manifests {
      let name = manifest.declaration.name
      problems += registryProblems(manifest)
      if let builtIn = base.plugin(named: name) {
        problems.append(Problem(Location(file: manifest.file, jsonPath: "name"), "the name '\(name)' is taken by \(builtIn.origin?.manifest ?? "a built-in plugin").", fix: "give the plugin a name of its own."))
      } else if let first = manifests.first(where: { $0.declaration.name == name }), first.file != manifest.file {
        problems.append(Problem(Location(file: manifest.file, jsonPath: "name"), "the name '\(name)' is taken by \(first.file).", fix: "give each plugin a name of its own."))
      }
    }
    guard problems.isEmpty else { throw SpecError(problems) }
    do {
      return try base.adding(registry(of: manifests))
    } catch {
      throw SpecError(error.problems.map { Problem(Location(file: folders.joined(separator: ", ")), $0 + ".") })
    }
  }

  /// The plugins of `manifests` as a registry of their own.
  private static func registry(of manifests: [ExternalManifest]) throws(RegistryError) -> PluginRegistry {
    try PluginRegistry(
      preprocessors: manifests.filter { $0.declaration.kind == .preprocessor }.map { PreprocessorDescriptor(external: $0) },
      algorithms: manifests.filter { $0.declaration.kind == .algorithm }.map { AlgorithmDescriptor(external: $0) },
      metrics: manifests.filter { $0.declaration.kind == .metric }.map { MetricDescriptor(external: $0) })
  }

  /// What the registry's own checks (kebab-case name, unique parameter names) find in one manifest, located in its file.
  private static func registryProblems(_ manifest: ExternalManifest) -> [Problem] {
    do {
      _ = try registry(of: [manifest])
      return []
    } catch {
      return error.problems.map { Problem(Location(file: manifest.file), $0 + ".", fix: "correct the manifest's name or parameters: a kebab-case name, distinct parameter names, numbers with both a minimum and a maximum in their schema, defaults within them.") }
    }
  }

  /// The folders a spec's `plugins` key names, resolved against `baseDirectory` (the spec's folder); `[]` without the key.
  ///
  /// The key is a list of folder paths, relative to the spec file or absolute.
  public static func folders(of spec: JSONValue, file: String, baseDirectory: String) throws(SpecError) -> [String] {
    guard let value = spec.object?["plugins"] else { return [] }
    let location = Location(file: file, jsonPath: "plugins")
    guard let items = value.array, items.allSatisfy({ $0.string?.isEmpty == false }) else {
      throw SpecError(location, "'plugins' must be a list of folders holding plugin manifests.", fix: "write e.g. [\"../plugins-registry/external\"] (relative to the spec file).")
    }
    return items.compactMap(\.string).map { $0.hasPrefix("/") ? $0 : URL(fileURLWithPath: baseDirectory).appendingPathComponent($0).standardizedFileURL.path }
  }

  /// The folders of the spec file at `path`'s `plugins` key (nothing when the file cannot be read: the reader reports that).
  public static func folders(ofSpecAt path: String) throws(SpecError) -> [String] {
    guard let bytes = FileManager.default.contents(atPath: path), let json = try? JSONParser.parse([UInt8](bytes)) else { return [] }
    return try folders(of: json, file: path, baseDirectory: URL(fileURLWithPath: path).deletingLastPathComponent().path)
  }

  /// The folders of the `plugins` key of the spec a run folder recorded, resolved where `verify` finds the spec.
  public static func folders(ofRunAt path: String) throws -> [String] {
    let folder = RunFolder(existing: path)
    let manifest = try RunManifest.read(folder)
    return try folders(of: manifest.spec, file: manifest.specFile, baseDirectory: manifest.resolvedSpecDirectory(runFolder: folder))
  }

  /// Whether this machine keeps plugins from writing outside their folder (Linux with Landlock, 5.13 or later).
  ///
  /// Elsewhere plugins still run in their own folder and can name output
  /// files only there, but the kernel does not stop a program that writes
  /// elsewhere on purpose.
  public static var confinesWrites: Bool { wb_confinement_available() != 0 }

  /// The default folder, when it exists in the current directory.
  public static var defaultFolders: [String] {
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: defaultFolder, isDirectory: &isFolder) && isFolder.boolValue ? [defaultFolder] : []
  }
}
