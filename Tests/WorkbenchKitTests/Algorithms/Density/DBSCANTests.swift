import Testing
import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

@Suite("dbscan")
struct DBSCANTests {
  @Test("labels equal scikit-learn's DBSCAN on generated data, Iris and Wine: same noise, same clusters, border rows included")
  func fixtures() throws {
    let compared = try DensityReference.forEachCase(\.dbscan, of: DBSCAN.self) { _, testCase, label, clustering in
      let expected = try DensityReference.labels(testCase)
      let problems = partitionProblems(clustering.labels, expected)
      #expect(problems.isEmpty, "\(label): \(problems.prefix(5))")
      #expect(clustering.clusterCount == (expected.max() ?? -1) + 1, "\(label): cluster count")
    }
    #expect(compared == 25)
  }

  @Test("clusters are numbered by their lowest core row, so labels equal scikit-learn's exactly")
  func numbering() throws {
    let dataset = DensityReference.shared.datasets[0]
    let testCase = dataset.dbscan[0]
    let clustering = try DensityReference.algorithm(DBSCAN.self, try DensityReference.parameters(testCase)).fit(dataset.x, context: FitContext(seed: 0))
    #expect(clustering.labels == (try DensityReference.labels(testCase)))
  }

  @Test("a border row within eps of two clusters joins the one with the lower first core row, as scikit-learn's search reaches it")
  func borderRow() throws {
    // Cores near 0 (cluster 0) and near 2.3 (cluster 1); the last row, at 1.2, is within eps of 0.2 and 2.2 only.
    let x = Matrix([[0], [0.05], [0.1], [0.2], [2.2], [2.3], [2.35], [2.4], [1.2]])
    let dbscan = try DensityReference.algorithm(DBSCAN.self, ["eps": 1.05, "min_samples": 4])
    #expect(try dbscan.fit(x, context: FitContext(seed: 0)).labels == [0, 0, 0, 0, 1, 1, 1, 1, 0])
    let reversed = Matrix([[2.4], [2.35], [2.3], [2.2], [0.2], [0.1], [0.05], [0], [1.2]])
    #expect(try dbscan.fit(reversed, context: FitContext(seed: 0)).labels == [0, 0, 0, 0, 1, 1, 1, 1, 0])
  }

  @Test("all rows noise is a valid clustering with 0 clusters and a note; one dense group is one cluster")
  func degenerate() throws {
    let x = Matrix([[0, 0], [10, 0], [0, 10], [10, 10]])
    let sparse = try DensityReference.algorithm(DBSCAN.self, ["eps": 1.0, "min_samples": 2]).fit(x, context: FitContext(seed: 0))
    #expect(sparse.labels == [-1, -1, -1, -1])
    #expect(sparse.clusterCount == 0)
    #expect(sparse.diagnostics.notes.first?.contains("every row is noise") == true)
    let dense = try DensityReference.algorithm(DBSCAN.self, ["eps": 20.0, "min_samples": 2]).fit(x, context: FitContext(seed: 0))
    #expect(dense.labels == [0, 0, 0, 0])
    #expect(dense.clusterCount == 1)
    let none = try DensityReference.algorithm(DBSCAN.self, [:])
    #expect(throws: FitError.self) { try none.fit(Matrix(rows: 0, columns: 2), context: FitContext(seed: 0)) }
  }

  @Test("predict labels a new row by its nearest core row within eps, else noise; fit rows keep their labels")
  func predict() throws {
    let x = Matrix([[0], [0.1], [0.2], [5], [5.1], [5.2], [20]])
    let clustering = try DensityReference.algorithm(DBSCAN.self, ["eps": 0.5, "min_samples": 3]).fit(x, context: FitContext(seed: 0))
    let model = try #require(clustering.model)
    #expect(try DBSCAN.predict(model: model, input: ClusteringInput(numeric: x)).labels == clustering.labels)
    let new = Matrix([[0.6], [0.71], [4.9], [12]])
    #expect(try DBSCAN.predict(model: model, input: ClusteringInput(numeric: new)).labels == [0, -1, 1, -1])
  }

  @Test("cosine rejects an all-zero row with a reason naming it")
  func cosineZeroRow() throws {
    let x = Matrix([[1, 0], [0, 0], [0, 1]])
    let dbscan = try DensityReference.algorithm(DBSCAN.self, ["metric": "cosine"])
    #expect(throws: FitError.degenerate(
      "dbscan with the cosine metric cannot place row 2: all its features are 0, so it has no direction; "
        + "use \"metric\": \"euclidean\", or leave out (or shift) all-zero rows")) { try dbscan.fit(x, context: FitContext(seed: 0)) }
  }

  @Test("bad eps and min_samples are spec errors at their path with a fix")
  func badParameters() {
    let path = Location(file: "x.json", jsonPath: "algorithms[0].params")
    for (given, key) in [(["eps": JSONValue.double(0)], "eps"), (["min_samples": JSONValue.int(0)], "min_samples"), (["metric": JSONValue.string("l3")], "metric")] {
      guard case .failure(let error) = Parameters.resolve(given, for: DBSCAN.self, at: path) else {
        Issue.record("\(given) was accepted")
        continue
      }
      #expect(error.description.contains("algorithms[0].params.\(key)"), "\(error)")
      #expect(error.description.contains("Fix:"), "\(error)")
    }
  }
}
