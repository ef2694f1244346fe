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

@Suite("customers.csv with derived columns and excluded rows")
struct CustomersFileRunTests {
  @Test("every data row in file order: data columns, the derived column as created, segment_id, segment_name, excluded_by")
  func derivedAndExcluded() async throws {
    let fixture = try RunFixture(
      spec: #"{"name": "derived", "data": {"path": "customers.csv", "id": "customer_id", "truth": "group"}, "pipelines": [{"name": "p", "steps": ["drop-first-missing", {"use": "derive", "params": {"columns": {"spend": "basket * visits"}}}, "standard-scaler"]}], "algorithms": [{"use": "kmeans", "params": {"k": 3}}]}"#)
    defer { fixture.remove() }
    let builtIn = PluginRegistry.builtIn
    let registry = try PluginRegistry(preprocessors: builtIn.preprocessors + [PreprocessorDescriptor(DropFirstMissing.self)], algorithms: builtIn.algorithms, metrics: builtIn.metrics)
    let summary = try fixture.run(out: fixture.results("d"), jobs: 1, registry: registry)
    let data = try CSVReader(textColumns: ["customer_id"]).read(path: fixture.directory.path + "/customers.csv")
    let customers = try CSVReader(textColumns: ["customer_id"]).read(path: summary.directory + "/customers.csv")
    #expect(customers.columnNames == data.columnNames + ["spend", "segment_id", "segment_name", "excluded_by"])
    #expect(customers.rowCount == 90)
    for column in data.columns {
      #expect((0..<90).allSatisfy { customers.column(named: column.name)!.text(at: $0) == column.text(at: $0) }, "\(column.name) as read")
    }
    let income = try #require(data.column(named: "income")?.numbers)
    let basket = data.column(named: "basket")!.numbers!, visits = data.column(named: "visits")!.numbers!
    let spend = try #require(customers.column(named: "spend")?.numbers)
    let segment = try #require(customers.column(named: "segment_id")?.numbers)
    let names = try #require(customers.column(named: "segment_name")?.labels)
    let excluded = try #require(customers.column(named: "excluded_by")?.labels)
    for row in 0..<90 {
      if income[row].isNaN {
        #expect(spend[row].isNaN && segment[row].isNaN && names[row] == nil && excluded[row] == "1:drop-first-missing", "row \(row) excluded")
      } else {
        #expect(abs(spend[row] - basket[row] * visits[row]) <= 1e-12 * abs(basket[row] * visits[row]), "spend before scaling, row \(row)")
        #expect(excluded[row] == nil && names[row] != nil && (0...2).contains(segment[row]), "row \(row) labelled")
      }
    }
    #expect(excluded.count { $0 != nil } == 5)
    let labels = try LabelsFile.parse(Data(contentsOf: URL(fileURLWithPath: RunFixture.labelsPath(summary.directory, summary.records[0].configHash))), path: "labels")
    #expect(segment.map { $0.isNaN ? nil : Int($0) } == labels.labels)
    let segments = try CSVReader().read(path: summary.directory + "/segments.csv")
    let sizes = try #require(segments.column(named: "size")?.numbers)
    #expect(sizes.reduce(0, +) == 85, "excluded rows are in no segment")
    let ids = try #require(segments.column(named: "segment_id")?.numbers)
    for (id, name) in zip(ids, segments.column(named: "name")!.labels!) {
      #expect((0..<90).filter { segment[$0] == id }.allSatisfy { names[$0] == name }, "segment \(id) is '\(name ?? "")' in both files")
    }
  }
}
