import Foundation
import Testing
import WorkbenchKit

/// The model-selection rule validated on labelled data (issue: a trustworthy pick).
///
/// On each data set a grid of three pipelines (imputed, standardised,
/// power-transformed) × k-means and a Gaussian mixture × k = 2…8 runs with
/// the default ranking (shared standardized space, bootstrap stability, the
/// consensus k), and the rank-1 trial's ARI against the truth is compared with
/// the best ARI any trial of the grid reached (the oracle). Data: iris and
/// wine (shipped), four synthetic sets from
/// `Tests/WorkbenchKitTests/Fixtures/selection/generate_selection_suite.py`
/// (one feature 1000× larger, anisotropic, unequal sizes, six separated blobs), and 1,500
/// customers simulated at three seeds (five latent segments).
///
/// The grid is 42 trials × 6 fits per data set, minutes in a debug build, so
/// the suite runs against a release binary: `.ci/run` sets
/// `WORKBENCH_SELECTION_SUITE` to it (and `WORKBENCH_SELECTION_REPORT` to a
/// file that receives the table the README reports).
@Suite("Model selection on labelled data")
struct SelectionSuiteTests {
  static let executable = ProcessInfo.processInfo.environment["WORKBENCH_SELECTION_SUITE"].map { URL(fileURLWithPath: $0) }
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// One labelled data set: its CSV, id and truth columns, and the features when not every numeric column.
  struct Case {
    var name: String
    var path: String
    var id: String
    var truth: String
    var features: [String]?
  }

  static func cases(in folder: URL) throws -> [Case] {
    let selection = root.appendingPathComponent("Tests/WorkbenchKitTests/Fixtures/selection")
    var cases = [
      Case(name: "iris", path: root.appendingPathComponent("experiments/data/iris.csv").path, id: "id", truth: "species"),
      Case(name: "wine", path: root.appendingPathComponent("experiments/data/wine.csv").path, id: "id", truth: "cultivar"),
    ]
    for name in ["blobs-1000x", "anisotropic", "unequal", "six-blobs"] {
      cases.append(Case(name: name, path: selection.appendingPathComponent("\(name).csv").path, id: "id", truth: "truth"))
    }
    for seed in [2026, 7, 99] {
      let output = try CommandRunner.run(
        ["simulate", "--rows", "1500", "--seed", String(seed), "--output", "customers-\(seed).csv"], in: folder, executable: executable)
      #expect(output.status == 0, "\(output.stderr)")
      cases.append(
        Case(
          name: "customers (seed \(seed))", path: folder.appendingPathComponent("customers-\(seed).csv").path, id: "customer_id", truth: "segment",
          features: CustomerSimulator.numericColumns.filter { $0 != "customer_id" }))
    }
    return cases
  }

  /// The suite's grid on `c`, as a spec.
  static func spec(_ c: Case) -> String {
    let impute = #"{"use": "impute", "params": {"strategy": "median"}}"#
    let features = c.features.map { #", "features": [\#($0.map { "\"\($0)\"" }.joined(separator: ", "))]"# } ?? ""
    return """
      {"name": "selection", "seed": 1,
       "data": {"path": "\(c.path)", "id": "\(c.id)", "truth": "\(c.truth)"\(features)},
       "pipelines": [{"name": "imputed", "steps": [\(impute)]}, {"name": "scaled", "steps": [\(impute), "standard-scaler"]},
                     {"name": "power", "steps": [\(impute), "power-transform"]}],
       "algorithms": [{"use": "kmeans", "params": {"n_init": 4}, "grid": {"k": {"from": 2, "to": 8}}},
                      {"use": "gmm", "params": {"reg_covar": 0.0001}, "grid": {"k": {"from": 2, "to": 8}}}],
       "metrics": ["silhouette", "inertia", "ari"],
       "stability": {"method": "bootstrap", "resamples": 5},
       "insight": {"enabled": false}}
      """
  }

  @Test(
    "rank 1 reaches at least 0.9 of the oracle's ARI on average, and 0.7 on every data set",
    .enabled(if: executable != nil, "set WORKBENCH_SELECTION_SUITE to a release workbench binary (.ci/run does)"))
  func suite() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-selection-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let rows = try Self.cases(in: folder).map { try Self.rankOneAndOracle($0, in: folder) }
    let ratios = rows.map { $0.chosen / $0.oracle }
    let mean = ratios.reduce(0, +) / Double(ratios.count)
    var table = Self.table(rows) + "| **mean** | | | **\(Self.format(mean))** |\n"
    let hard = try Self.hardCases.map { try (Self.rankOneAndOracle($0.case, in: folder), $0.recorded) }
    table += "\nHard cases (reported, not in the mean):\n\n" + Self.table(hard.map(\.0))
    if let report = ProcessInfo.processInfo.environment["WORKBENCH_SELECTION_REPORT"] { try table.write(toFile: report, atomically: true, encoding: .utf8) }
    #expect(rows.count == 9)
    #expect(mean >= 0.9, "\(table)")
    #expect(ratios.allSatisfy { $0 >= 0.7 }, "\(table)")
    for (row, recorded) in hard { #expect(row.chosen / row.oracle >= recorded - 0.005, "\(row.name) fell below its recorded ratio \(recorded)\n\(table)") }
  }

  /// Data sets where the rule is known to fall short, with the ratio recorded when they joined: a guard against
  /// regressions, and an honest account in the README. Breast cancer: the two diagnoses overlap in 30 features, the
  /// inertia elbow says 4 and silhouette 2, and the larger wins. Three pairs: the coarse level (three groups) is a
  /// fair answer, but the truth is the six blobs.
  static var hardCases: [(case: Case, recorded: Double)] {
    let selection = root.appendingPathComponent("Tests/WorkbenchKitTests/Fixtures/selection")
    return [("breast-cancer", 0.521), ("three-pairs", 0.606)].map { name, recorded in
      (Case(name: name, path: selection.appendingPathComponent("\(name).csv").path, id: "id", truth: "truth"), recorded)
    }
  }

  /// Runs the suite's grid on `c` in `folder`: the rank-1 trial's ARI and the best ARI of the grid.
  static func rankOneAndOracle(_ c: Case, in folder: URL) throws -> (name: String, chosen: Double, oracle: Double) {
    try spec(c).write(to: folder.appendingPathComponent("spec.json"), atomically: true, encoding: .utf8)
    let output = try CommandRunner.run(["run", "spec.json", "--fresh", "--quiet", "--out", "out"], in: folder, executable: executable)
    #expect(output.status == 0, "\(c.name): \(output.stderr)")
    defer { try? FileManager.default.removeItem(at: folder.appendingPathComponent("out")) }
    let run = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out/selection").path).first)
    let board = try CSVReader(textColumns: ["config_hash", "parameters", "reason"]).read(
      path: folder.appendingPathComponent("out/selection/\(run)/leaderboard.csv").path)
    let ranks = try #require(board.column(named: "rank")?.numbers), ari = try #require(board.column(named: "ari")?.numbers)
    let first = try #require(ranks.firstIndex(of: 1))
    return (c.name, ari[first], ari.filter { !$0.isNaN }.max() ?? 0)
  }

  /// The rows as a Markdown table: rank-1 ARI, the oracle's, and their ratio.
  static func table(_ rows: [(name: String, chosen: Double, oracle: Double)]) -> String {
    rows.reduce("| data set | rank-1 ARI | best ARI in the grid | ratio |\n|---|---:|---:|---:|\n") { table, row in
      table + "| \(row.name) | \(format(row.chosen)) | \(format(row.oracle)) | \(format(row.chosen / row.oracle)) |\n"
    }
  }

  /// A value with three decimals.
  static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}
