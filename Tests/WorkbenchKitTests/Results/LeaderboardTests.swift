import Testing
@testable import WorkbenchKit

@Suite("Leaderboard ranking rule")
struct LeaderboardTests {
  func record(_ index: Int, _ silhouette: Score?, sizes: [Int] = [50, 50], stability: Double? = nil, status: TrialRecord.Status = .ok) -> TrialRecord {
    var record = TrialRecord(
      index: index, configHash: "h\(index)", seed: 1, pipeline: "raw",
      configuration: ["algorithm": ["use": .string(index % 2 == 0 ? "kmeans" : "gmm"), "params": ["k": .int(sizes.count)]], "pipeline": []],
      status: status, error: status == .failed ? "boom" : nil, clusterCount: sizes.count, sizes: sizes,
      metrics: silhouette.map { ["silhouette": $0] } ?? [:])
    record.stability = stability.map { StabilityResult(method: .bootstrap, resampleARI: [$0], clusterJaccard: [], failedResamples: 0, seedARI: []) }
    return record
  }

  let silhouetteRule = RankingRule(spec: RankingSpec(metric: "silhouette"), direction: .higherIsBetter, bounds: -1...1)

  @Test("without stability: ranked by quality, ties in grid order, unrankable last with reasons")
  func qualityOnly() {
    let records = [
      record(0, .value(0.5)), record(1, .value(0.7)), record(2, .value(0.5)), record(3, nil, status: .failed),
      record(4, .undefined("one cluster")),
    ]
    let board = Leaderboard(records: records.reversed(), rule: silhouetteRule)
    #expect(board.ranked.map(\.record.index) == [1, 0, 2])
    #expect(board.ranked.map(\.score) == [0.85, 0.75, 0.75])
    #expect(board.unranked.map(\.record.index) == [3, 4])
    #expect(board.unranked.map(\.reason) == ["boom", "silhouette undefined: one cluster"])
  }

  @Test("score mixes normalised quality and stability with the stated weight")
  func withStability() {
    let records = [record(0, .value(0.8), stability: 0.2), record(1, .value(0.4), stability: 0.9), record(2, .value(0.6), stability: 0.5)]
    let board = Leaderboard(records: records, rule: silhouetteRule)
    // (0.9 + 0.2)/2 = 0.55, (0.7 + 0.9)/2 = 0.8, (0.8 + 0.5)/2 = 0.65
    #expect(board.ranked.map(\.record.index) == [1, 2, 0])
    #expect(board.ranked.map { ($0.score * 1e12).rounded() / 1e12 } == [0.8, 0.65, 0.55])
    #expect(board.ranked.map(\.onParetoFront) == [true, true, true])
    var heavy = silhouetteRule
    heavy.spec.stabilityWeight = 0
    #expect(Leaderboard(records: records, rule: heavy).ranked.map(\.record.index) == [0, 2, 1])
  }

  @Test("a dominated trial is off the Pareto front")
  func pareto() {
    let board = Leaderboard(records: [record(0, .value(0.8), stability: 0.9), record(1, .value(0.4), stability: 0.5)], rule: silhouetteRule)
    #expect(board.ranked.map(\.onParetoFront) == [true, false])
  }

  @Test("tiny segments and unstable trials are listed but not ranked")
  func constraints() {
    let records = [
      record(0, .value(0.805), sizes: [9_990, 10]), record(1, .value(0.5), sizes: [5_000, 5_000]), record(2, .value(0.6), stability: -0.1),
      record(3, .value(0.7), sizes: [4_902, 98]),
      // Every row noise (a density method): a defined score, such as an external metric's, must not rank it.
      record(4, .value(0.9), sizes: []),
    ]
    let board = Leaderboard(records: records, rule: silhouetteRule)
    #expect(board.ranked.map(\.record.index) == [1])
    #expect(board.unranked.map(\.reason) == [
      "smallest segment has 0.1 % of rows (10 of 10000), below min_segment_share 2 %", "stability -0.1 is below min_stability 0",
      // 1.96 % rounds to 2 %: the shares get the decimals that tell them apart.
      "smallest segment has 1.96 % of rows (98 of 5000), below min_segment_share 2 %",
      "every row is noise: there is no segment to rank",
    ])
  }

  @Test("unbounded metrics are min-max normalised and lower-is-better flips")
  func unbounded() {
    let records = [record(0, .value(3)), record(1, .value(1)), record(2, .value(2))]
    let rule = RankingRule(spec: RankingSpec(metric: "silhouette"), direction: .lowerIsBetter, bounds: nil)
    let board = Leaderboard(records: records, rule: rule)
    #expect(board.ranked.map(\.record.index) == [1, 2, 0])
    #expect(board.ranked.map(\.score) == [1, 0.5, 0])
  }

  @Test("best configuration per method and CSV rows")
  func perMethodAndCSV() {
    let board = Leaderboard(records: [record(0, .value(0.25)), record(1, .value(0.5)), record(2, .value(0.75)), record(3, nil, status: .failed)], rule: silhouetteRule)
    #expect(board.bestPerMethod.map(\.record.index) == [2, 1])
    let text = board.csv(metricNames: ["silhouette"], describe: { _ in "k=2" }, parameterColumns: ["k", "score"]) { record, name in
      name == "k" ? .int(record.clusterCount ?? 0) : .string("s\(record.index)")
    }
    #expect(
      text == """
        rank,ranked,score,trial,config_hash,pipeline,algorithm,parameters,clusters,stability,quality,pareto,k,param_score,silhouette,status,reason
        1,true,0.875,2,h2,raw,kmeans,k=2,2,,0.75,,2,s2,0.75,ok,
        2,true,0.75,1,h1,raw,gmm,k=2,2,,0.5,,2,s1,0.5,ok,
        3,true,0.625,0,h0,raw,kmeans,k=2,2,,0.25,,2,s0,0.25,ok,
        4,false,,3,h3,raw,gmm,k=2,2,,,,2,s3,,failed,boom

        """, "ranks are integers on every row, each parameter has a column, a clashing name is prefixed")
  }

  @Test("the leaderboard says why rank 1 beat rank 2: the score's quality and stability terms, or the tie-break")
  func whyFirst() {
    let stable = Leaderboard(records: [record(0, .value(0.2), stability: 0.9), record(1, .value(0.6), stability: 0.5)], rule: silhouetteRule)
    #expect(stable.ranked.map(\.record.index) == [0, 1])
    #expect(
      stable.whyFirst { _ in "k=2" }
        == "Rank 1 (raw · kmeans k=2) is ahead of rank 2 (raw · gmm k=2) on score, 0.75 against 0.65: quality (silhouette 0.2 against 0.6) adds −0.1 and stability (0.9 against 0.5) adds +0.2.")
    let tied = Leaderboard(records: [record(0, .value(0.5)), record(1, .value(0.5))], rule: silhouetteRule)
    #expect(tied.whyFirst { _ in "" }?.hasSuffix("equal scores and quality, and ties go to grid order (trial 0 before 1).") == true)
    #expect(Leaderboard(records: [record(0, .value(0.5))], rule: silhouetteRule).whyFirst { _ in "" } == nil, "no runner-up, no sentence")
  }

  @Test("the leaderboard names the space quality was measured in")
  func spaceSentence() {
    var shared = record(0, .value(0.1))
    shared.evaluation = EvaluationScores(space: "standardized", metrics: ["silhouette": .value(0.4)])
    let board = Leaderboard(records: [shared, record(1, .value(0.3))], rule: silhouetteRule)
    #expect(board.spaceSentence(EvaluationSpec()).contains("**standardized**"))
    #expect(board.markdown(title: "t", metricNames: ["silhouette"], describe: { _ in "" }, evaluation: EvaluationSpec()).contains("| silhouette (standardized) |"))
    let own = Leaderboard(records: [record(0, .value(0.1))], rule: silhouetteRule)
    #expect(own.spaceSentence(EvaluationSpec()).contains("each trial's own value ranks"))
  }
}
