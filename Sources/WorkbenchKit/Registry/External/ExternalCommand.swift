import Foundation

/// An external plugin's program and arguments, resolved from its manifest's `command`.
///
/// Never run through a shell: the vector is handed to the operating system
/// as it is. The program is a path relative to the manifest's folder when
/// it contains a `/` (absolute when it starts with one), or a name found on `PATH` (an interpreter such as
/// `python3`); arguments starting with `./` or `../` become absolute paths
/// relative to the manifest's folder, since the program runs in a private
/// working folder of its own.
public struct ExternalCommand: Sendable, Equatable {
  /// The program as the manifest names it.
  public var program: String
  /// The program's absolute path; `nil` when it cannot be found (the plugin is listed but cannot run).
  public var executable: String?
  /// argv[1…], with manifest-relative paths made absolute.
  public var arguments: [String]
  /// The plugin's own files, absolute: the program when given as a path, every path argument and the manifest's `files`.
  /// Their SHA-256 enter the fingerprint, so a changed script or binary changes every config hash that uses it.
  public var files: [String]

  /// Why the program cannot run, or `nil` when it can.
  public var unavailableReason: String? {
    if executable == nil { return "its program '\(program)' is not on PATH" }
    for file in files where !FileManager.default.fileExists(atPath: file) { return "its file \(file) does not exist" }
    return nil
  }

  /// Reads a manifest's `command` and `files` (at `location`, the manifest's root), resolving against `manifestFolder`.
  static func read(_ value: JSONValue?, files: JSONValue?, manifestFolder: String, at location: Location, problems: inout [Problem]) -> ExternalCommand? {
    let extra = files?.array?.compactMap(\.string) ?? []
    if let files, files.array?.count != extra.count {
      problems.append(Problem(location.appending("files"), "'files' must be a list of paths relative to the manifest.", fix: "write e.g. [\"./python/helpers.py\"]."))
    }
    guard let items = value?.array, let strings = Optional(items.compactMap(\.string)), strings.count == items.count, let program = strings.first,
      !program.isEmpty
    else {
      problems.append(
        Problem(
          location.appending("command"), "'command' must be a non-empty list of strings: the program, then its arguments.",
          fix: "write e.g. [\"python3\", \"./my-plugin/plugin.py\"] (paths relative to this manifest; no shell is involved)."))
      return nil
    }
    func resolve(_ path: String) -> String {
      (path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: manifestFolder).appendingPathComponent(path)).standardizedFileURL.path
    }
    let programIsPath = program.contains("/")
    let executable = programIsPath ? resolve(program) : Self.onPath(program)
    let arguments = strings.dropFirst().map { $0.hasPrefix("./") || $0.hasPrefix("../") ? resolve($0) : $0 }
    let pathArguments = strings.dropFirst().filter { $0.hasPrefix("./") || $0.hasPrefix("../") }.map(resolve)
    return ExternalCommand(
      program: program, executable: executable, arguments: arguments, files: (programIsPath ? [resolve(program)] : []) + pathArguments + extra.map(resolve))
  }

  /// SHA-256 over the manifest's bytes and each file's SHA-256 (a missing file counts as "missing").
  func fingerprint(manifest: Data) -> String {
    var parts = ["manifest:" + DataFingerprint.sha256(of: manifest)]
    for file in files {
      let digest = (try? DataFingerprint.sha256(ofFileAt: file)) ?? "missing"
      parts.append("\(URL(fileURLWithPath: file).lastPathComponent):\(digest)")
    }
    return DataFingerprint.sha256(of: parts.joined(separator: "\n"))
  }

  /// The first executable file called `name` in the workbench's `PATH`.
  public static func onPath(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name).path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
