import Testing
@testable import WorkbenchKit

@Suite("Leaderboard")
struct LeaderboardTests {
  func record(_ index: Int, _ silhouette: Score?, status: TrialRecord.Status = .ok) -> TrialRecord {
    TrialRecord(
      index: index, configHash: "h\(index)", seed: 1, pipeline: "raw",
      configuration: ["algorithm": ["use": "kmeans", "params": ["k": .int(index + 2)]], "pipeline": []], status: status,
      error: status == .failed ? "boom" : nil, clusterCount: index + 2, metrics: silhouette.map { ["silhouette": $0] } ?? [:])
  }

  @Test("ranks by the metric's direction, ties in grid order, unrankable last")
  func order() {
    let records = [
      record(0, .value(0.5)), record(1, .value(0.7)), record(2, .value(0.5)), record(3, nil, status: .failed),
      record(4, .undefined("one cluster")),
    ]
    let higher = Leaderboard(records: records.reversed(), metric: "silhouette", direction: .higherIsBetter)
    #expect(higher.ranked.map(\.index) == [1, 0, 2])
    #expect(higher.unranked.map(\.index) == [3, 4])
    let lower = Leaderboard(records: records, metric: "silhouette", direction: .lowerIsBetter)
    #expect(lower.ranked.map(\.index) == [0, 2, 1])
  }

  @Test("CSV has one row per trial with ranks only for ranked ones")
  func csv() {
    let board = Leaderboard(records: [record(0, .value(0.25)), record(1, nil, status: .failed)], metric: "silhouette", direction: .higherIsBetter)
    let text = board.csv(metricNames: ["silhouette"]) { _ in "k=2" }
    #expect(
      text == """
        rank,trial,config_hash,pipeline,algorithm,parameters,clusters,silhouette,status,error
        1,0,h0,raw,kmeans,k=2,2,0.25,ok,
        ,1,h1,raw,kmeans,k=2,3,,failed,boom

        """)
  }
}
