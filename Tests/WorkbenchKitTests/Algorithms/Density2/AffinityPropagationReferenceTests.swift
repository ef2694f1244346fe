import Testing
@testable import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

@Suite("affinity-propagation against scikit-learn")
struct AffinityPropagationReferenceTests {
  @Test("without the tie-breaking noise: scikit-learn's median, exemplars, labels and iterations", arguments: Density2Reference.names)
  func noiseFree(_ dataset: String) throws {
    let reference = try Density2Reference.load(dataset)
    let cases = reference.cases["affinity_propagation"] ?? []
    #expect(cases.count >= 3)
    for c in cases {
      let label = "\(dataset) \(c)"
      var s = AffinityPropagation.similarities(reference.x)
      let median = AffinityPropagation.medianSimilarity(s)
      expectClose(median, try c.number("median"), relative: 1e-12, "\(label): median")
      AffinityPropagation.placePreference(try FixtureLoader.field(c, "preference").number ?? median, in: &s)
      let outcome = AffinityMessages.propagate(
        s, damping: try c.number("damping"), maxIterations: try c.integer("max_iter"), convergenceIterations: try c.integer("convergence_iter")
      ) {}
      let expected = try FixtureLoader.field(c, "noise_free")
      #expect(outcome.iterations == (try expected.integer("n_iter")), "\(label): iterations")
      #expect(outcome.converged == (outcome.iterations < (try c.integer("max_iter"))), "\(label): converged")
      let (exemplars, labels) = AffinityPropagation.refined(s, exemplars: outcome.exemplars)
      #expect(exemplars == (try expected.integers("exemplars")), "\(label): exemplars")
      #expect(labels == (try expected.integers("labels")), "\(label): labels")
    }
  }

  @Test("with the workbench's own noise the plugin gives scikit-learn's exemplars and labels", arguments: Density2Reference.names)
  func withNoise(_ dataset: String) throws {
    let reference = try Density2Reference.load(dataset)
    for c in reference.cases["affinity_propagation"] ?? [] {
      var given: [String: JSONValue] = [
        "damping": .double(try c.number("damping")), "max_iter": .int(try c.integer("max_iter")),
        "convergence_iter": .int(try c.integer("convergence_iter")),
      ]
      if let preference = try FixtureLoader.field(c, "preference").number { given["preference"] = .double(preference) }
      let result = try makePlugin(AffinityPropagation.self, given).fit(reference.x, context: FitContext(seed: 11))
      let expected = try FixtureLoader.field(c, "shipped")
      #expect(result.labels == (try expected.integers("labels")), "\(dataset) \(c): labels")
      #expect(result.exemplars == (try expected.integers("exemplars")), "\(dataset) \(c): exemplars")
      #expect(result.diagnostics.iterations == (try expected.integer("n_iter")), "\(dataset) \(c): iterations")
      #expect(result.diagnostics.notes.isEmpty == (result.diagnostics.converged == true), "\(dataset) \(c): a note when not converged")
    }
  }
}
