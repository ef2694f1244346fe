import Testing
import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

/// Tolerances: probabilities and outlier scores are ratios of λ = 1 / distance, computed from the same spanning-tree
/// weights up to summation order, so they agree to about 1e-12; 1e-9 leaves room and still catches any wrong λ.
private let scoreTolerance = 1e-9

@Suite("hdbscan")
struct HDBSCANTests {
  @Test(
    """
    labels equal scikit-learn's HDBSCAN for every selection setting, and probabilities to 1e-9 where the spanning tree \
    is unique; with tied mutual reachability (larger min_samples, duplicate rows) only rows a tie decides may differ
    """)
  func fixtures() throws {
    var exact = 0
    let compared = try DensityReference.forEachCase(\.hdbscan, of: HDBSCAN.self) { _, testCase, label, clustering in
      let expected = try DensityReference.labels(testCase)
      guard testCase.object?["exact"] == .bool(true) else {
        let problems = partitionProblems(clustering.labels, expected, tied: try DensityReference.tied(testCase))
        #expect(problems.isEmpty, "\(label): \(problems.prefix(5))")
        return
      }
      #expect(partitionProblems(clustering.labels, expected).isEmpty, "\(label): \(partitionProblems(clustering.labels, expected).prefix(5))")
      let probabilities = try #require(clustering.rowScores.first { $0.name == "probability" }).values
      let reference = try DensityReference.reals(try FixtureLoader.field(testCase, "probabilities"), "probabilities")
      expectClose(probabilities, reference, relative: scoreTolerance, "\(label) probabilities")
      exact += 1
    }
    #expect(compared == 40)
    #expect(exact == 18)
  }

  @Test("GLOSH outlier scores and approximate_predict equal the hdbscan library's (exact cases where its partition is scikit-learn's)")
  func library() throws {
    let compared = try DensityReference.forEachCase(\.hdbscan, of: HDBSCAN.self, where: { ($0.object?["library"] ?? .null) != .null }) {
      _, testCase, label, clustering in
      let library = try FixtureLoader.field(testCase, "library")
      let scores = try #require(clustering.rowScores.first { $0.name == "outlier_score" }).values
      let reference = try DensityReference.reals(try FixtureLoader.field(library, "outlier_scores"), "outlier_scores")
      expectClose(scores, reference, relative: scoreTolerance, "\(label) outlier scores")
      let queries = try FixtureLoader.matrix(try FixtureLoader.field(library, "predict_queries"), "predict_queries")
      let prediction = try HDBSCAN.predict(model: try #require(clustering.model), input: ClusteringInput(numeric: queries))
      let expectedLabels = try FixtureLoader.ints(try FixtureLoader.field(library, "predict_labels"), "predict_labels")
      // Predicted labels are in the fit's (scikit-learn's) numbering; compare them through our relabelling of the fit.
      let fitted = try DensityReference.labels(testCase)
      var ourLabelOf: [Int: Int] = [:]
      for row in fitted.indices where fitted[row] >= 0 { ourLabelOf[fitted[row]] = clustering.labels[row] }
      #expect(prediction.labels == expectedLabels.map { $0 >= 0 ? ourLabelOf[$0] ?? -2 : -1 }, "\(label) predicted labels")
      let probabilities = try #require(prediction.rowScores.first { $0.name == "probability" }).values
      expectClose(
        probabilities, try DensityReference.reals(try FixtureLoader.field(library, "predict_probabilities"), "predict_probabilities"),
        relative: scoreTolerance, "\(label) predicted probabilities")
    }
    #expect(compared == 18)
  }

  @Test("the condensed tree is saved as parent, child, lambda_val and child_size arrays, without labels")
  func hierarchy() throws {
    let dataset = DensityReference.shared.datasets[1]
    let clustering = try DensityReference.algorithm(HDBSCAN.self, [:]).fit(dataset.x, context: FitContext(seed: 0))
    let tree = try #require(clustering.hierarchy?.object)
    #expect(Set(tree.keys) == ["rows", "parent", "child", "lambda_val", "child_size"])
    let children = try FixtureLoader.ints(try #require(tree["child"]), "child")
    #expect(Set(children.filter { $0 < dataset.x.rows }) == Set(0..<dataset.x.rows), "every row leaves the tree once")
    #expect(try FixtureLoader.ints(try #require(tree["parent"]), "parent").min() == dataset.x.rows)
  }

  @Test("no surviving cluster gives all noise with 0 clusters and a note; too few rows throws")
  func degenerate() throws {
    let x = Matrix((0..<12).map { [Double($0 * $0)] })
    let clustering = try DensityReference.algorithm(HDBSCAN.self, ["min_cluster_size": 7]).fit(x, context: FitContext(seed: 0))
    #expect(clustering.labels.allSatisfy { $0 == -1 })
    #expect(clustering.clusterCount == 0)
    #expect(clustering.diagnostics.notes.first?.contains("every row is noise") == true)
    let single = try DensityReference.algorithm(HDBSCAN.self, ["min_cluster_size": 2, "allow_single_cluster": true])
      .fit(Matrix([[0], [0.1], [0.2], [0.3]]), context: FitContext(seed: 0))
    #expect(single.clusterCount == 1)
    let hdbscan = try DensityReference.algorithm(HDBSCAN.self, ["min_cluster_size": 5])
    #expect(throws: FitError.self) { try hdbscan.fit(Matrix([[0], [1], [2]]), context: FitContext(seed: 0)) }
    #expect(throws: FitError.self) { try hdbscan.fit(Matrix([[0]]), context: FitContext(seed: 0)) }
  }

  /// Duplicate rows merge at distance 0, so the cluster holding them has λ_max = +∞; the `hdbscan` library's GLOSH
  /// formula gives NaN there (∞ / ∞) for every row of that cluster, which used to fail the trial.
  @Test("duplicate rows: the fit succeeds; GLOSH takes its limit, 0 for the duplicates and 1 for the other rows under λ_max = ∞")
  func duplicates() throws {
    let grid = (0..<20).map { [Double($0 % 5) * 0.3, Double($0 / 5) * 0.3] }
    let x = Matrix(Array(repeating: [0.6, 0.45], count: 10) + grid + grid.map { [$0[0] + 10, $0[1] + 10] })
    let clustering = try DensityReference.algorithm(HDBSCAN.self, ["min_cluster_size": 5]).fit(x, context: FitContext(seed: 0))
    #expect(clustering.clusterCount == 2)
    #expect(Set(clustering.labels[0..<30]).count == 1 && Set(clustering.labels[30...]).count == 1 && clustering.labels[0] != clustering.labels[30])
    let scores = try #require(clustering.rowScores.first { $0.name == "outlier_score" }).values
    #expect(scores[0..<10].allSatisfy { $0 == 0 }, "the duplicates leave at λ = ∞")
    #expect(scores[10..<30].allSatisfy { $0 == 1 }, "\(scores[10..<30])")
    #expect(scores[30...].allSatisfy { $0 >= 0 && $0 < 1 }, "\(scores[30...])")
    let tiny = Matrix(Array(repeating: [1.0, 2.0], count: 5) + [[9, 9]])
    let few = try DensityReference.algorithm(HDBSCAN.self, [:]).fit(tiny, context: FitContext(seed: 0))
    #expect(try #require(few.rowScores.first { $0.name == "outlier_score" }).values.allSatisfy(\.isFinite))
  }

  @Test("bad min_cluster_size and min_samples are spec errors at their path with a fix")
  func badParameters() {
    let path = Location(file: "x.json", jsonPath: "algorithms[0].params")
    for (given, key) in [
      (["min_cluster_size": JSONValue.int(1)], "min_cluster_size"), (["min_samples": JSONValue.int(0)], "min_samples"),
      (["cluster_selection_epsilon": JSONValue.double(-1)], "cluster_selection_epsilon"),
    ] {
      guard case .failure(let error) = Parameters.resolve(given, for: HDBSCAN.self, at: path) else {
        Issue.record("\(given) was accepted")
        continue
      }
      #expect(error.description.contains("algorithms[0].params.\(key)") && error.description.contains("Fix:"), "\(error)")
    }
  }
}
