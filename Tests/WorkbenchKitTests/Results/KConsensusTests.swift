import Testing
@testable import WorkbenchKit

@Suite("Consensus k from the elbows and quality peaks of every sweep")
struct KConsensusTests {
  /// A trial of `pipeline` kmeans at `k` with a shared-space silhouette and inertia, and a stability.
  func trial(_ index: Int, _ pipeline: String, k: Int, silhouette: Double, inertia: Double, stability: Double) -> TrialRecord {
    var record = TrialRecord(
      index: index, configHash: "h\(index)", seed: 1, pipeline: pipeline,
      configuration: ["algorithm": ["use": "kmeans", "params": ["k": .int(k)]], "pipeline": .array(pipeline == "raw" ? [] : ["s"])],
      status: .ok, clusterCount: k, sizes: Array(repeating: 100, count: k))
    record.evaluation = EvaluationScores(space: "standardized", metrics: ["silhouette": .value(silhouette), "inertia": .value(inertia)])
    record.stability = StabilityResult(method: .bootstrap, resampleARI: [stability], clusterJaccard: [], failedResamples: 0, seedARI: [])
    return record
  }

  let rule = RankingRule(spec: RankingSpec(metric: "silhouette"), direction: .higherIsBetter, bounds: -1...1, elbowMetric: "inertia")

  /// Two super-segments split into four: silhouette peaks at k = 2, the dispersion's elbow is at k = 4.
  var records: [TrialRecord] {
    let scaled = [(2, 0.45, 100.0), (3, 0.36, 70.0), (4, 0.30, 40.0), (5, 0.26, 36.0), (6, 0.23, 33.0)]
    let raw = [(2, 0.20, 90.0), (3, 0.06, 60.0), (4, 0.0, 55.0), (5, -0.02, 52.0), (6, -0.03, 50.0)]
    return scaled.enumerated().map { trial($0.offset, "scaled", k: $0.element.0, silhouette: $0.element.1, inertia: $0.element.2, stability: 0.95) }
      + raw.enumerated().map { trial(5 + $0.offset, "raw", k: $0.element.0, silhouette: $0.element.1, inertia: $0.element.2, stability: 0.9) }
  }

  @Test("each sweep votes for its elbow when its quality peaks before it, with its score there; the heavier k wins")
  func votes() throws {
    let board = Leaderboard(records: records, rule: rule)
    let consensus = try #require(board.consensus)
    #expect(consensus.votes.map(\.elbow) == [4, 3])
    #expect(consensus.votes.map(\.peak) == [2, 2])
    #expect(consensus.votes.map(\.k) == [4, 3])
    // Scaled k = 4: 0.5 · (1.30 / 2) + 0.5 · 0.95 = 0.8; raw k = 3: 0.5 · (1.06 / 2) + 0.5 · 0.9 = 0.715.
    #expect(consensus.votes.map(\.weight) == [0.5 * 0.65 + 0.5 * 0.95, 0.5 * 0.53 + 0.5 * 0.9])
    #expect(consensus.k == 4)
    #expect(
      board.consensusSentence
        == "The sweeps over k agree on **k = 4**: 1 of 2 votes (each sweep votes for the larger of its inertia elbow and its best-silhouette k), carrying 53 % of the votes' weight (each vote weighs its trial's score), so trials with 4 clusters rank first.")
  }

  /// Six separated groups: the dispersion falls steeply to k = 4 and on to k = 6, so Kneedle's elbow is 4, while
  /// silhouette peaks at the six groups.
  var sixGroups: [TrialRecord] {
    let curve = [(2, 0.37, 3860.0), (3, 0.49, 2093.0), (4, 0.52, 1459.0), (5, 0.53, 1089.0), (6, 0.54, 730.0), (7, 0.47, 701.0), (8, 0.42, 676.0)]
    return curve.enumerated().map { trial($0.offset, "scaled", k: $0.element.0, silhouette: $0.element.1, inertia: $0.element.2, stability: 0.95) }
  }

  @Test("a sweep whose quality peaks beyond its elbow votes for the peak")
  func peakBeyondElbow() throws {
    let consensus = try #require(Leaderboard(records: sixGroups, rule: rule).consensus)
    #expect(consensus.votes.map(\.elbow) == [4])
    #expect(consensus.votes.map(\.peak) == [6])
    #expect(consensus.k == 6)
    // The weight is the score of the k = 6 trial: 0.5 · (1.54 / 2) + 0.5 · 0.95.
    #expect(consensus.votes.map(\.weight) == [0.5 * (1.54 / 2) + 0.5 * 0.95])
  }

  @Test("when the ranking metric is the dispersion itself, its peak (the largest k) casts no vote: the elbow alone decides")
  func dispersionRanking() throws {
    let byInertia = RankingRule(spec: RankingSpec(metric: "inertia"), direction: .lowerIsBetter, bounds: nil, elbowMetric: "inertia")
    let board = Leaderboard(records: sixGroups, rule: byInertia)
    let consensus = try #require(board.consensus)
    #expect(consensus.votes.map(\.peak) == [nil])
    #expect(consensus.k == 4)
    #expect(board.consensusSentence?.contains("1 of 1 inertia elbow votes") == true)
  }

  @Test("trials at the consensus k rank first, by score; the others follow by score")
  func order() {
    let board = Leaderboard(records: records, rule: rule)
    #expect(board.ranked.map(\.record.index).prefix(3) == [2, 7, 0])
    #expect(board.ranked.map(\.atConsensus).prefix(3) == [true, true, false])
  }

  @Test("without a sweep of three or more k, or without the elbow metric, there is no consensus and the score alone ranks")
  func noConsensus() {
    let short = Array(records.prefix(2))
    #expect(Leaderboard(records: short, rule: rule).consensus == nil)
    #expect(Leaderboard(records: short, rule: rule).ranked.map(\.record.index) == [0, 1])
    var noElbow = rule
    noElbow.elbowMetric = nil
    #expect(Leaderboard(records: records, rule: noElbow).consensus == nil)
    #expect(Leaderboard(records: records, rule: noElbow).ranked.first?.record.index == 0)
  }
}
