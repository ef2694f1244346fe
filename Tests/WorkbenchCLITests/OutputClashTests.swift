import Foundation
import Testing

/// Output options never replace the command's own inputs, nor each other: each clash is exit 2 naming the option, both
/// paths and the fix, found before any work, and the workspace is left byte for byte as it was.
@Suite("Outputs never replace inputs")
struct OutputClashTests {
  /// Every file under the workspace (symbolic links read through), by relative path.
  static func snapshot(_ ws: Workspace) -> [String: Data] {
    var files: [String: Data] = [:]
    let walker = FileManager.default.enumerator(atPath: ws.url.path)
    while let relative = walker?.nextObject() as? String {
      if let data = FileManager.default.contents(atPath: ws.path(relative)) { files[relative] = data }
    }
    return files
  }

  /// Runs `arguments` in `ws` and expects the refusal: exit 2, `message` and the fix for `flag` on standard error, nothing
  /// on standard output, and every file as it was.
  static func expectRefused(_ ws: Workspace, _ arguments: [String], flag: String, message: String) throws {
    let before = snapshot(ws)
    let output = try CommandRunner.run(arguments, in: ws.url)
    #expect(output.status == 2, "\(arguments): \(output.stderr)")
    #expect(output.stderr.contains("error: \(flag): \(message)"), "\(arguments): \(output.stderr)")
    #expect(output.stderr.contains("Fix: choose another file for \(flag)."), "\(arguments): \(output.stderr)")
    #expect(output.stdout.isEmpty, "\(arguments)")
    #expect(snapshot(ws) == before, "\(arguments) changed the workspace")
  }

  @Test(
    "cluster --labels-out naming its data file, however spelled (another spelling, absolute, a symbolic or hard link), is refused",
    arguments: ["base.csv", "./base.csv", "sub/../base.csv", "absolute", "link.csv", "hard.csv"])
  func clusterData(_ spelling: String) throws {
    let ws = try Workspace(["base.csv": "x,y\n0,0\n0,1\n5,5\n5,6\n"])
    try FileManager.default.createDirectory(atPath: ws.path("sub"), withIntermediateDirectories: false)
    try FileManager.default.createSymbolicLink(atPath: ws.path("link.csv"), withDestinationPath: "base.csv")
    try FileManager.default.linkItem(atPath: ws.path("base.csv"), toPath: ws.path("hard.csv"))
    let out = spelling == "absolute" ? ws.path("base.csv") : spelling
    try Self.expectRefused(
      ws, ["cluster", "base.csv", "--set", "k=2", "--labels-out", out], flag: "--labels-out",
      message: "\(out) is the same file as the data file (base.csv); writing it would destroy that input.")
  }

  @Test("simulate --output and --transactions naming one file (or --transactions naming --output's default) are refused; nothing is written")
  func simulateOutputs() throws {
    let ws = try Workspace()
    try Self.expectRefused(
      ws, ["simulate", "--rows", "5", "--output", "same.csv", "--transactions", "same.csv"], flag: "--transactions",
      message: "same.csv is the same file as --output (same.csv); one would overwrite the other.")
    try Self.expectRefused(
      ws, ["simulate", "--rows", "5", "--transactions", "./customers.csv"], flag: "--transactions",
      message: "./customers.csv is the same file as --output (customers.csv); one would overwrite the other.")
    #expect(Self.snapshot(ws).isEmpty)
    try ws.write("kept\n", to: "same.csv")
    try Self.expectRefused(
      ws, ["simulate", "--rows", "5", "--output", "same.csv", "--transactions", "same.csv"], flag: "--transactions",
      message: "same.csv is the same file as --output (same.csv); one would overwrite the other.")
  }

  @Test("an output naming an existing folder is a usage error, not a raw system error")
  func outputIsFolder() throws {
    let ws = try Workspace()
    try FileManager.default.createDirectory(atPath: ws.path("out"), withIntermediateDirectories: true)
    let output = try CommandRunner.run(["simulate", "--rows", "5", "--output", "out/"], in: ws.url)
    #expect(output.status == 2, "\(output.stderr)")
    #expect(output.stderr.contains("error: --output: out/ is a folder, not a file."), "\(output.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: ws.path("out")).isEmpty)
  }

  @Test("assign, report and gate refuse outputs naming their rows file, the run's spec or data, a file of the run, the gate file or each other")
  func runInputs() throws {
    let ws = try ScaleOutCommandTests.workspace()
    #expect(try ws.run("run", "spec.json", "--quiet").status == 0)
    let run = try ws.runFolder("segments")
    let trial = String(try ws.configHashes(run)[0].prefix(4))
    try ws.write(try ws.read("data/customers.csv"), to: "victim.csv")
    try ws.write(#"{"quality": 0.3}"#, to: "gate.json")
    let spec = ws.path("spec.json"), data = ws.path("data/customers.csv"), labels = ws.labelsFile(run, try ws.configHashes(run)[0])

    try Self.expectRefused(
      ws, ["assign", run, "--trial", trial, "victim.csv", "--out", "victim.csv"], flag: "--out",
      message: "victim.csv is the same file as the data file (victim.csv); writing it would destroy that input.")
    try Self.expectRefused(
      ws, ["assign", run, "--trial", trial, "victim.csv", "--out", "data/customers.csv"], flag: "--out",
      message: "data/customers.csv is the same file as the run's data file (\(data)); writing it would destroy that input.")
    try Self.expectRefused(
      ws, ["assign", run, "--trial", trial, "victim.csv", "--out", labels], flag: "--out",
      message: "\(labels) is the same file as a file of the run folder (\(ws.path(labels))); writing it would destroy that input.")

    try Self.expectRefused(
      ws, ["report", run, "--out", "spec.json"], flag: "--out",
      message: "spec.json is the same file as the run's spec (\(spec)); writing it would destroy that input.")
    try Self.expectRefused(
      ws, ["report", run, "--trial", trial, "--out", run + "/trials.jsonl"], flag: "--out",
      message: "\(run)/trials.jsonl is the same file as a file of the run folder (\(ws.path(run + "/trials.jsonl"))); writing it would destroy that input.")

    try Self.expectRefused(
      ws, ["gate", run, "--junit", "verdict.txt", "--json", "./verdict.txt"], flag: "--json",
      message: "./verdict.txt is the same file as --junit (verdict.txt); one would overwrite the other.")
    try Self.expectRefused(
      ws, ["gate", run, "--summary", "spec.json"], flag: "--summary",
      message: "spec.json is the same file as the run's spec (\(spec)); writing it would destroy that input.")
    try Self.expectRefused(
      ws, ["gate", run, "--gate", "gate.json", "--json", "gate.json"], flag: "--json",
      message: "gate.json is the same file as the gate file (gate.json); writing it would destroy that input.")
    try FileManager.default.copyItem(atPath: ws.path(run), toPath: ws.path("baseline"))
    let baselineRun = ws.path("baseline")
    try Self.expectRefused(
      ws, ["gate", run, "--baseline", baselineRun, "--junit", baselineRun + "/gate.xml"], flag: "--junit",
      message: "\(baselineRun)/gate.xml is the same file as a file of the baseline run folder (\(baselineRun)/gate.xml); writing it would destroy that input.")
  }
}
