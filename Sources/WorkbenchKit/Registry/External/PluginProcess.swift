import Foundation
import WorkbenchSpawn

/// Sends one request to an external plugin and reads its one response: protocol v1's transport.
///
/// The request is a JSON object on the program's standard input; the
/// response is one JSON object on its standard output, at most
/// ``responseLimit`` bytes. The program starts in a process group of its own
/// with a clean environment (`PATH`, `HOME` and `TMPDIR` pointing at its
/// working folder, `LANG`/`LC_ALL` `C.UTF-8`, plus what its manifest sets or
/// passes) in its private ``PluginFolder``; on Linux with Landlock it may
/// write nowhere else. Past the manifest's timeout the whole group is
/// killed. Whatever goes wrong — a crash, a non-zero exit, a hang, output
/// that is not one JSON object, NaN, an error the plugin reports — becomes a
/// ``FitError`` naming the plugin, with the end of its standard error, so
/// only the trial that asked fails.
struct PluginProcess: Sendable {
  /// The largest response read from standard output.
  static let responseLimit = 64 << 20
  /// How much of the end of standard error a failure quotes.
  static let stderrShown = 1_200

  /// The plugin.
  let manifest: ExternalManifest

  private var name: String { manifest.declaration.name }

  /// Runs `request` with the input files already written to `folder` and returns the response object.
  func exchange(_ request: [String: JSONValue], in folder: PluginFolder) throws(FitError) -> [String: JSONValue] {
    guard let executable = manifest.command.executable, manifest.command.unavailableReason == nil else {
      throw .degenerate("plugin '\(name)' cannot run: \(manifest.command.unavailableReason ?? "its program is missing") (manifest \(manifest.file))")
    }
    var full = request
    full["protocol_version"] = .int(ExternalManifest.protocolVersion)
    full["plugin"] = .string(name)
    full["role"] = .string(manifest.declaration.kind.rawValue)
    full["work_directory"] = .string(folder.work.path)
    let requestFile = folder.root.appendingPathComponent("request.json")
    let stdoutFile = folder.root.appendingPathComponent("stdout").path
    let stderrFile = folder.root.appendingPathComponent("stderr").path
    do {
      try Data(JSONValue.object(full).canonicalText.utf8).write(to: requestFile)
    } catch {
      throw .degenerate("cannot write the request for plugin '\(name)': \(error.localizedDescription)")
    }
    let arguments: [CChar] = ([executable] + manifest.command.arguments).flatMap { Array($0.utf8CString) }
    let environment: [CChar] = variables(work: folder.work.path).flatMap { Array("\($0.key)=\($0.value)".utf8CString) }
    var confined: Int32 = 0
    var pid: Int32 = 0
    let started = wb_spawn(
      executable, arguments, arguments.count, environment, environment.count, folder.work.path, requestFile.path, stdoutFile, stderrFile,
      folder.work.path, &confined, &pid)
    guard started == 0 else {
      throw .degenerate("plugin '\(name)' could not be started (\(String(cString: strerror(started)))): \(executable)")
    }
    var code: Int32 = 0
    var signal: Int32 = 0
    let waited = wb_wait(pid, Int(manifest.timeoutSeconds * 1000), &code, &signal)
    let stderr = Self.tail(of: stderrFile)
    let said = stderr.isEmpty ? "" : "; its standard error ends: \(stderr)"
    switch waited {
    case 1:
      throw .degenerate("plugin '\(name)' ran past its timeout of \(JSONNumber.plain(manifest.timeoutSeconds)) s and was stopped (its whole process group killed)\(said)")
    case 0 where signal != 0:
      throw .degenerate("plugin '\(name)' was killed by signal \(signal)\(Self.signalName(signal))\(said)")
    case 0 where code != 0:
      let hint = confined != 0 && (stderr.contains("ermission denied") || stderr.contains("ot permitted")) ? " (plugins may write only inside their own folder)" : ""
      throw .degenerate("plugin '\(name)' exited with status \(code)\(hint)\(said)")
    case 0:
      break
    default:
      throw .degenerate("plugin '\(name)' could not be waited for (\(String(cString: strerror(code))))")
    }
    let response = try read(stdoutFile, stderr: said)
    if let error = response["error"] { throw Self.reported(error, plugin: name) }
    return response
  }

  /// The clean environment of the program, sorted by name.
  private func variables(work: String) -> [(key: String, value: String)] {
    let own = ProcessInfo.processInfo.environment
    var out: [String: String] = [
      "PATH": own["PATH"] ?? "/usr/local/bin:/usr/bin:/bin", "HOME": work, "TMPDIR": work, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
    ]
    for key in manifest.passEnvironment { if let value = own[key] { out[key] = value } }
    for (key, value) in manifest.environment { out[key] = value }
    return out.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  /// Standard output parsed as one JSON object, within the size limit.
  private func read(_ path: String, stderr said: String) throws(FitError) -> [String: JSONValue] {
    let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    guard size <= Self.responseLimit else {
      throw .degenerate("plugin '\(name)' printed \(size) bytes, more than the \(Self.responseLimit >> 20) MiB a response may hold; write large outputs to files in its folder")
    }
    let bytes = FileManager.default.contents(atPath: path) ?? Data()
    guard !bytes.isEmpty else { throw .degenerate("plugin '\(name)' printed no response on standard output\(said)") }
    let json: JSONValue
    do {
      json = try JSONParser.parse([UInt8](bytes))
    } catch {
      let text = String(decoding: bytes.prefix(120), as: UTF8.self).replacingOccurrences(of: "\n", with: "⏎")
      let whole = String(decoding: bytes, as: UTF8.self)
      if whole.contains("NaN") || whole.contains("Infinity") {
        throw .degenerate("plugin '\(name)' returned NaN or Infinity, which are not numbers the workbench accepts (line \(error.line), column \(error.column))")
      }
      throw .degenerate(
        "plugin '\(name)' printed something that is not one JSON object (line \(error.line), column \(error.column): \(error.message)); it begins «\(text)». Standard output must hold only the response; write logs to standard error")
    }
    guard let object = json.object else { throw .degenerate("plugin '\(name)' printed \(json.typeDescription), not a JSON object") }
    return object
  }

  /// The error a plugin reports in `{"error": {"message": …, "kind": …}}`.
  ///
  /// `"kind": "insufficient_samples"` with `rows` and `required` becomes
  /// ``FitError/insufficientSamples(rows:required:detail:)`` (too few rows for k);
  /// anything else a ``FitError/degenerate(_:)`` with the plugin's message.
  static func reported(_ error: JSONValue, plugin: String) -> FitError {
    let o = error.object ?? [:]
    let message = o["message"]?.string ?? error.string ?? error.canonicalText
    if o["kind"]?.string == "insufficient_samples", let rows = o["rows"]?.integer, let required = o["required"]?.integer {
      return .insufficientSamples(rows: rows, required: required, detail: "\(plugin): \(message)")
    }
    return .degenerate("plugin '\(plugin)' reported: \(message)")
  }

  /// The last ``stderrShown`` characters of the file at `path`, on one line.
  static func tail(of path: String) -> String {
    guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else { return "" }
    let text = String(decoding: data.suffix(stderrShown * 4), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    let shown = text.count > stderrShown ? "…" + text.suffix(stderrShown) : text
    return shown.replacingOccurrences(of: "\n", with: " ⏎ ")
  }

  private static func signalName(_ signal: Int32) -> String {
    let names: [Int32: String] = [4: "SIGILL", 6: "SIGABRT", 7: "SIGBUS", 8: "SIGFPE", 9: "SIGKILL", 11: "SIGSEGV", 13: "SIGPIPE", 15: "SIGTERM"]
    return names[signal].map { " (\($0))" } ?? ""
  }
}
