import Foundation
import Testing
import WorkbenchKit
import WorkbenchNumerics

/// Misbehaving external algorithms: each fails only its own fit, with a reason that says what went wrong.
@Suite("external algorithms that crash, hang, lie or print garbage")
struct ExternalAlgorithmFailureTests {
  static let x = Matrix([[0, 0], [0, 1], [1, 0], [9, 9], [9, 8], [8, 9]])

  /// The reason fitting a plugin running `script` fails with.
  func failure(_ script: String, timeout: Double = 60, noise: Bool = false) throws -> String {
    let plugin = try ScriptPlugin(script: script, timeout: timeout, noise: noise)
    do {
      let clustering = try plugin.algorithm.instance(["k": 2]).fit(ClusteringInput(numeric: Self.x), context: FitContext(seed: 1))
      return "no failure: \(clustering.labels)"
    } catch let error as FitError {
      return error.description
    }
  }

  @Test("a well-behaved script's labels come back as a clustering (the control for the failures below)")
  func control() throws {
    let plugin = try ScriptPlugin(script: #"echo '{"labels": [0, 0, 0, 1, 1, 1], "diagnostics": {"iterations": 2, "notes": ["ok"]}}'"#)
    let clustering = try plugin.algorithm.instance(["k": 2]).fit(ClusteringInput(numeric: Self.x), context: FitContext(seed: 1))
    #expect(clustering.labels == [0, 0, 0, 1, 1, 1])
    #expect(clustering.clusterCount == 2)
    #expect(clustering.diagnostics == Diagnostics(iterations: 2, notes: ["ok"]))
  }

  @Test("labels may come as a file of little-endian int32 values; one of the wrong size is refused")
  func binaryLabels() throws {
    let labels = String(repeating: #"\000\000\000\000"#, count: 3) + String(repeating: #"\001\000\000\000"#, count: 3)
    let plugin = try ScriptPlugin(script: "printf '\(labels)' > l.i32; echo '{\"labels\": \"l.i32\"}'")
    let clustering = try plugin.algorithm.instance(["k": 2]).fit(ClusteringInput(numeric: Self.x), context: FitContext(seed: 1))
    #expect(clustering.labels == [0, 0, 0, 1, 1, 1])
    #expect(try failure(#"printf '\001\000\000\000' > l.i32; echo '{"labels": "l.i32"}'"#) == "plugin 'script-plugin' wrote 1 int32 labels for 6 rows")
  }

  @Test("the request carries the role, the validated parameters, the seed as a decimal string and the input header")
  func request() throws {
    let reason = try failure("cat >&2; exit 1")
    #expect(reason.contains(#""request":"fit""#), "\(reason)")
    #expect(reason.contains(#""params":{"k":2}"#), "\(reason)")
    #expect(reason.contains(#""seed":"1""#), "\(reason)")
    #expect(reason.contains(#""columns":[{"name":"x0","type":"numeric"},{"name":"x1","type":"numeric"}],"format":"binary","numeric":"input.f64","rows":6"#), "\(reason)")
  }

  @Test("a crash is reported with its signal")
  func crash() throws {
    #expect(try failure("kill -SEGV $$") == "plugin 'script-plugin' was killed by signal 11 (SIGSEGV)")
  }

  @Test("a non-zero exit is reported with the end of standard error")
  func exitStatus() throws {
    #expect(try failure("echo 'something broke' >&2; exit 3") == "plugin 'script-plugin' exited with status 3; its standard error ends: something broke")
  }

  @Test("a hang is stopped at the timeout, and what the plugin started dies with it")
  func hang() throws {
    let reason = try failure("sleep 300 & echo \"started $!\" >&2; wait", timeout: 1)
    #expect(reason.hasPrefix("plugin 'script-plugin' ran past its timeout of 1 s and was stopped (its whole process group killed); its standard error ends: started "), "\(reason)")
    let pid = reason.split(separator: " ").last.map(String.init) ?? ""
    let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.split(separator: " ").dropFirst(2).first
    #expect(state == nil || state == "Z", "the background sleep \(pid) outlived the timeout (state \(state ?? "?"))")
  }

  @Test("garbage on standard output is refused, quoting how it begins")
  func garbage() throws {
    let reason = try failure("echo 'fitting…'; echo '{\"labels\": []}'")
    #expect(reason.hasPrefix("plugin 'script-plugin' printed something that is not one JSON object"), "\(reason)")
    #expect(reason.contains("it begins «fitting…⏎"), "\(reason)")
  }

  @Test("the wrong number of labels is refused")
  func wrongCount() throws {
    #expect(try failure(#"echo '{"labels": [0, 1]}'"#) == "plugin 'script-plugin' returned 2 labels for 6 rows")
  }

  @Test("NaN is refused")
  func nan() throws {
    #expect(try failure(#"echo '{"labels": [0, 0, 0, 1, 1, 1], "centers": [[NaN, 0], [1, 1]]}'"#).contains("returned NaN or Infinity"))
  }

  @Test("labels of the wrong type, -1 without declared noise, and gaps in the numbering are refused")
  func labelContract() throws {
    #expect(try failure(#"echo '{"labels": ["a", 0, 0, 1, 1, 1]}'"#) == "plugin 'script-plugin' returned a string \"a\" as the label of row 1; labels are integers")
    #expect(try failure(#"echo '{"labels": [0, 0, 0, 1, 1, 1.5]}'"#).contains("as the label of row 6; labels are integers"))
    #expect(
      try failure(#"echo '{"labels": [-1, 0, 0, 1, 1, 1]}'"#)
        == "plugin 'script-plugin' returned the label -1 for row 1, but does not declare noise (capabilities.produces_noise)")
    #expect(try failure(#"echo '{"labels": [-1, 0, 0, 1, 1, 1]}'"#, noise: true).hasPrefix("no failure"))
    #expect(
      try failure(#"echo '{"labels": [0, 0, 0, 2, 2, 2]}'"#) == "plugin 'script-plugin' returned labels up to 2 but none is 1; number clusters 0, 1, 2, … without gaps")
  }

  @Test("unknown response keys and diagnostics, and non-probability memberships, are refused")
  func strictResponse() throws {
    #expect(try failure(#"echo '{"labels": [0, 0, 0, 1, 1, 1], "score": 3}'"#).contains("answered with the unknown key 'score'"))
    #expect(try failure(#"echo '{"labels": [0, 0, 0, 1, 1, 1], "diagnostics": {"speed": 3}}'"#).contains("returned the unknown diagnostic 'speed'"))
    #expect(
      try failure(#"echo '{"labels": [0, 0, 0, 1, 1, 1], "memberships": [[1, 0], [1, 0], [1, 0], [0, 1], [0, 1], [0.5, 0.6]]}'"#)
        .contains("memberships whose row 6 is not a probability distribution"))
  }

  @Test("an error the plugin reports is its trial's reason; too few rows becomes insufficientSamples")
  func reportedErrors() throws {
    #expect(try failure(#"echo '{"error": {"message": "the matrix is singular"}}'"#) == "plugin 'script-plugin' reported: the matrix is singular")
    let plugin = try ScriptPlugin(script: #"echo '{"error": {"kind": "insufficient_samples", "rows": 6, "required": 9, "message": "k = 9 needs 9 rows"}}'"#)
    #expect(throws: FitError.insufficientSamples(rows: 6, required: 9, detail: "script-plugin: k = 9 needs 9 rows")) {
      try plugin.algorithm.instance(["k": 2]).fit(ClusteringInput(numeric: Self.x), context: FitContext(seed: 1))
    }
  }

  @Test("output files outside the plugin's folder, or links out of it, are refused")
  func outputsOutside() throws {
    #expect(try failure(#"echo '{"labels": [0, 0, 0, 1, 1, 1], "memberships": "../request.json"}'"#).contains("outputs must be plain file names in its own folder"))
    #expect(try failure(#"ln -s /etc/hostname m.f64; echo '{"labels": [0, 0, 0, 1, 1, 1], "memberships": "m.f64"}'"#).contains("which is not a plain file"))
  }

  @Test("writing outside its folder is refused by the kernel and fails the fit; nothing is written there")
  func writeOutside() throws {
    let outside = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-outside-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: outside) }
    let reason = try failure("echo owned > '\(outside.path)' || exit 1; echo '{\"labels\": [0, 0, 0, 1, 1, 1]}'")
    // Without Landlock (kernels before 5.13, macOS) the kernel cannot stop the write; the README says so.
    if ExternalPlugins.confinesWrites {
      #expect(!FileManager.default.fileExists(atPath: outside.path))
      #expect(reason.hasPrefix("plugin 'script-plugin' exited with status 1 (plugins may write only inside their own folder)"), "\(reason)")
    }
  }

  @Test("a missing program is a clear error when the plugin is used")
  func missingProgram() throws {
    let plugin = try ScriptPlugin(script: "exit 0")
    try FileManager.default.removeItem(at: plugin.folder.appendingPathComponent("script-plugin.sh"))
    #expect(throws: (any Error).self) { try plugin.algorithm.instance(["k": 2]) }
    #expect(try plugin.algorithm.origin?.unavailableReason?.hasSuffix("script-plugin.sh does not exist") == true)
  }
}
