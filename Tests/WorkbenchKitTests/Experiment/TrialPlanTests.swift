import Testing
@testable import WorkbenchKit

@Suite("Grid expansion, config hashes and seeds")
struct TrialPlanTests {
  func plan(_ text: String) throws -> TrialPlan {
    let experiment = try ExperimentReader(registry: .builtIn).read(try JSONParser.parse(text), file: "spec.json", baseDirectory: "/")
    return try TrialPlan.expand(experiment, registry: .builtIn).get()
  }

  let spec = """
    {"name": "x", "seed": 1, "data": {"path": "d.csv"},
     "pipelines": [{"name": "raw"}, {"name": "scaled", "steps": ["standard-scaler"]}],
     "algorithms": [{"use": "kmeans", "grid": {"k": [2, 3], "n_init": [1, 5]}}]}
    """

  @Test("trials are pipelines × algorithm grid, last parameter fastest")
  func order() throws {
    let p = try plan(spec)
    #expect(p.trials.count == 8)
    #expect(p.trials.map(\.index) == Array(0..<8))
    #expect(p.trials.map(\.pipeline.name) == ["raw", "raw", "raw", "raw", "scaled", "scaled", "scaled", "scaled"])
    #expect(p.trials.prefix(4).map { $0.algorithm.parameters.int("k") } == [2, 2, 3, 3])
    #expect(p.trials.prefix(4).map { $0.algorithm.parameters.int("n_init") } == [1, 5, 1, 5])
  }

  @Test("the config hash covers defaults, so stating a default changes nothing")
  func defaultsInHash() throws {
    let implicit = try plan(#"{"name": "x", "data": {"path": "d.csv"}, "algorithms": [{"use": "kmeans", "params": {"k": 3}}]}"#)
    let explicit = try plan(#"{"name": "x", "data": {"path": "d.csv"}, "algorithms": [{"use": "kmeans", "params": {"k": 3, "max_iter": 300}}]}"#)
    let changed = try plan(#"{"name": "x", "data": {"path": "d.csv"}, "algorithms": [{"use": "kmeans", "params": {"k": 3, "max_iter": 301}}]}"#)
    #expect(implicit.trials[0].configHash == explicit.trials[0].configHash)
    #expect(implicit.trials[0].configHash != changed.trials[0].configHash)
    #expect(implicit.trials[0].configuration.canonicalText.contains("\"max_iter\":300"))
  }

  @Test("seeds depend on experiment seed and config, not on position")
  func seeds() throws {
    let p = try plan(spec)
    let reordered = try plan(spec.replacingOccurrences(of: "[2, 3]", with: "[3, 2]"))
    for trial in p.trials {
      let twin = reordered.trials.first { $0.configHash == trial.configHash }
      #expect(twin?.seed == trial.seed)
      #expect(twin?.index != nil)
    }
    #expect(Set(p.trials.map(\.seed)).count == p.trials.count)
    let otherSeed = try plan(spec.replacingOccurrences(of: "\"seed\": 1", with: "\"seed\": 2"))
    #expect(otherSeed.trials[0].configHash == p.trials[0].configHash)
    #expect(otherSeed.trials[0].seed != p.trials[0].seed)
  }

  /// The reproducibility contract, pinned: these literals were computed outside the workbench (Python's hashlib on
  /// the canonical text below) and must never change, or every recorded run stops resuming and verifying.
  @Test("the config hash and trial seeds are fixed forever (literals computed independently)")
  func pinnedHashAndSeed() throws {
    let p = try plan(#"{"name": "pinned", "seed": 1, "data": {"path": "data.csv", "id": "id"}, "algorithms": [{"use": "kmeans", "params": {"k": 3}}]}"#)
    let trial = try #require(p.trials.first)
    #expect(
      trial.configuration.canonicalText
        == #"{"algorithm":{"params":{"algorithm":"lloyd","init":"k-means++","k":3,"max_iter":300,"n_init":10,"tol":0.0001},"use":"kmeans"},"pipeline":[]}"#)
    #expect(trial.configHash == "da7e60a3461cab95")
    #expect(trial.seed == 6_683_612_489_120_844_485)
    #expect(TrialSeed.seed(experimentSeed: 1, configHash: "da7e60a3461cab95", resample: 3) == 8_131_812_638_626_171_172)
    #expect(TrialSeed.seed(experimentSeed: 42, configHash: "0123456789abcdef") == 6_788_968_760_653_360_226)
  }

  @Test("the config hash covers the pipeline and algorithm, not the data section, name or experiment seed")
  func hashIgnoresData() throws {
    let base = try plan(#"{"name": "a", "seed": 1, "data": {"path": "data.csv", "id": "id"}, "algorithms": [{"use": "kmeans", "params": {"k": 3}}]}"#)
    let elsewhere = try plan(#"{"name": "b", "seed": 2, "data": {"path": "other.csv"}, "algorithms": [{"use": "kmeans", "params": {"k": 3}}]}"#)
    #expect(elsewhere.trials[0].configHash == base.trials[0].configHash)
    #expect(elsewhere.trials[0].seed != base.trials[0].seed)
  }
}

@Suite("Grids on pipeline steps, the trial-count limit and transactions specs")
struct TrialPlanGridTests {
  func experiment(_ text: String) throws -> Experiment {
    try ExperimentReader(registry: .builtIn).read(try JSONParser.parse(text), file: "spec.json", baseDirectory: "/")
  }

  func plan(_ text: String) throws -> TrialPlan { try TrialPlan.expand(try experiment(text), registry: .builtIn).get() }

  /// The spec's problems, or none when it reads and expands.
  func problems(_ text: String) -> [String] {
    do {
      _ = try plan(text)
      return []
    } catch let error as SpecError {
      return error.problems.map(\.description)
    } catch {
      return ["\(error)"]
    }
  }

  @Test("step grids expand per pipeline, the later step fastest, before the algorithm grid; each variant has its own hash")
  func stepGrids() throws {
    let p = try plan(
      #"{"name": "g", "data": {"path": "d.csv"}, "pipelines": [{"name": "p", "steps": [{"use": "impute", "grid": {"strategy": ["mean", "median"]}}, {"use": "pca", "grid": {"variance": [0.8, 0.9, 0.95]}}]}, {"name": "raw"}], "algorithms": [{"use": "kmeans", "grid": {"k": [2, 3]}}]}"#
    )
    #expect(p.pipelines.count == 7)
    #expect(p.trials.count == 14)
    let steps = p.trials.map { trial in trial.pipeline.steps.map { "\($0.name):\($0.parameters.json.canonicalText)" } }
    #expect(p.trials.map(\.pipeline.name) == Array(repeating: "p", count: 12) + ["raw", "raw"])
    #expect(p.trials.prefix(6).map { $0.pipeline.steps.first?.parameters.json.object?["strategy"] } == Array(repeating: "mean", count: 6))
    #expect(p.trials.prefix(6).map { $0.pipeline.steps.last?.parameters.json.object?["variance"]?.number } == [0.8, 0.8, 0.9, 0.9, 0.95, 0.95])
    #expect(p.trials.prefix(2).map { $0.algorithm.parameters.int("k") } == [2, 3])
    #expect(Set(p.trials.map(\.pipeline.hash)).count == 7 && Set(p.trials.map(\.configHash)).count == 14 && Set(p.trials.map(\.seed)).count == 14)
    #expect(steps[12].isEmpty)
    let canonical = try #require(p.trials.first?.configuration.canonicalText)
    #expect(canonical.contains(#""variance":0.8"#) && canonical.contains(#""strategy":"mean""#), "step parameters are in the configuration")
  }

  @Test("the same step settings reached through two pipelines are one trial too many: a located error")
  func repeatedVariant() {
    let found = problems(
      #"{"name": "g", "data": {"path": "d.csv"}, "pipelines": [{"name": "a", "steps": [{"use": "impute", "grid": {"strategy": ["mean", "median"]}}]}, {"name": "b", "steps": [{"use": "impute", "params": {"strategy": "median"}}]}], "algorithms": [{"use": "kmeans", "params": {"k": 2}}]}"#
    )
    #expect(found.count == 1)
    #expect(found.first?.contains("algorithms[0]: this produces a trial identical to one from algorithms[0] (pipeline 'a'") == true, "\(found)")
  }

  @Test("one algorithm grid over the trial limit is reported at its grid, without expanding it")
  func algorithmGridLimit() {
    let found = problems(
      #"{"name": "g", "data": {"path": "d.csv"}, "algorithms": [{"use": "kmeans", "grid": {"k": {"from": 1, "to": 400}, "n_init": {"from": 1, "to": 400}}}]}"#)
    #expect(found == ["spec.json: algorithms[0].grid: this grid has more than 100000 combinations of values.\n  Fix: narrow the grids or split the experiment."])
  }

  @Test("step grids multiplying past the trial limit are reported before any variant is built; a count past Int saturates")
  func stepGridLimit() {
    let clip = #"{"use": "clip", "grid": {"lower": {"from": 0, "to": 0.04, "step": 0.001}, "upper": {"from": 0.96, "to": 1, "step": 0.001}}}"#
    let found = problems(
      #"{"name": "g", "data": {"path": "d.csv"}, "pipelines": [{"name": "p", "steps": [\#(clip), {"use": "pca", "grid": {"variance": {"from": 0.5, "to": 0.99, "step": 0.001}}}]}], "algorithms": [{"use": "kmeans", "grid": {"k": [2, 3]}}]}"#
    )
    #expect(found == ["spec.json: the grid expands to 1650742 trials, more than 100000.\n  Fix: narrow the grids or split the experiment."])
    let huge = Array(repeating: #"{"use": "pca", "grid": {"variance": {"from": 0.0001, "to": 1, "step": 0.0001}}}"#, count: 5).joined(separator: ", ")
    let saturated = problems(#"{"name": "g", "data": {"path": "d.csv"}, "pipelines": [{"name": "p", "steps": [\#(huge)]}], "algorithms": ["kmeans"]}"#)
    #expect(saturated == ["spec.json: the grid expands to more than 2⁶³ trials, more than 100000.\n  Fix: narrow the grids or split the experiment."])
  }

  /// (A grid exactly at the limit reads and expands correctly too, but 100 000 trials take seconds in a debug build.)
  @Test("the limit counts trials across pipelines and algorithms: 1 001 variants × 101 settings = 101 101 is over")
  func limitAcrossPipelinesAndAlgorithms() throws {
    let over = problems(
      #"{"name": "g", "data": {"path": "d.csv"}, "pipelines": [{"name": "p", "steps": [{"use": "pca", "grid": {"variance": {"from": 0.001, "to": 1, "step": 0.001}}}]}, {"name": "raw"}], "algorithms": [{"use": "kmeans", "grid": {"k": {"from": 1, "to": 100}}}, {"use": "kmeans", "params": {"k": 200}}]}"#
    )
    #expect(over == ["spec.json: the grid expands to 101101 trials, more than 100000.\n  Fix: narrow the grids or split the experiment."])
  }

  static let transactions = #"{"path": "t.csv", "customer": "customer_id", "date": "date", "amount": "amount", "as_of": "2026-06-30"}"#

  @Test("a transactions spec expands like a customer-table spec: same trials, hashes and seeds; the data section differs")
  func transactionsSpec() throws {
    let algorithms = #""pipelines": [{"name": "p", "steps": ["value-score", {"use": "pca", "grid": {"variance": [0.8, 0.9]}}]}], "algorithms": [{"use": "kmeans", "grid": {"k": [2, 3]}}]"#
    let fromTransactions = try plan(#"{"name": "t", "seed": 4, "data": {"transactions": \#(Self.transactions)}, \#(algorithms)}"#)
    let fromTable = try plan(#"{"name": "t", "seed": 4, "data": {"path": "customers.csv", "id": "customer_id"}, \#(algorithms)}"#)
    #expect(fromTransactions.trials.count == 4)
    #expect(fromTransactions.trials.map(\.configHash) == fromTable.trials.map(\.configHash))
    #expect(fromTransactions.trials.map(\.seed) == fromTable.trials.map(\.seed))
    let data = fromTransactions.experiment.data
    #expect(data.path == "t.csv" && data.id == "customer_id" && data.transactions != nil && fromTable.experiment.data.transactions == nil)
  }

  @Test("a transactions spec's problems are located under data.transactions; path and transactions together are an error")
  func transactionsSpecErrors() {
    let both = problems(#"{"name": "t", "data": {"path": "c.csv", "transactions": \#(Self.transactions)}, "algorithms": ["kmeans"]}"#)
    #expect(both.contains { $0.hasPrefix("spec.json: data.path: give either 'path' (one row per customer) or 'transactions', not both.") }, "\(both)")
    // Said once: 'path' is not also an unknown key ("Did you mean 'path'?").
    #expect(both.count == 1, "\(both)")
    let truthIsId = problems(#"{"name": "t", "data": {"path": "c.csv", "id": "id", "truth": "id"}, "algorithms": ["kmeans"]}"#)
    #expect(truthIsId == ["spec.json: data.truth: the truth column 'id' is the id column.\n  Fix: name the column that holds the known segments."], "\(truthIsId)")
    let bad = problems(#"{"name": "t", "data": {"transactions": {"path": "t.csv", "amout": "x", "as_of": "30/06/2026"}}, "algorithms": ["kmeans"]}"#)
    #expect(bad.count == 2, "\(bad)")
    #expect(bad.contains { $0.hasPrefix("spec.json: data.transactions.amout: unknown key") }, "\(bad)")
    #expect(bad.contains { $0.hasPrefix("spec.json: data.transactions.as_of: '30/06/2026' is not a date.") }, "\(bad)")
  }
}
