import Foundation
import Testing
@testable import WorkbenchKit

/// The insight files of the shipped default experiment, through the real run path (``Runner`` and its finalize step).
///
/// The spec is `experiments/customer-segments.json` on `experiments/data/customers.csv`
/// (5,000 simulated customers with their latent segment in `segment`), with
/// ``reduce(_:)`` applied so the debug test suite runs it in seconds; CI runs
/// the full spec in release and checks the same files with pandas
/// (`.ci/check_exports.py`).
@Suite("Insight of the default experiment")
struct DefaultExperimentInsightTests {
  /// The shipped spec's changes for this test: one k-means start, two stability resamples, silhouette on
  /// two 1,000-row subsamples, a smaller forest.
  ///
  /// The grid (both pipelines, k = 2…8), the metrics and the ranking rule are
  /// the shipped ones, so the ranking chooses among the same candidates; in a
  /// release build this spec chooses what the shipped one chooses (scaled,
  /// k = 4: At risk, New customers, Discount seekers, High spenders; the
  /// occasional buyers split between the first two), at a twentieth of the cost.
  static func reduce(_ spec: [String: JSONValue]) -> [String: JSONValue] {
    var spec = spec
    spec["algorithms"] = [["use": "kmeans", "params": ["n_init": 1], "grid": ["k": ["from": 2, "to": 8]]]]
    spec["metrics"] = [["use": "silhouette", "params": ["sample_size": 1000, "repeats": 2]], "calinski-harabasz", "davies-bouldin", "inertia"]
    spec["stability"] = ["method": "bootstrap", "resamples": 2]
    spec["insight"] = ["trees": 20, "permutation_repeats": 2]
    return spec
  }

  /// One run of the reduced default experiment, shared by the tests: its folder and the data as read.
  struct DefaultRun {
    let directory: String
    let data: DataTable
    let chosen: TrialRecord
  }

  static let run: Result<DefaultRun, any Error> = Result {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-default-insight-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let shipped = ShippedData.root.appendingPathComponent("experiments")
    var spec = try JSONParser.parse(String(contentsOf: shipped.appendingPathComponent("customer-segments.json"), encoding: .utf8)).object!
    var data = spec["data"]!.object!
    data["path"] = .string(shipped.appendingPathComponent("data/customers.csv").path)
    spec["data"] = .object(data)
    spec["$schema"] = nil
    let specPath = folder.appendingPathComponent("customer-segments.json").path
    try JSONValue.object(reduce(spec)).prettyText.write(toFile: specPath, atomically: true, encoding: .utf8)
    let prepared = try PreparedExperiment.load(specPath: specPath, registry: .builtIn)
    let summary = try Runner(registry: .builtIn).run(prepared.plan, dataset: prepared.dataset, options: RunOptions(outputRoot: folder.path))
    let chosen = try #require(summary.leaderboard.ranked.first?.record)
    return DefaultRun(directory: summary.directory, data: try ShippedData.table("customers.csv"), chosen: chosen)
  }

  /// A CSV file of the run, read as the workbench reads data (types inferred per column).
  static func table(_ file: String, in run: DefaultRun) throws -> DataTable {
    try CSVReader().read(path: run.directory + "/" + file)
  }

  @Test("the chosen segmentation's names identify at least four of the five latent segments")
  func namesIdentifyLatentSegments() throws {
    let run = try Self.run.get()
    let segments = try Self.table("segments.csv", in: run)
    let ids = try #require(segments.column(named: "segment_id")?.numbers).map { Int($0) }
    let names = try #require(segments.column(named: "name")?.labels).map { $0 ?? "" }
    let labels = try LabelsFile.parse(Data(contentsOf: URL(fileURLWithPath: RunFixture.labelsPath(run.directory, run.chosen.configHash))), path: "labels").labels
    let truth = try #require(run.data.column(named: "segment")?.labels)
    let found = LatentSegmentMatching.matches(names: Dictionary(uniqueKeysWithValues: zip(ids, names)), labels: labels, truth: truth)
    #expect(found.count(where: \.identified) >= 4, "trial \(run.chosen.configHash) (\(run.chosen.pipeline), k = \(run.chosen.clusterCount ?? 0)): \(found)")
    #expect(Set(names).count == names.count, "names are unique: \(names)")
  }

  @Test("segments.csv: one row per segment with id, name, size, share and the mean of every profiled numeric column, as the insight JSON")
  func segmentsFile() throws {
    let run = try Self.run.get()
    let segments = try Self.table("segments.csv", in: run)
    let insight = try JSONParser.parse(String(contentsOfFile: run.directory + "/insight/\(run.chosen.configHash).json", encoding: .utf8))
    let numeric = try #require(insight.object?["profiles"]?.object?["numeric"]?.array).compactMap { $0.object?["column"]?.string }
    #expect(numeric == CustomerSimulator.numericColumns, "every numeric column of the data is profiled")
    #expect(segments.columnNames == ["segment_id", "name", "size", "share"] + numeric.map { "mean_" + $0 })
    #expect(segments.columns.map(\.isNumeric) == [true, false, true, true] + numeric.map { _ in true })
    let json = try #require(insight.object?["segments"]?.array)
    #expect(segments.rowCount == json.count && segments.rowCount == run.chosen.clusterCount)
    #expect(segments.column(named: "segment_id")?.numbers == json.compactMap { $0.object?["id"]?.number })
    #expect(segments.column(named: "name")?.labels == json.map { $0.object?["name"]?.string })
    #expect(segments.column(named: "size")?.numbers == json.compactMap { $0.object?["size"]?.number })
    #expect(segments.column(named: "size")?.numbers?.reduce(0, +) == Double(run.data.rowCount))
    #expect(abs((segments.column(named: "share")?.numbers?.reduce(0, +) ?? 0) - 1) < 1e-12)
    // The means are the data's own, in original units: segment 0's mean income from the rows labelled 0.
    let labels = try LabelsFile.parse(Data(contentsOf: URL(fileURLWithPath: RunFixture.labelsPath(run.directory, run.chosen.configHash))), path: "labels").labels
    let first = Int(try #require(segments.column(named: "segment_id")?.numbers?.first))
    let incomes = try #require(run.data.column(named: "income")?.numbers).indices.filter { labels[$0] == first }.map { run.data.column(named: "income")!.numbers![$0] }
      .filter { !$0.isNaN }
    let mean = incomes.reduce(0, +) / Double(incomes.count)
    #expect(abs(try #require(segments.column(named: "mean_income")?.numbers?.first) - mean) <= 1e-9 * mean)
  }

  @Test("customers.csv: every data row with its columns unchanged, then segment_id and segment_name as in segments.csv and the labels file")
  func customersFile() throws {
    let run = try Self.run.get()
    let customers = try CSVReader(textColumns: ["customer_id"]).read(path: run.directory + "/customers.csv")
    let data = run.data
    #expect(customers.rowCount == data.rowCount)
    #expect(customers.columnNames == data.columnNames + ["segment_id", "segment_name"], "no step derives or excludes: the data's columns, then the segment")
    for column in data.columns {
      let copy = try #require(customers.column(named: column.name))
      #expect(copy.isNumeric == column.isNumeric, "\(column.name) keeps its type")
      #expect((0..<data.rowCount).allSatisfy { copy.text(at: $0) == column.text(at: $0) }, "\(column.name) keeps its values")
    }
    let labels = try LabelsFile.parse(Data(contentsOf: URL(fileURLWithPath: RunFixture.labelsPath(run.directory, run.chosen.configHash))), path: "labels").labels
    #expect(try #require(customers.column(named: "segment_id")?.numbers).map { Int($0) } == labels.map { $0! })
    let segments = try Self.table("segments.csv", in: run)
    let names = Dictionary(
      uniqueKeysWithValues: zip(try #require(segments.column(named: "segment_id")?.numbers).map { Int($0) }, segments.column(named: "name")!.labels!))
    #expect(customers.column(named: "segment_name")?.labels == labels.map { names[$0!]! })
  }
}
