import Foundation
import Testing
import WorkbenchKit

/// `workbench report` as the README shows it: rebuilding report.html unchanged, another trial's report, refusals.
@Suite("Report command end to end")
struct ReportCommandTests {
  @Test("report rewrites the finalize step's report.html byte for byte; --trial with --out writes that trial's page")
  func report() throws {
    let w = try ScaleOutCommandTests.workspace()
    #expect(try w.run("run", "spec.json", "--quiet").status == 0)
    let run = try w.runFolder("segments")
    let page = w.path(run + "/report.html")
    let first = try Data(contentsOf: URL(fileURLWithPath: page))
    let rebuilt = try w.run("report", run)
    #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
    #expect(rebuilt.stdout.contains("report.html: report of trial "))
    #expect(try Data(contentsOf: URL(fileURLWithPath: page)) == first)

    let board = try String(contentsOfFile: w.path(run + "/leaderboard.csv"), encoding: .utf8).split(separator: "\n")
    let column = try #require(board[0].split(separator: ",").firstIndex(of: "config_hash"))
    let other = String(board[2].split(separator: ",")[column].prefix(12))
    let output = try w.run("report", run, "--trial", other, "--out", "k.html")
    #expect(output.status == 0, "\(output.stderr)")
    let described = try String(contentsOfFile: w.path("k.html"), encoding: .utf8)
    #expect(described.contains("The segment sections below describe trial <code>\(other)"))
    #expect(described.contains("<section id=\"reproducibility\""))
  }

  @Test("an unknown trial is refused with exit 2, writing nothing; a folder that is no run is refused too")
  func refusals() throws {
    let w = try ScaleOutCommandTests.workspace()
    #expect(try w.run("run", "spec.json", "--quiet").status == 0)
    let run = try w.runFolder("segments")
    let unknown = try w.run("report", run, "--trial", "ffffffffffff", "--out", "x.html")
    #expect(unknown.status == 2, "\(unknown.stderr)")
    #expect(unknown.stderr.contains("ffffffffffff"))
    #expect(!FileManager.default.fileExists(atPath: w.path("x.html")))
    let missing = try w.run("report", "no-such-run")
    #expect(missing.status > 1, "\(missing.stderr)")
  }
}
