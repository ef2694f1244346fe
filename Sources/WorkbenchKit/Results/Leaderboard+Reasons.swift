extension Leaderboard {
  /// Where the ranking metric was measured: the shared evaluation space when the records carry it there, else a
  /// sentence saying each trial's own value ranked.
  func spaceSentence(_ evaluation: EvaluationSpec) -> String {
    guard let first = ranked.first?.record else { return "" }
    if first.evaluation?.metrics[rule.spec.metric] != nil { return evaluation.sentence }
    return "**\(rule.spec.metric)** is not recomputed in a shared space (it compares labels, or the model's own fit): each trial's own value ranks."
  }

  /// The consensus k and how strongly the sweeps agree on it, or nil without one.
  var consensusSentence: String? {
    guard let consensus else { return nil }
    let agreeing = consensus.votes.filter { $0.k == consensus.k }.count
    let share = consensus.totalWeight > 0 ? consensus.weight / consensus.totalWeight : 0
    let dispersion = rule.elbowMetric ?? "dispersion"
    let kind =
      consensus.votes.contains { $0.peak != nil }
      ? "votes (each sweep votes for the larger of its \(dispersion) elbow and its best-\(rule.spec.metric) k)" : "\(dispersion) elbow votes"
    return """
      The sweeps over k agree on **k = \(consensus.k)**: \(agreeing) of \(consensus.votes.count) \(kind), carrying \
      \(RankingRule.percent(share)) of the votes' weight (each vote weighs its trial's score), so trials with \
      \(consensus.k) clusters rank first.
      """
  }

  /// Why rank 1 is ahead of rank 2, in one sentence with the numbers: the consensus k, or the quality and
  /// stability terms of the score, or the tie-break.
  func whyFirst(describe: (TrialRecord) -> String) -> String? {
    guard ranked.count >= 2 else { return nil }
    let (a, b) = (ranked[0], ranked[1])
    func name(_ e: Entry) -> String {
      TrialPlan.configurationText(pipeline: e.record.pipeline, algorithm: e.record.algorithmName, parameters: describe(e.record))
    }
    let opening = "Rank 1 (\(name(a))) is ahead of rank 2 (\(name(b)))"
    if a.atConsensus && !b.atConsensus, let k = consensus?.k {
      return "\(opening) because it has the consensus k = \(k) and rank 2 does not, though rank 2 scores \(Self.rounded(b.score)) against \(Self.rounded(a.score))."
    }
    let metric = rule.spec.metric
    var qualityText = metric
    if let rawA = rule.quality(of: a.record)?.value, let rawB = rule.quality(of: b.record)?.value {
      qualityText = "\(metric) \(Self.rounded(rawA)) against \(Self.rounded(rawB))"
    }
    if a.score == b.score {
      return a.quality != b.quality
        ? "\(opening): equal scores, and ties go to the better quality (\(qualityText))."
        : "\(opening): equal scores and quality, and ties go to grid order (trial \(a.record.index) before \(b.record.index))."
    }
    guard let sa = a.stability, let sb = b.stability else {
      return "\(opening) on quality: \(qualityText)."
    }
    let weight = rule.spec.stabilityWeight
    let qualityTerm = (1 - weight) * (a.quality - b.quality), stabilityTerm = weight * (sa - sb)
    func signed(_ v: Double) -> String { (v >= 0 ? "+" : "−") + Self.rounded(abs(v)) }
    return """
      \(opening) on score, \(Self.rounded(a.score)) against \(Self.rounded(b.score)): quality (\(qualityText)) adds \
      \(signed(qualityTerm)) and stability (\(Self.rounded(sa)) against \(Self.rounded(sb))) adds \(signed(stabilityTerm)).
      """
  }
}
