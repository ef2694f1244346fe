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
    let manifest = PluginManifest.make(AlgorithmDescriptor(KMeans.self))
    let parameters = manifest.object?["parameters"]?.array ?? []
    #expect(parameters.compactMap { $0.object?["name"]?.string } == KMeans.parameters.map(\.name))
    let k = parameters.first { $0.object?["name"] == "k" }?.object
    #expect(k?["schema"] == ["type": "integer", "minimum": 1, "maximum": 10_000])
    #expect(manifest.object?["manifest_version"] == 2)
    #expect(manifest.object?["capabilities"]?.object?["uses_randomness"] == true)
  }

  @Test("every built-in manifest reads back into the declarations it was written from")
  func roundTrip() throws {
    for plugin in PluginRegistry.builtIn.allPlugins {
      let declaration = try PluginManifest.declaration(PluginManifest.make(plugin), file: "\(plugin.name).json")
      #expect(declaration.name == plugin.name && declaration.kind == plugin.kind && declaration.summary == plugin.summary)
      #expect(declaration.parameters == plugin.parameters, "\(plugin.name): parameters")
      switch plugin {
      case let algorithm as AlgorithmDescriptor:
        #expect(declaration.capabilities == algorithm.capabilities, "\(plugin.name)")
      case let step as PreprocessorDescriptor:
        #expect(declaration.categoricalEffect == step.categoricalEffect, "\(plugin.name)")
      case let metric as MetricDescriptor:
        #expect(declaration.direction == metric.direction && declaration.bounds == metric.bounds && declaration.needs == metric.needs, "\(plugin.name)")
        #expect(declaration.kRule == metric.kRule && declaration.computedByDefault == metric.computedByDefault, "\(plugin.name)")
        #expect(declaration.pairwiseCost == metric.pairwiseCost, "\(plugin.name)")
      default:
        Issue.record("\(plugin.name) has no role")
      }
    }
  }

  @Test("a manifest with wrong parameter schemas, an unknown role and unknown keys is refused with every problem located")
  func badManifest() {
    let json = try! JSONParser.parse(#"{"manifest_version": 2, "name": "x", "kind": "clusterer", "summary": "s", "parameters": [{"name": "k", "description": "d", "schema": {"type": "tuple"}}, {"name": "t", "description": "d", "schema": {"type": "integer", "minimum": 1}, "default": 0}], "colour": "red"}"#)
    do {
      _ = try PluginManifest.declaration(json, file: "x.json")
      Issue.record("expected an error")
    } catch {
      #expect(error.problems.map { $0.location.jsonPath ?? "" } == ["kind", "parameters[0].schema", "parameters[1].default", "colour"])
    }
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
