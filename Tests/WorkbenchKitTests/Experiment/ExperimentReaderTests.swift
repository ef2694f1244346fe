import Foundation
import Testing
@testable import WorkbenchKit

@Suite("Experiment spec reader")
struct ExperimentReaderTests {
  let reader = ExperimentReader(registry: .builtIn)

  func read(_ text: String) throws -> Experiment {
    try reader.read(try JSONParser.parse(text), file: "spec.json", baseDirectory: "/specs")
  }

  func problems(_ text: String) -> [Problem] {
    do {
      _ = try read(text)
      Issue.record("expected the spec to be rejected")
      return []
    } catch let error as SpecError {
      return error.problems
    } catch {
      Issue.record("unexpected error \(error)")
      return []
    }
  }

  @Test("a full spec reads with defaults filled and the data path resolved")
  func fullSpec() throws {
    let experiment = try read(
      """
      {"$schema": "../plugins-registry/experiment.schema.json", "name": "demo", "seed": 7,
       "data": {"path": "data/x.csv", "id": "id", "features": ["a", "b"], "truth": "t"},
       "pipelines": [{"name": "scaled", "steps": ["standard-scaler"]}],
       "algorithms": [{"use": "kmeans", "params": {"n_init": 3}, "grid": {"k": {"from": 2, "to": 4}}}],
       "metrics": ["silhouette", "inertia"], "ranking": {"metric": "inertia"}}
      """)
    #expect(experiment.name == "demo")
    #expect(experiment.seed == 7)
    #expect(experiment.data.resolvedPath == "/specs/data/x.csv")
    #expect(experiment.data.features == ["a", "b"])
    #expect(experiment.pipelines.map(\.name) == ["scaled"])
    #expect(experiment.algorithms[0].fixed == ["n_init": 3])
    #expect(experiment.algorithms[0].grid.map(\.parameter) == ["k"])
    #expect(experiment.algorithms[0].grid[0].values == [2, 3, 4])
    #expect(experiment.metrics.map(\.name) == ["silhouette", "inertia"])
    #expect(experiment.ranking.metric == "inertia")
  }

  @Test("an out-of-range grid value is named by its JSON path with a fix")
  func outOfRange() {
    let found = problems(#"{"name": "x", "data": {"path": "d.csv"}, "algorithms": [{"use": "kmeans"}, {"use": "kmeans", "grid": {"k": [3, 0]}}]}"#)
    #expect(found.count == 1)
    #expect(found.first?.location.jsonPath == "algorithms[1].grid.k[1]")
    #expect(found.first?.message == "the 'k' parameter of kmeans must be an integer in [1, 10000]; got 0.")
    #expect(found.first?.fix == "use a whole number from 1 to 10000.")
  }

  @Test("a wrong parameter type is rejected")
  func wrongType() {
    let found = problems(#"{"name": "x", "data": {"path": "d.csv"}, "algorithms": [{"use": "kmeans", "params": {"k": "four"}}]}"#)
    #expect(found.map(\.location.jsonPath) == ["algorithms[0].params.k"])
    #expect(found.first?.message.contains("got \"four\"") == true)
  }

  @Test("an unknown plugin suggests the nearest names")
  func unknownPlugin() {
    let found = problems(#"{"name": "x", "data": {"path": "d.csv"}, "algorithms": ["kmean"]}"#)
    #expect(found.map(\.location.jsonPath) == ["algorithms[0]"])
    // Other names containing 'kmean' ('bisecting-kmeans', 'minibatch-kmeans') are suggested too.
    let message = found.first?.message ?? ""
    #expect(message.hasPrefix("there is no algorithm called 'kmean'. Did you mean ") && message.contains("'kmeans'"))
  }

  @Test("every problem is reported in one pass")
  func allProblemsAtOnce() {
    let found = problems(
      #"{"nmae": "x", "seed": -1, "data": {"id": 3}, "algorithms": [{"use": "kmeans", "grid": {"kk": [2]}}], "metrics": ["silhuette"]}"#)
    let paths = found.map { $0.location.jsonPath ?? "" }
    #expect(paths.contains("name"))
    #expect(paths.contains("seed"))
    #expect(paths.contains("data.path"))
    #expect(paths.contains("data.id"))
    #expect(paths.contains("algorithms[0].grid.kk"))
    #expect(paths.contains("metrics[0]"))
    #expect(paths.contains("nmae"))
    #expect(found.first { $0.location.jsonPath == "nmae" }?.message == "unknown key 'nmae'. Did you mean 'name'?")
  }

  @Test("ranges expand inclusively, reals without rounding noise")
  func ranges() throws {
    var problems: [Problem] = []
    let here = Location(jsonPath: "g")
    #expect(GridAxis.values(["from": 2, "to": 8, "step": 3], at: here, problems: &problems) == [2, 5, 8])
    #expect(GridAxis.values(["from": 0.1, "to": 0.3, "step": 0.1], at: here, problems: &problems) == [0.1, 0.2, 0.3])
    #expect(problems.isEmpty)
    #expect(GridAxis.values(["from": 5, "to": 1], at: here, problems: &problems) == nil)
    #expect(GridAxis.values(4, at: here, problems: &problems) == nil)
    #expect(problems.count == 2)
  }

  @Test("a parameter in both params and grid is rejected")
  func paramsAndGrid() {
    let found = problems(#"{"name": "x", "data": {"path": "d.csv"}, "algorithms": [{"use": "kmeans", "params": {"k": 2}, "grid": {"k": [3]}}]}"#)
    #expect(found.map(\.location.jsonPath) == ["algorithms[0].grid.k"])
  }

  @Test("identical trials from repeated grid values are rejected")
  func duplicateTrials() {
    let found = problems(#"{"name": "x", "data": {"path": "d.csv"}, "algorithms": [{"use": "kmeans", "grid": {"k": [3, 3]}}]}"#)
    #expect(found.count == 1)
    #expect(found.first?.message.hasPrefix("this produces a trial identical to one from algorithms[0]") == true)
  }

  @Test("the ranking metric must be one of the experiment's metrics")
  func ranking() {
    let found = problems(#"{"name": "x", "data": {"path": "d.csv"}, "algorithms": ["kmeans"], "metrics": ["inertia"], "ranking": {"metric": "silhouette"}}"#)
    #expect(found.map(\.location.jsonPath) == ["ranking.metric"])
  }

  @Test("categorical columns reaching a numeric-only algorithm unencoded are a spec error at the algorithm")
  func categoricalToKMeans() {
    let found = problems(
      #"{"name": "x", "data": {"path": "d.csv", "categorical": ["region"]}, "pipelines": [{"name": "raw"}, {"name": "enc", "steps": ["one-hot"]}], "algorithms": ["kprototypes", "kmeans"]}"#)
    #expect(found.map(\.location.jsonPath) == ["algorithms[1]"])
    #expect(found.first?.message == "kmeans needs numeric features, but pipeline 'raw' passes the categorical column region (data.categorical) through unencoded.")
    #expect(found.first?.fix?.hasPrefix("add a \"one-hot\" step to the pipeline") == true)
    let two = problems(
      #"{"name": "x", "data": {"path": "d.csv", "categorical": ["region", "tier"]}, "pipelines": [{"name": "raw"}, {"name": "scaled", "steps": ["standard-scaler"]}], "algorithms": ["kmeans"]}"#)
    #expect(two.first?.message == "kmeans needs numeric features, but pipelines 'raw' and 'scaled' pass the categorical columns region, tier (data.categorical) through unencoded.")
    #expect(two.first?.fix?.hasPrefix("add a \"one-hot\" step to each of them") == true)
  }

  @Test("malformed JSON in a file names the line and column")
  func malformedFile() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("malformed-\(UInt32.random(in: 0...UInt32.max)).json").path
    try "{\n  \"name\": \"x\"\n  \"seed\": 1\n}".write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: SpecError(Location(file: path, jsonPath: "", line: 3, column: 3), "malformed JSON: expected ',' or '}' but found '\"'.", fix: "correct the JSON at that position.")) {
      try reader.read(path: path)
    }
  }
}
