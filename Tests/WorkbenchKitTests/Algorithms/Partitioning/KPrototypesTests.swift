import Testing
@testable import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

@Suite("kprototypes")
struct KPrototypesTests {
  /// kmodes 0.12.2 from explicit initial prototypes (its `init=[numeric, codes]`, n_init = 1): the same moves in the
  /// same order, so labels, modes and iterations agree exactly and costs and means to rounding (1e-9 relative).
  @Test("from kmodes' explicit initial prototypes it gives kmodes' labels, prototypes, cost, iterations and gamma")
  func matchesKModes() throws {
    let json = try MixedReference.load("kprototypes-reference")
    let input = try MixedReference.input(json)
    let data = KPrototypes.Data(input)
    let gamma = KPrototypes.defaultGamma(input.numeric)
    expectClose(gamma, try MixedReference.number(json, "default_gamma"), relative: 1e-12, "default gamma")
    let cases = try MixedReference.list(json, "explicit")
    #expect(cases.count == 2)
    for reference in cases {
      let label = try MixedReference.text(reference, "name")
      let codes = try MixedReference.list(reference, "init_codes").map { try FixtureLoader.ints($0, "init_codes") }
      let start = KPrototypes.Prototypes(numeric: try FixtureLoader.matrix(FixtureLoader.field(reference, "init_numeric"), "init"), modes: codes)
      let state = try #require(KPrototypes.initialState(data, start, gamma: gamma), "\(label): no empty cluster at the start")
      var rng = SeededGenerator(seed: 0)
      let run = try KPrototypes.run(data, from: start, state: state, gamma: gamma, maxIterations: 100, rng: &rng, context: FitContext(seed: 0))
      #expect(run.labels == (try MixedReference.ints(reference, "labels")), "\(label): labels")
      #expect(run.iterations == (try MixedReference.int(reference, "iterations")), "\(label): iterations")
      #expect(run.prototypes.modes == (try MixedReference.list(reference, "codes").map { try FixtureLoader.ints($0, "codes") }), "\(label): modes")
      let means = try FixtureLoader.matrix(FixtureLoader.field(reference, "numeric_centroids"), "centroids")
      expectClose(run.prototypes.numeric.storage, means.storage, relative: 1e-9, "\(label): numeric prototypes")
      expectClose(run.cost, try MixedReference.number(reference, "cost"), relative: 1e-9, "\(label): cost")
      expectClose(gamma, try MixedReference.number(reference, "gamma"), relative: 1e-12, "\(label): gamma")
    }
  }

  @Test("Cao's initialisation picks kmodes' modes")
  func caoMatchesKModes() throws {
    let json = try MixedReference.load("kprototypes-reference")
    let data = KPrototypes.Data(try MixedReference.input(json))
    let expected = try MixedReference.list(json, "cao_codes_k3").map { try FixtureLoader.ints($0, "cao") }
    #expect(KPrototypes.caoModes(data, count: 3) == expected)
  }

  @Test("seeded fits recover the generating groups at least as well as kmodes' best start, and the cost is saved",
    arguments: ["cao", "huang", "random"])
  func seededFits(_ initialization: String) throws {
    let json = try MixedReference.load("kprototypes-reference")
    let input = try MixedReference.input(json)
    let plugin = try makePlugin(KPrototypes.self, ["k": 3, "init": .string(initialization)])
    let result = try plugin.fit(input, context: FitContext(seed: 4))
    #expect(result == (try plugin.fit(input, context: FitContext(seed: 4))), "same seed, same result")
    #expect(result.clusterCount == 3 && Set(result.labels) == [0, 1, 2])
    let best = try MixedReference.list(json, "explicit").map { try MixedReference.number($0, "cost") }.min() ?? 0
    let cost = try #require(result.model?.object?["cost"]?.number)
    #expect(cost <= best * (1 + 1e-9), "\(initialization): cost \(cost) vs kmodes' best \(best)")
    #expect(result.diagnostics.inertia == nil && result.centers == nil)
  }

  @Test("predict gives the fit rows their labels back and treats an unseen level as a mismatch")
  func predict() throws {
    let json = try MixedReference.load("kprototypes-reference")
    let input = try MixedReference.input(json)
    let result = try makePlugin(KPrototypes.self, ["k": 3, "gamma": 2.5]).fit(input, context: FitContext(seed: 1))
    let model = try reparsed(try #require(result.model))
    #expect(model.object?["gamma"]?.number == 2.5)
    #expect(try KPrototypes.predict(model: model, input: input).labels == result.labels)
    let first = input.numeric.selecting(rows: [0])
    let unseen = ClusteringInput(
      numeric: first,
      categorical: input.categorical.map { CategoricalFeature(name: $0.name, levels: ["never-seen"], codes: [0]) })
    let label = try KPrototypes.predict(model: model, input: unseen).labels[0]
    let prototypes = try SavedState(model, owner: "test").matrix("numeric_prototypes")
    let numericOnly = (0..<3).min { a, b in
      Distance.squaredEuclidean(first, row: 0, prototypes, row: a) < Distance.squaredEuclidean(first, row: 0, prototypes, row: b)
    }
    #expect(label == numericOnly, "with every level unseen, the numbers decide")
  }

  @Test("numeric-only input says to use kmeans; categorical-only says k-modes is not available")
  func needsBothKinds() throws {
    let plugin = try makePlugin(KPrototypes.self, ["k": 2])
    #expect {
      try plugin.fit(Matrix([[0], [1], [2]]), context: FitContext(seed: 0))
    } throws: { error in
      guard case FitError.degenerate(let message) = error else { return false }
      return message.contains("use \"kmeans\"")
    }
    let categorical = ClusteringInput(
      numeric: Matrix(rows: 3, columns: 0), categorical: [CategoricalFeature(name: "region", levels: ["a", "b"], codes: [0, 1, 0])])
    #expect {
      try plugin.fit(categorical, context: FitContext(seed: 0))
    } throws: { error in
      guard case FitError.degenerate(let message) = error else { return false }
      return message.contains("k-modes is not available")
    }
  }

  @Test("fewer distinct rows than k give one cluster per distinct row and a note; k > rows throws")
  func duplicatesAndTooFew() throws {
    let input = ClusteringInput(
      numeric: Matrix([[1], [1], [5], [5]]), categorical: [CategoricalFeature(name: "c", levels: ["a", "b"], codes: [0, 0, 1, 1])])
    let result = try makePlugin(KPrototypes.self, ["k": 3]).fit(input, context: FitContext(seed: 0))
    #expect(result.labels == [0, 0, 1, 1] && result.clusterCount == 2)
    #expect(result.diagnostics.notes.first?.contains("fewer than k = 3") == true)
    #expect(throws: FitError.insufficientSamples(rows: 4, required: 5, detail: "kprototypes with k = 5 needs at least k rows")) {
      try makePlugin(KPrototypes.self, ["k": 5]).fit(input, context: FitContext(seed: 0))
    }
  }

  @Test("defaults follow kmodes: k 8, gamma auto, Cao, n_init 10, max_iter 100")
  func defaults() throws {
    let resolved = try Parameters.resolve([:], for: KPrototypes.self, at: Location()).get()
    #expect(resolved.json == ["k": 8, "gamma": "auto", "init": "cao", "n_init": 10, "max_iter": 100])
    #expect(try KPrototypes(validated: resolved).gamma == nil)
    #expect(KPrototypes.capabilities.acceptsCategorical && KPrototypes.capabilities.requiresCategorical)
    #expect(!KPrototypes.capabilities.scalesQuadratically)
    #expect(throws: SpecError.self) { try Parameters.resolve(["gamma": -1], for: KPrototypes.self, at: Location()).get() }
  }
}
