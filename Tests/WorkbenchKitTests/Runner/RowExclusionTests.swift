import Foundation
import Testing
@testable import WorkbenchKit

/// A test step that drops every row whose first column is missing.
private struct DropFirstMissing: Preprocessor {
  static let name = "drop-first-missing"
  static let summary = "test step"
  static let parameters: [ParameterSpec] = []
  init(validated: Parameters) {}
  func fit(_ table: DataTable, context: FitContext) throws -> any FittedPreprocessor { Fitted() }
  static func restore(state: JSONValue) throws -> any FittedPreprocessor { Fitted() }

  struct Fitted: FittedPreprocessor {
    var summary: JSONValue? { nil }
    var state: JSONValue { .object([:]) }
    func transform(_ table: DataTable) throws -> DataTable {
      let keep = table.columns[0].numbers!.indices.filter { !table.columns[0].numbers![$0].isNaN }
      return table.selecting(rows: keep)
    }
  }
}

@Suite("Rows excluded by pipeline steps")
struct RowExclusionTests {
  @Test("excluded rows stay in the labels file, marked with the step, and are counted")
  func excludedRows() async throws {
    let fixture = try RunFixture(
      spec: #"{"name": "excl", "data": {"path": "customers.csv", "id": "customer_id", "truth": "group"}, "pipelines": [{"name": "dropped", "steps": ["drop-first-missing"]}], "algorithms": [{"use": "kmeans", "params": {"k": 3}}]}"#)
    defer { fixture.remove() }
    let builtIn = PluginRegistry.builtIn
    let registry = try PluginRegistry(preprocessors: builtIn.preprocessors + [PreprocessorDescriptor(DropFirstMissing.self)], algorithms: builtIn.algorithms, metrics: builtIn.metrics)
    let summary = try fixture.run(out: fixture.results("x"), jobs: 1, registry: registry)
    let record = try #require(summary.records.first)
    #expect(record.status == .ok)
    #expect(record.excluded == ["1:drop-first-missing": 5])
    #expect(record.sizes.reduce(0, +) == 85)
    let lines = try String(contentsOfFile: RunFixture.labelsPath(summary.directory, record.configHash), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "customer_id,label,excluded_by")
    #expect(lines.count == 92)
    #expect(lines[6] == "C1005,,1:drop-first-missing")
    #expect(lines[1].hasPrefix("C1000,") && lines[1].hasSuffix(","))
    let manifest = try JSONParser.parse(String(contentsOfFile: summary.directory + "/manifest.json", encoding: .utf8))
    #expect(manifest.object?["pipelines"]?.array?.first?.object?["excluded_rows"] == ["1:drop-first-missing": 5])
  }
}
