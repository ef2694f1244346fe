import Foundation
import WorkbenchNumerics
@testable import WorkbenchKit

/// A temporary folder holding a small customers CSV and a spec over it, for runner tests.
struct RunFixture {
  let directory: URL

  /// Three noisy groups in four columns with ids, some missing incomes, and a truth column.
  init(rows: Int = 90, spec: String? = nil) throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var generator = SeededGenerator(seed: 11)
    var csv = "customer_id,income,visits,basket,tenure,group\n"
    for row in 0..<rows {
      let group = row % 3
      let center = [Double(group) * 4, Double(2 - group) * 3, Double(group % 2) * 5, 1]
      let values = center.map { $0 + generator.nextGaussian() * 0.8 }
      let income = row % 17 == 5 ? "" : String(values[0])
      csv += "C\(1000 + row),\(income),\(values[1]),\(values[2]),\(values[3]),g\(group)\n"
    }
    try csv.write(to: directory.appendingPathComponent("customers.csv"), atomically: true, encoding: .utf8)
    let text = spec ?? """
      {"name": "fixture", "seed": 5, "data": {"path": "customers.csv", "id": "customer_id", "truth": "group"},
       "pipelines": [{"name": "imputed", "steps": [{"use": "impute", "params": {"strategy": "median"}}]},
                     {"name": "scaled", "steps": [{"use": "impute", "params": {"strategy": "median"}}, "standard-scaler"]}],
       "algorithms": [{"use": "kmeans", "params": {"n_init": 2}, "grid": {"k": {"from": 2, "to": 5}}}]}
      """
    try text.write(to: specURL, atomically: true, encoding: .utf8)
  }

  var specURL: URL { directory.appendingPathComponent("spec.json") }

  /// A results root inside the fixture folder.
  func results(_ name: String) -> String { directory.appendingPathComponent(name).path }

  /// Every file under `root`, as relative path → bytes.
  func files(under root: String) throws -> [String: Data] {
    var out: [String: Data] = [:]
    let base = URL(fileURLWithPath: root)
    guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [:] }
    for case let url as URL in walker where !url.hasDirectoryPath {
      out[String(url.path.dropFirst(base.path.count + 1))] = try Data(contentsOf: url)
    }
    return out
  }

  func remove() { try? FileManager.default.removeItem(at: directory) }

  /// Runs the fixture's spec into `out` on an executor of `jobs` threads, as `workbench run --jobs N` does.
  func run(out: String, jobs: Int, fresh: Bool = false, registry: PluginRegistry = .builtIn) throws -> RunSummary {
    try Executor.run(threads: jobs) {
      let prepared = try PreparedExperiment.load(specPath: specURL.path, registry: registry)
      return try Runner(registry: registry).run(prepared.plan, dataset: prepared.dataset, options: RunOptions(outputRoot: out, fresh: fresh))
    }
  }

  /// A trial's labels file in a run folder.
  static func labelsPath(_ run: String, _ configHash: String) -> String { run + "/" + TrialStore.labelsFile(configHash) }
}
