import Foundation
import Testing
@testable import WorkbenchKit

/// What a run records when a density method finds no cluster, or one: a successful trial, undefined metrics with reasons.
@Suite("density methods in a run")
struct DensityRunTests {
  @Test("all noise and a single cluster are recorded as successful trials with 0 and 1 clusters and undefined metrics with reasons")
  func noiseAndSingleCluster() async throws {
    let fixture = try RunFixture(
      spec: """
        {"name": "density", "seed": 3, "data": {"path": "customers.csv", "id": "customer_id", "truth": "group"},
         "pipelines": [{"name": "scaled", "steps": ["impute", "standard-scaler"]}],
         "algorithms": [{"use": "dbscan", "grid": {"eps": [0.001, 100]}}, {"use": "hdbscan", "params": {"min_cluster_size": 80}},
                        {"use": "optics", "params": {"max_eps": 0.001}}],
         "metrics": ["silhouette", "calinski-harabasz", "davies-bouldin", "ari"],
         "stability": {"method": "bootstrap", "resamples": 2}}
        """)
    defer { fixture.remove() }
    let summary = try fixture.run(out: fixture.results("d"), jobs: 2, fresh: true)
    #expect(summary.failedCount == 0)
    #expect(summary.records.map(\.clusterCount) == [0, 1, 0, 0])
    #expect(summary.records.map(\.noise) == [90, 0, 90, 90])
    for record in summary.records {
      for name in ["silhouette", "calinski-harabasz", "davies-bouldin"] {
        guard case .undefined(let reason) = record.metrics[name] else {
          Issue.record("\(record.algorithmName) \(record.clusterCount ?? -1) clusters: \(name) is \(String(describing: record.metrics[name]))")
          continue
        }
        #expect(reason.contains("needs at least 2 clusters; found \(record.clusterCount ?? -1)"), "\(reason)")
      }
      #expect(record.metrics["ari"]?.value != nil, "external metrics stay defined: noise is one more group")
    }
    #expect(summary.leaderboard.ranked.isEmpty)
  }
}
