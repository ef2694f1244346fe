import Foundation
import Testing
import WorkbenchNumerics
import WorkbenchTestSupport
@testable import WorkbenchKit

@Suite("Stability")
struct StabilityTests {
  @Test("ARI matches scikit-learn's documented examples")
  func adjustedRand() {
    // sklearn.metrics.adjusted_rand_score docstring examples.
    #expect(PartitionComparison([0, 0, 1, 1], [0, 0, 1, 1]).adjustedRandIndex == 1)
    #expect(PartitionComparison([0, 0, 1, 1], [1, 1, 0, 0]).adjustedRandIndex == 1)
    #expect(abs(PartitionComparison([0, 0, 1, 2], [0, 0, 1, 1]).adjustedRandIndex - 0.5714285714285715) < 1e-15)
    #expect(abs(PartitionComparison([0, 0, 1, 1], [0, 0, 1, 2]).adjustedRandIndex - 0.5714285714285715) < 1e-15)
    #expect(PartitionComparison([0, 0, 0, 0], [0, 1, 2, 3]).adjustedRandIndex == 0)
    #expect(abs(PartitionComparison([0, 0, 1, 1], [0, 1, 0, 1]).adjustedRandIndex - (-0.5)) < 1e-15)
  }

  @Test("best Jaccard per cluster")
  func jaccard() {
    // Cluster 0 = {0,1,2} best matches {0,1} (2/3); cluster 1 = {3,4} matches {3,4,2}? no: {2,3,4} → 2/3.
    let comparison = PartitionComparison([0, 0, 0, 1, 1], [5, 5, 7, 7, 7])
    #expect(comparison.bestJaccard == [2.0 / 3.0, 2.0 / 3.0])
  }

  func blobs(seed: UInt64) -> (ClusteringInput, Clustering, KMeans) {
    let (x, _) = Blobs.make(centers: 3, perCluster: 40, dimensions: 2, spread: 0.3, seed: seed)
    let kmeans = try! KMeans(validated: try! Parameters.resolve(["k": 3, "n_init": 3], for: KMeans.self, at: Location()).get())
    let input = ClusteringInput(numeric: x)
    return (input, try! kmeans.fit(input, context: FitContext(seed: 1)), kmeans)
  }

  @Test("well-separated blobs are highly stable under every perturbation", arguments: StabilitySpec.Method.allCases)
  func stableBlobs(method: StabilitySpec.Method) {
    let (input, reference, kmeans) = blobs(seed: 3)
    let result = StabilityAnalysis(spec: StabilitySpec(method: method, resamples: 8, seeds: 3)).run(
      kmeans, usesRandomness: true, input: input, reference: reference, experimentSeed: 9, configHash: "abc")
    #expect(result.resampleARI.count == 8)
    #expect(result.resampleARI.allSatisfy { $0 > 0.95 })
    #expect(result.clusterJaccard.count == 3)
    #expect(result.clusterJaccard.allSatisfy { StabilityResult.verdict($0) == "highly stable" })
    #expect(result.seedARI == [1, 1, 1])
    #expect(result.failedResamples == 0)
  }

  @Test("an arbitrary split of structureless data is less stable, and results are reproducible")
  func unstableNoise() {
    var rng = SeededGenerator(seed: 4)
    let x = Matrix(rows: 200, columns: 2, storage: (0..<400).map { _ in rng.nextUnit() })
    let kmeans = try! KMeans(validated: try! Parameters.resolve(["k": 6, "n_init": 1], for: KMeans.self, at: Location()).get())
    let input = ClusteringInput(numeric: x)
    let reference = try! kmeans.fit(input, context: FitContext(seed: 1))
    let analysis = StabilityAnalysis(spec: StabilitySpec(method: .subsample, resamples: 10, fraction: 0.7))
    let first = analysis.run(kmeans, usesRandomness: true, input: input, reference: reference, experimentSeed: 1, configHash: "h")
    let again = analysis.run(kmeans, usesRandomness: true, input: input, reference: reference, experimentSeed: 1, configHash: "h")
    #expect(first == again)
    #expect(first.score! < 0.9)
    let (blobInput, blobReference, blobKMeans) = blobs(seed: 3)
    let blobScore = analysis.run(blobKMeans, usesRandomness: true, input: blobInput, reference: blobReference, experimentSeed: 1, configHash: "h").score!
    #expect(blobScore > first.score!)
  }

  @Test("stability in a run is byte-identical across --jobs and ranks trials")
  func inRun() async throws {
    let fixture = try RunFixture(
      spec: """
        {"name": "stable", "seed": 3, "data": {"path": "customers.csv", "id": "customer_id"},
         "pipelines": [{"name": "scaled", "steps": ["impute", "standard-scaler"]}],
         "algorithms": [{"use": "kmeans", "params": {"n_init": 2}, "grid": {"k": [2, 3, 4]}}],
         "stability": {"method": "bootstrap", "resamples": 6, "seeds": 2}}
        """)
    defer { fixture.remove() }
    var texts: [String] = []
    for jobs in [1, 2] {
      let summary = try fixture.run(out: fixture.results("j\(jobs)"), jobs: jobs)
      texts.append(try String(contentsOfFile: summary.directory + "/trials.jsonl", encoding: .utf8))
      #expect(summary.records.allSatisfy { $0.stability?.resampleARI.count == 6 && $0.stability?.seedARI.count == 2 })
      #expect(summary.leaderboard.ranked.first?.record.clusterCount == 3)
      #expect(summary.leaderboard.ranked.allSatisfy { $0.stability != nil })
    }
    #expect(texts[0] == texts[1])
    #expect(texts[0].contains("\"cluster_verdicts\":[\"highly stable\",\"highly stable\",\"highly stable\"]"))
  }

  @Test("the stability section is validated like parameters")
  func specValidation() throws {
    let reader = ExperimentReader(registry: .builtIn)
    let bad = try JSONParser.parse(#"{"name": "x", "data": {"path": "d.csv"}, "algorithms": ["kmeans"], "stability": {"method": "jackknife", "resample": 3}}"#)
    let result = Result { () throws(SpecError) in try reader.read(bad, file: "s.json", baseDirectory: "/") }
    guard case .failure(let error) = result else {
      Issue.record("expected an error")
      return
    }
    #expect(error.problems.map(\.location.jsonPath) == ["stability.resample", "stability.method"])
    #expect(error.problems[0].message == "stability has no parameter 'resample'. Did you mean 'resamples'?")
    let good = try reader.read(
      try JSONParser.parse(#"{"name": "x", "data": {"path": "d.csv"}, "algorithms": ["kmeans"], "stability": {"method": "noise", "scale": 0.2}}"#),
      file: "s.json", baseDirectory: "/")
    #expect(good.stability == StabilitySpec(method: .noise, resamples: 20, scale: 0.2))
  }
}
