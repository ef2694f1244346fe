import Foundation

/// The manifest of an external process plugin: the built-in manifest form plus how to start the program.
///
/// An external manifest is exactly what `workbench plugins export` writes for
/// a built-in (`manifest_version` 2: name, kind, summary, parameters as JSON
/// Schema fragments, role traits), with these keys added:
/// - `command`: the argument vector, never run through a shell. The first
///   element is the program: a path relative to the manifest's folder when it
///   contains a `/`, else a name looked up on `PATH` (`python3`). Later
///   elements starting with `./` or `../` are paths relative to the manifest's
///   folder; the others are passed as they are.
/// - `files` (optional): more files of the plugin (modules a script imports), relative to
///   the manifest's folder; with the program and path arguments they make up the fingerprint.
/// - `protocol_version`: 1 (``ExternalManifest/protocolVersion``).
/// - `timeout_seconds`: how long one request may run before its process group is killed.
/// - `input_format` (optional): `binary` (default; float64 and int32 files) or `csv`.
/// - `environment` (optional): variables set for the program, besides the clean
///   environment every plugin gets; `pass_environment` (optional): names of
///   variables copied from the workbench's own environment when set.
/// - `checking` (optional, algorithms): `{"parameters": {…}, "expected_failures": {"check": "reason"}}`
///   for `workbench plugins check`, as built-ins declare ``CheckingTuning``.
public struct ExternalManifest: Sendable, Equatable {
  /// The only protocol version this workbench speaks.
  public static let protocolVersion = 1
  /// The keys an external manifest adds to the built-in manifest form.
  static let externalKeys = ["command", "files", "protocol_version", "timeout_seconds", "input_format", "environment", "pass_environment", "checking"]

  /// How matrices and tables are handed to the program.
  public enum InputFormat: String, Sendable, Equatable {
    /// Little-endian float64 values and int32 codes in raw files, described by a JSON header (no text formatting).
    case binary
    /// One CSV file with a header row, for simple scripts.
    case csv
  }

  /// The shared declaration (name, role, summary, parameters, role traits).
  public var declaration: PluginManifest.Declaration
  /// The manifest file, absolute.
  public var file: String
  /// The program and its arguments, resolved.
  public var command: ExternalCommand
  /// Seconds one request may take.
  public var timeoutSeconds: Double
  /// How inputs are written.
  public var inputFormat: InputFormat
  /// Variables set for the program.
  public var environment: [String: String]
  /// Variables copied from the workbench's environment when set.
  public var passEnvironment: [String]
  /// How `workbench plugins check` should run an external algorithm.
  public var checking: CheckingTuning
  /// SHA-256 of the manifest's bytes and of every file of the program (``ExternalCommand/files``): enters config hashes.
  public var fingerprint: String

  /// Reads the manifest at `path`; every problem is reported at its JSON path in the file.
  public static func read(path: String) throws(SpecError) -> ExternalManifest {
    let file = URL(fileURLWithPath: path).standardizedFileURL.path
    guard let bytes = FileManager.default.contents(atPath: file) else {
      throw SpecError(Location(file: path), "the plugin manifest cannot be read.", fix: "check that the file exists and is readable.")
    }
    let json: JSONValue
    do {
      json = try JSONParser.parse([UInt8](bytes))
    } catch {
      throw SpecError(Location(file: path, line: error.line, column: error.column), "malformed JSON: \(error.message).", fix: "correct the JSON at that position.")
    }
    return try read(json, bytes: bytes, file: file)
  }

  /// Reads a parsed manifest whose file holds `bytes`.
  static func read(_ json: JSONValue, bytes: Data, file: String) throws(SpecError) -> ExternalManifest {
    var problems: [Problem] = []
    let root = Location(file: file, jsonPath: "")
    guard let members = json.object else {
      throw SpecError(root, "a plugin manifest must be a JSON object.", fix: "start from a manifest in plugins-registry/external/.")
    }
    var shared = members
    for key in externalKeys { shared[key] = nil }
    var declaration: PluginManifest.Declaration?
    do {
      declaration = try PluginManifest.declaration(.object(shared), file: file)
    } catch {
      problems += error.problems
    }
    let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
    let command = ExternalCommand.read(
      members["command"], files: members["files"], manifestFolder: folder, at: root, problems: &problems)
    if members["protocol_version"]?.integer != protocolVersion {
      problems.append(
        Problem(
          root.appending("protocol_version"), "'protocol_version' must be \(protocolVersion); got \(members["protocol_version"]?.canonicalText ?? "nothing").",
          fix: "write \"protocol_version\": \(protocolVersion) and implement protocol v1 (see the README, \"External plugins\")."))
    }
    let timeout = members["timeout_seconds"]?.number ?? 0
    if !(timeout > 0 && timeout <= 86_400) {
      problems.append(
        Problem(
          root.appending("timeout_seconds"), "'timeout_seconds' must be a number of seconds in (0, 86400]; got \(members["timeout_seconds"]?.canonicalText ?? "nothing").",
          fix: "give the longest one request may take, e.g. \"timeout_seconds\": 300."))
    }
    let formatText = members["input_format"]?.string ?? InputFormat.binary.rawValue
    let format = InputFormat(rawValue: formatText)
    if format == nil {
      problems.append(Problem(root.appending("input_format"), "'\(formatText)' is not an input format.", fix: "use \"binary\" or \"csv\"."))
    }
    let environment = stringMap(members["environment"], at: root.appending("environment"), problems: &problems)
    let passed = stringList(members["pass_environment"], at: root.appending("pass_environment"), problems: &problems)
    let checking = readChecking(members["checking"], at: root.appending("checking"), problems: &problems)
    if let declaration { problems += roleProblems(declaration, at: root) }
    guard problems.isEmpty, let declaration, let command, let format else { throw SpecError(problems) }
    return ExternalManifest(
      declaration: declaration, file: file, command: command, timeoutSeconds: timeout, inputFormat: format, environment: environment,
      passEnvironment: passed, checking: checking, fingerprint: command.fingerprint(manifest: bytes))
  }

  /// What protocol v1 cannot carry: metric needs beyond a truth column.
  private static func roleProblems(_ declaration: PluginManifest.Declaration, at root: Location) -> [Problem] {
    guard let needs = declaration.needs, !MetricNeeds.truth.isSuperset(of: needs) else { return [] }
    return [
      Problem(
        root.appending("needs"), "an external metric can need only \"truth\"; protocol v1 hands over features, labels and the truth column.",
        fix: "remove the other needs.")
    ]
  }

  private static func stringMap(_ value: JSONValue?, at location: Location, problems: inout [Problem]) -> [String: String] {
    guard let value else { return [:] }
    guard let members = value.object, members.values.allSatisfy({ $0.string != nil }) else {
      problems.append(Problem(location, "must be an object of names to strings.", fix: "write e.g. {\"OMP_NUM_THREADS\": \"1\"}."))
      return [:]
    }
    return members.compactMapValues(\.string)
  }

  private static func stringList(_ value: JSONValue?, at location: Location, problems: inout [Problem]) -> [String] {
    guard let value else { return [] }
    guard let items = value.array, items.allSatisfy({ $0.string != nil }) else {
      problems.append(Problem(location, "must be a list of variable names.", fix: "write e.g. [\"OPENBLAS_CORETYPE\"]."))
      return []
    }
    return items.compactMap(\.string)
  }

  private static func readChecking(_ value: JSONValue?, at location: Location, problems: inout [Problem]) -> CheckingTuning {
    guard let value else { return CheckingTuning() }
    let members = value.object ?? [:]
    let failures = members["expected_failures"]?.object ?? [:]
    let unknown = members.keys.filter { !["parameters", "expected_failures"].contains($0) }
    if value.object == nil || members["parameters"].map({ $0.object == nil }) == true || !failures.values.allSatisfy({ $0.string != nil })
      || !unknown.isEmpty
    {
      problems.append(
        Problem(
          location, "'checking' must be {\"parameters\": {…}, \"expected_failures\": {\"check\": \"reason\"}}.",
          fix: "give parameters for the common checks and the checks known to fail, each with its reason."))
    }
    return CheckingTuning(parameters: members["parameters"]?.object ?? [:], expectedFailures: failures.compactMapValues(\.string))
  }
}
