import Testing
@testable import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

@Suite("kmedoids")
struct KMedoidsTests {
  /// The `kmedoids` package's PAM (BUILD + classic SWAP) on dissimilarities from scipy's cdist; our FastPAM1 sums
  /// in another order, so the total deviation agrees to rounding (1e-9 relative) and medoids and labels exactly.
  @Test("PAM reaches the reference PAM's total deviation, medoids and labels on Iris and Wine", arguments: ["iris-standardized", "wine-standardized"])
  func pamMatchesReference(_ dataset: String) throws {
    let x = try ReferenceDataset.load(dataset).x
    let pam = try MixedReference.list(FixtureLoader.field(MixedReference.load("kmedoids-reference"), dataset), "pam")
    #expect(pam.count == 7)
    for reference in pam {
      try expectPAM(ClusteringInput(numeric: x), reference, "\(dataset) \(try MixedReference.text(reference, "name"))")
    }
  }

  @Test("PAM with Gower reaches the reference PAM on a mixed table")
  func pamMatchesReferenceOnMixedData() throws {
    let mixed = try FixtureLoader.field(MixedReference.load("kmedoids-reference"), "mixed")
    let input = try MixedReference.input(mixed)
    #expect(input.categorical.count == 2)
    for reference in try MixedReference.list(mixed, "pam") {
      try expectPAM(input, reference, "mixed \(try MixedReference.text(reference, "name"))")
    }
  }

  private func expectPAM(_ input: ClusteringInput, _ reference: JSONValue, _ label: String) throws {
    let k = try MixedReference.int(reference, "k")
    let metric = try MixedReference.text(reference, "metric")
    let plugin = try makePlugin(KMedoids.self, ["k": .int(k), "metric": .string(metric)])
    let space = try KMedoids.space(for: input, metric: plugin.metric)
    let matrix = try DissimilarityMatrix(space)
    #expect(try KMedoids.build(matrix, count: k, context: FitContext(seed: 0)) == MixedReference.ints(reference, "build_medoids"), "\(label): BUILD")
    let result = try plugin.fit(input, context: FitContext(seed: 0))
    #expect(result.exemplars == (try MixedReference.ints(reference, "medoids")), "\(label): medoids")
    #expect(result.labels == (try MixedReference.ints(reference, "labels")), "\(label): labels")
    #expect(result.diagnostics.converged == true, "\(label): converged")
    #expect(result.diagnostics.inertia == nil, "\(label): no inertia for a non-squared metric")
    let total = try #require(result.model?.object?["total_deviation"]?.number)
    expectClose(total, try MixedReference.number(reference, "loss"), relative: 1e-9, "\(label): total deviation")
  }

  @Test("alternating from the reference's initial medoids reaches its medoids, labels and total deviation")
  func alternateMatchesReference() throws {
    let json = try MixedReference.load("kmedoids-reference")
    var inputs: [(String, ClusteringInput, JSONValue)] = []
    for dataset in ["iris-standardized", "wine-standardized"] {
      let x = try ReferenceDataset.load(dataset).x
      for c in try MixedReference.list(FixtureLoader.field(json, dataset), "alternating") { inputs.append((dataset, ClusteringInput(numeric: x), c)) }
    }
    let mixed = try FixtureLoader.field(json, "mixed")
    for c in try MixedReference.list(mixed, "alternating") { inputs.append(("mixed", try MixedReference.input(mixed), c)) }
    #expect(inputs.count == 5)
    for (dataset, input, reference) in inputs {
      let label = "\(dataset) \(try MixedReference.text(reference, "name"))"
      let metric = try #require(KMedoids.Metric(rawValue: try MixedReference.text(reference, "metric")))
      let space = try KMedoids.space(for: input, metric: metric)
      let run = try KMedoids.alternate(
        space, medoids: try MixedReference.ints(reference, "start"), maxIterations: 300, context: FitContext(seed: 0))
      #expect(run.converged, "\(label): converged")
      #expect(run.medoids == (try MixedReference.ints(reference, "medoids")), "\(label): medoids")
      #expect(run.assignment.nearest == (try MixedReference.ints(reference, "labels")), "\(label): labels")
      expectClose(run.totalDeviation, try MixedReference.number(reference, "loss"), relative: 1e-9, "\(label): total deviation")
    }
  }

  @Test("medoids are real rows: exemplars by label, centers are their feature rows, and each medoid is in its own cluster",
    arguments: ["pam", "alternate"])
  func medoidsAreRows(_ method: String) throws {
    let (x, truth) = Blobs.make(centers: 3, perCluster: 40, dimensions: 2, spread: 0.3, seed: 5)
    let result = try makePlugin(KMedoids.self, ["k": 3, "method": .string(method), "init": "k-medoids++"])
      .fit(x, context: FitContext(seed: 9))
    let exemplars = try #require(result.exemplars)
    #expect(result.clusterCount == 3 && exemplars.count == 3)
    #expect(result.centers == x.selecting(rows: exemplars))
    for (label, row) in exemplars.enumerated() { #expect(result.labels[row] == label) }
    #expect(samePartition(result.labels, truth))
  }

  @Test("predict gives the fit rows their labels back, for every metric", arguments: KMedoids.Metric.allCases)
  func predictRoundTrip(_ metric: KMedoids.Metric) throws {
    let mixed = try FixtureLoader.field(MixedReference.load("kmedoids-reference"), "mixed")
    let full = try MixedReference.input(mixed)
    let input = metric == .gower ? full : ClusteringInput(numeric: full.numeric)
    let result = try makePlugin(KMedoids.self, ["k": 3, "metric": .string(metric.rawValue)]).fit(input, context: FitContext(seed: 1))
    let model = try #require(result.model)
    let round = try reparsed(model)
    #expect(try KMedoids.predict(model: round, input: input).labels == result.labels)
  }

  @Test("predict with Gower matches categorical values by name and treats an unseen level as a mismatch")
  func predictUnseenLevel() throws {
    let fit = ClusteringInput(
      numeric: Matrix([[0], [0.1], [10], [10.1]]),
      categorical: [CategoricalFeature(name: "colour", levels: ["blue", "red"], codes: [0, 0, 1, 1])])
    let result = try makePlugin(KMedoids.self, ["k": 2, "metric": "gower"]).fit(fit, context: FitContext(seed: 0))
    #expect(result.centers == nil, "mixed input has no numeric centers")
    let model = try #require(result.model)
    // Row 0 sits between the clusters numerically; its level "red" pulls it to the red cluster.
    // Row 1 has an unseen level, mismatching both medoids, so the number decides.
    let new = ClusteringInput(
      numeric: Matrix([[5.0], [9.0]]), categorical: [CategoricalFeature(name: "colour", levels: ["green", "red"], codes: [1, 0])])
    let labels = try KMedoids.predict(model: model, input: new).labels
    #expect(labels == [result.labels[2], result.labels[2]])
  }

  @Test("numeric metrics reject categorical features with the standard fix", arguments: ["euclidean", "manhattan", "cosine"])
  func numericMetricsRejectCategorical(_ metric: String) throws {
    let input = ClusteringInput(numeric: Matrix([[0], [1]]), categorical: [CategoricalFeature(name: "region", levels: ["a"], codes: [0, 0])])
    let plugin = try makePlugin(KMedoids.self, ["k": 1, "metric": .string(metric)])
    #expect {
      try plugin.fit(input, context: FitContext(seed: 0))
    } throws: { error in
      guard case FitError.degenerate(let message) = error else { return false }
      return message.contains("'region' is categorical") && message.contains("one-hot")
    }
  }

  @Test("PAM refuses more rows than its limit with a fix naming the alternate method")
  func pamRowLimit() throws {
    let x = Matrix(rows: KMedoids.pamRowLimit + 1, columns: 1)
    #expect {
      try makePlugin(KMedoids.self, ["k": 2]).fit(x, context: FitContext(seed: 0))
    } throws: { error in
      guard case FitError.degenerate(let message) = error else { return false }
      return message.contains("20000 rows") && message.contains("\"alternate\"")
    }
  }

  @Test("identical rows give one cluster and a note", arguments: ["pam", "alternate"])
  func duplicateRows(_ method: String) throws {
    let x = Matrix(rows: 6, columns: 2, repeating: 3.5)
    let result = try makePlugin(KMedoids.self, ["k": 3, "method": .string(method)]).fit(x, context: FitContext(seed: 2))
    #expect(result.labels == Array(repeating: 0, count: 6))
    #expect(result.clusterCount == 1 && result.exemplars?.count == 1)
    #expect(result.diagnostics.notes.first?.contains("fewer than k = 3") == true)
  }

  @Test("k greater than the number of rows throws insufficientSamples; k = 1 picks the row of least total dissimilarity")
  func smallK() throws {
    #expect(throws: FitError.insufficientSamples(rows: 2, required: 3, detail: "kmedoids with k = 3 needs at least k rows")) {
      try makePlugin(KMedoids.self, ["k": 3]).fit(Matrix([[0], [1]]), context: FitContext(seed: 0))
    }
    for initialization in ["build", "random"] {
      let result = try makePlugin(KMedoids.self, ["k": 1, "init": .string(initialization)])
        .fit(Matrix([[0], [1], [2], [10]]), context: FitContext(seed: 3))
      #expect(result.exemplars == [1] || result.exemplars == [2])
      expectClose(try #require(result.model?.object?["total_deviation"]?.number), 11, relative: 1e-15)
    }
  }

  @Test("seeded initialisations are reproducible")
  func seeding() throws {
    let x = try ReferenceDataset.load("wine-standardized").x
    let plugin = try makePlugin(KMedoids.self, ["k": 4, "method": "alternate", "init": "random"])
    #expect(try plugin.fit(x, context: FitContext(seed: 7)) == plugin.fit(x, context: FitContext(seed: 7)))
  }

  @Test("defaults: k 8, PAM, euclidean, BUILD, max_iter 300")
  func defaults() throws {
    let resolved = try Parameters.resolve([:], for: KMedoids.self, at: Location()).get()
    #expect(resolved.json == ["k": 8, "method": "pam", "metric": "euclidean", "init": "build", "max_iter": 300])
    #expect(KMedoids.capabilities.acceptsCategorical && !KMedoids.capabilities.requiresCategorical)
    #expect(KMedoids.capabilities.scalesQuadratically, "pam, the default, holds a rows × rows matrix")
  }
}
