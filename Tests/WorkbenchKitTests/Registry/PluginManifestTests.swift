import Foundation
import Testing
@testable import WorkbenchKit

@Suite("Plugin manifests and schema")
struct PluginManifestTests {
  /// The repository's plugins-registry folder.
  static let registryFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("plugins-registry")

  @Test("committed manifests match the code (run `workbench plugins export` after changing a plugin)")
  func manifestsInSync() throws {
    let files = PluginManifest.files(of: .builtIn)
    for file in files {
      let committed = try? String(contentsOf: Self.registryFolder.appendingPathComponent(file.name), encoding: .utf8)
      #expect(committed == file.text, "plugins-registry/\(file.name) differs from the code")
    }
    let jsonFiles = try FileManager.default.contentsOfDirectory(atPath: Self.registryFolder.path).filter { $0.hasSuffix(".json") }.sorted()
    #expect(jsonFiles == files.map(\.name).sorted(), "plugins-registry holds manifests of plugins that are not registered")
  }

  @Test("a manifest carries every declared parameter with its default and constraint")
  func manifestContent() {
    let manifest = PluginManifest.make(KMeans.self, kind: .algorithm)
    let parameters = manifest.object?["parameters"]?.array ?? []
    #expect(parameters.compactMap { $0.object?["name"]?.string } == KMeans.parameters.map(\.name))
    let k = parameters.first { $0.object?["name"] == "k" }?.object
    #expect(k?["schema"] == ["type": "integer", "minimum": 1, "maximum": 10_000])
    #expect(manifest.object?["manifest_version"] == 1)
    #expect(manifest.object?["capabilities"]?.object?["uses_randomness"] == true)
  }

  @Test("the spec schema lists every plugin and its parameters")
  func schema() {
    let schema = ExperimentSchema.make(.builtIn)
    let algorithms = schema.object?["$defs"]?.object?["algorithm"]?.object?["anyOf"]?.array ?? []
    #expect(algorithms.first?.object?["enum"] == .array(PluginRegistry.builtIn.names(of: .algorithm).map(JSONValue.string)))
    let kmeans = algorithms.first { $0.object?["properties"]?.object?["use"] == ["const": "kmeans"] }
    let params = kmeans?.object?["properties"]?.object?["params"]?.object?["properties"]?.object ?? [:]
    #expect(params.keys.sorted() == KMeans.parameters.map(\.name).sorted())
    #expect(params["k"]?.object?["description"] != nil)
  }

  @Test("the registry rejects inconsistent declarations, all at once")
  func registryValidation() {
    struct Bad: ClusterMetric {
      static let name = "Bad_Name"
      static let summary = "a metric with problems"
      static let parameters = [ParameterSpec("x", .integer(minimum: 1), default: 0, "x"), ParameterSpec("x", .boolean, default: true, "again")]
      static let direction = MetricDirection.higherIsBetter
      static let bounds: ClosedRange<Double>? = nil
      init(validated: Parameters) {}
      func score(_ input: MetricInput, context: FitContext) -> Score { .value(0) }
    }
    do {
      _ = try PluginRegistry(preprocessors: [], algorithms: [], metrics: [Bad.self, Bad.self])
      Issue.record("expected a registry error")
    } catch {
      #expect(error.problems.contains("'Bad_Name' is not a kebab-case name"))
      #expect(error.problems.contains("Bad_Name declares 'x' twice"))
      #expect(error.problems.contains("the default of Bad_Name.x, 0, is not an integer ≥ 1"))
      #expect(error.problems.contains("the name 'Bad_Name' is registered twice (names are unique across roles)"))
    }
  }
}
