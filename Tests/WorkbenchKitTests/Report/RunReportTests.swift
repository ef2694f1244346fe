import Foundation
import Testing
import WorkbenchNumerics
import WorkbenchTestSupport
@testable import WorkbenchKit

/// `report.html` as the finalize step and `workbench report` write it: structure, escaping, the key figures, byte stability.
@Suite("Run report")
struct RunReportTests {
  /// A value that would run if it reached the page unescaped.
  static let hostile = "<script>alert(1)</script>"

  /// A run over three groups with a numeric column and a category both called ``hostile``, k from 2 to 4.
  static func hostileRun(rows: Int = 150, root: String = "a") throws -> (fixture: RunFixture, run: String) {
    let fixture = try RunFixture(
      spec: #"""
        {"name": "report-fixture", "seed": 3, "data": {"path": "customers.csv", "id": "customer_id", "truth": "group"},
         "pipelines": [{"name": "scaled", "steps": [{"use": "impute", "params": {"strategy": "median"}}, "standard-scaler"]}],
         "algorithms": [{"use": "kmeans", "params": {"n_init": 2}, "grid": {"k": {"from": 2, "to": 4}}}],
         "stability": {"method": "bootstrap", "resamples": 3}}
        """#)
    var generator = SeededGenerator(seed: 4)
    var csv = "customer_id,income,visits,\"\(hostile)\",tenure,plan,group\n"
    for row in 0..<rows {
      let group = row % 3
      let values = [Double(group) * 4, Double(2 - group) * 3, Double(group % 2) * 5, 1].map { $0 + generator.nextGaussian() * 0.8 }
      let plan = group == 1 ? "\"\(hostile)\"" : "basic"
      csv += "C\(row),\(values[0]),\(values[1]),\(values[2]),\(values[3]),\(plan),g\(group)\n"
    }
    try csv.write(to: fixture.directory.appendingPathComponent("customers.csv"), atomically: true, encoding: .utf8)
    let summary = try fixture.run(out: fixture.results(root), jobs: 2)
    return (fixture, summary.directory)
  }

  static func report(_ run: String) throws -> String { try String(contentsOfFile: run + "/report.html", encoding: .utf8) }

  @Test("the page holds every section in order, each chart as an SVG, and nothing fetched from elsewhere")
  func structure() throws {
    let (fixture, run) = try Self.hostileRun()
    defer { fixture.remove() }
    let page = try Self.report(run)
    #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(page.hasSuffix("</html>\n"))
    let ids = RunReport.sections.map(\.0)
    #expect(ids == ["summary", "method", "choosing-k", "quality", "segments", "behaviour", "reproducibility"])
    let positions = ids.map { page.range(of: "<section id=\"\($0)\"")?.lowerBound }
    #expect(positions.allSatisfy { $0 != nil })
    #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    let figures = page.components(separatedBy: "<figure data-chart=\"").dropFirst()
    let kinds = Set(figures.map { String($0.prefix { $0 != "\"" }) })
    #expect(kinds.isSuperset(of: ["pareto", "k-curve", "silhouette", "jaccard", "pca-2d", "pca-3d", "radar", "snake", "heatmap", "box", "categorical", "importance"]))
    for figure in figures {
      let body = figure.components(separatedBy: "</figure>")[0]
      #expect(body.contains("<svg class=\"chart"), "figure without an SVG: \(body.prefix(60))")
      #expect(body.contains("<circle") || body.contains("<rect") || body.contains("<path"), "empty figure: \(body.prefix(60))")
    }
    #expect(page.components(separatedBy: "<section ").count - 1 == 7)
    #expect(!page.contains("http://") && !page.contains("https://") && !page.contains("src=") && !page.contains("@import"))
    #expect(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">"))
    #expect(page.contains("@media print{"))
    #expect(page.contains("workbench verify results/report-fixture/"))
  }

  @Test("a column name and a category that look like a script are shown as text")
  func escaping() throws {
    let (fixture, run) = try Self.hostileRun()
    defer { fixture.remove() }
    let page = try Self.report(run)
    #expect(!page.contains(Self.hostile))
    #expect(!page.contains("<script>alert"))
    let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    let inSegments = page.components(separatedBy: "<section id=\"segments\"")[1].components(separatedBy: "</section>")[0]
    #expect(inSegments.contains("<text x=") && inSegments.contains(escaped), "the column and the category label charts")
    #expect(page.components(separatedBy: escaped).count > 3)
    // Only the page's own three script elements: the key figures, the 3-D points and the interaction.
    #expect(page.components(separatedBy: "<script").count - 1 == 3)
    #expect(!keyFiguresText(page).contains("<"))
  }

  @Test("the key figures block is JSON with the leaderboard, k selection and segments the page shows")
  func keyFigures() throws {
    let (fixture, run) = try Self.hostileRun()
    defer { fixture.remove() }
    let page = try Self.report(run)
    let figures = try JSONParser.parse(keyFiguresText(page))
    let results = try RunResults.open(run, registry: .builtIn)
    let (board, _) = try RunFinalizer(registry: .builtIn).ranked(results)
    #expect(figures["experiment"] == "report-fixture")
    #expect(figures["run_key"]?.string == results.manifest.runKey)
    #expect(figures["data"]?["rows"] == 150)
    let leaderboard = try #require(figures["leaderboard"]?.array)
    #expect(leaderboard.map { $0["config_hash"]?.string } == board.ranked.map(\.record.configHash))
    #expect(leaderboard.first?["score"]?.number == board.ranked.first?.score)
    #expect(figures["described_trial"]?.string == board.ranked.first?.record.configHash)
    let segments = try #require(figures["segments"]?.array)
    let chosen = try #require(board.ranked.first?.record)
    #expect(segments.count == chosen.clusterCount)
    #expect(segments.compactMap { $0["size"]?.integer }.reduce(0, +) == 150)
    #expect(segments.map { $0["colour"]?.string } == segments.map { SegmentPalette.colour($0["segment_id"]?.integer ?? -2) })
    #expect(figures["k_selection"]?.array?.count == 1)
  }

  @Test("two runs of the same spec write the same bytes, and workbench report rewrites them unchanged")
  func byteStable() throws {
    let (fixture, run) = try Self.hostileRun()
    defer { fixture.remove() }
    let again = try fixture.run(out: fixture.results("b"), jobs: 1)
    let first = try Data(contentsOf: URL(fileURLWithPath: run + "/report.html"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: again.directory + "/report.html")) == first)
    let written = try RunFinalizer(registry: .builtIn).writeReport(runDirectory: run, trial: nil, out: nil)
    #expect(written.path == run + "/report.html")
    #expect(try Data(contentsOf: URL(fileURLWithPath: run + "/report.html")) == first)
    #expect(!String(decoding: first, as: UTF8.self).contains("2026-"))
  }

  @Test("--trial describes another trial, says so, and goes to the file --out names")
  func otherTrial() throws {
    let (fixture, run) = try Self.hostileRun()
    defer { fixture.remove() }
    let results = try RunResults.open(run, registry: .builtIn)
    let (board, _) = try RunFinalizer(registry: .builtIn).ranked(results)
    let other = try #require(board.ranked.last?.record)
    let out = fixture.results("other.html")
    let written = try RunFinalizer(registry: .builtIn).writeReport(runDirectory: run, trial: String(other.configHash.prefix(8)), out: out)
    #expect(written.path == out && written.trial?.configHash == other.configHash)
    let page = try String(contentsOfFile: out, encoding: .utf8)
    #expect(page.contains("The segment sections below describe trial <code>\(other.configHash)</code>"))
    #expect(try JSONParser.parse(keyFiguresText(page))["described_trial"]?.string == other.configHash)
    #expect(throws: SpecError.self) { try RunFinalizer(registry: .builtIn).writeReport(runDirectory: run, trial: "zzzz", out: out) }
  }

  @Test("scatter and silhouette plots sample large runs and say so")
  func sampled() throws {
    let (fixture, run) = try Self.hostileRun(rows: 2_400)
    defer { fixture.remove() }
    let page = try Self.report(run)
    let scatter = page.components(separatedBy: "<figure data-chart=\"pca-2d\">")[1].components(separatedBy: "</figure>")[0]
    let dots = scatter.components(separatedBy: "class=\"dot\"").count - 1
    #expect(abs(dots - SegmentGeometry.scatterLimit) <= 3, "\(dots) dots")  // each segment's share rounded
    #expect(scatter.contains("the plot shows a sample of \(ReadableNumber.format(Double(dots))) of the 2,400 rows"))
    #expect(scatter.contains("fitted on every row;"))
    let figures = try JSONParser.parse(keyFiguresText(page))
    #expect(figures["silhouette_sample"]?["of"] == 2400)
    #expect(figures["silhouette_sample"]?["rows"] == 2400)
  }

  @Test("principal axes of more than 100,000 rows are fitted on 100,000 evenly spaced ones, close to all rows' axes")
  func axesOfManyRows() throws {
    var random = SeededGenerator(seed: 12)
    let n = 150_001
    var storage: [Double] = []
    for i in 0..<n {
      let t = Double(random.nextIndex(below: 2_000_001)) / 1_000_000 - 1
      storage += [3 * t + (i % 2 == 0 ? 1 : -1), t + Double(random.nextIndex(below: 1_001)) / 5_000]
    }
    let x = Matrix(rows: n, columns: 2, storage: storage)
    let space = EvaluationSpace.pipeline(named: "p", output: x, datasetRows: Array(0..<n), rowCount: n)
    let geometry = try SegmentGeometry.compute(space: space, grouping: SegmentRows(labels: (0..<n).map { $0 % 2 }), seed: 4)
    #expect(geometry.axisRows == SegmentGeometry.axisLimit && geometry.population == n)
    let all = PrincipalAxes(x, rows: Array(0..<n), count: 2)
    expectClose(geometry.explainedRatio[0], all.explainedRatio[0], relative: 1e-3)
    let small = try SegmentGeometry.compute(space: space, grouping: SegmentRows(labels: (0..<n).map { $0 < 1_000 ? 0 : nil }), seed: 4)
    #expect(small.axisRows == 1_000 && small.population == 1_000)
  }

  /// The text of the key-figures block.
  func keyFiguresText(_ page: String) -> String {
    page.components(separatedBy: "<script type=\"application/json\" id=\"\(RunReport.dataBlockId)\">")[1].components(separatedBy: "</script>")[0]
  }
}

extension JSONValue {
  /// The member `key` of an object (nil for other values): terse access for these tests.
  fileprivate subscript(key: String) -> JSONValue? { object?[key] }
}
