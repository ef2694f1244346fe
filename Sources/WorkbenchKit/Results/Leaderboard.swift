/// Trials ranked by a ``RankingRule``: scores, the Pareto front, the best configuration per method, and the unranked with reasons.
public struct Leaderboard: Sendable, Equatable {
  /// One ranked trial.
  public struct Entry: Sendable, Equatable {
    /// The trial.
    public var record: TrialRecord
    /// Its score in [0, 1].
    public var score: Double
    /// Normalised quality in [0, 1].
    public var quality: Double
    /// Stability in [0, 1], when computed.
    public var stability: Double?
    /// Whether no other ranked trial dominates it on (quality, stability); false when stability was not computed.
    public var onParetoFront: Bool
    /// Whether it has the consensus number of clusters (see ``KConsensus``); such trials rank first.
    public var atConsensus: Bool = false
  }

  /// The rule used.
  public var rule: RankingRule
  /// Ranked trials, best first.
  public var ranked: [Entry]
  /// Trials that could not be ranked, in grid order, with the reason.
  public var unranked: [(record: TrialRecord, reason: String)]
  /// The number of clusters the sweeps over k agree on, when the trials sweep k.
  public var consensus: KConsensus?

  /// Ranks `records` by `rule`.
  public init(records: [TrialRecord], rule: RankingRule) {
    self.rule = rule
    let inOrder = records.sorted { $0.index < $1.index }
    var eligible: [TrialRecord] = []
    var unranked: [(TrialRecord, String)] = []
    for record in inOrder {
      if let reason = rule.ineligibility(record) { unranked.append((record, reason)) } else { eligible.append(record) }
    }
    let raw = eligible.map { rule.quality(of: $0)!.value! }
    let finiteBounds = rule.bounds.flatMap { $0.lowerBound.isFinite && $0.upperBound.isFinite ? $0 : nil }
    let (low, high) = finiteBounds.map { ($0.lowerBound, $0.upperBound) } ?? (raw.min() ?? 0, raw.max() ?? 0)
    let useStability = eligible.contains { $0.stability?.score != nil }
    let weight = useStability ? rule.spec.stabilityWeight : 0
    var entries: [Entry] = zip(eligible, raw).map { record, value in
      var quality = high > low ? (value - low) / (high - low) : 1
      if rule.direction == .lowerIsBetter { quality = 1 - quality }
      quality = min(max(quality, 0), 1)
      let stability = useStability ? min(max(record.stability?.score ?? 0, 0), 1) : nil
      return Entry(record: record, score: (1 - weight) * quality + weight * (stability ?? 0), quality: quality, stability: stability, onParetoFront: false)
    }
    for i in entries.indices where useStability {
      entries[i].onParetoFront = !entries.contains { other in
        let s = entries[i].stability ?? 0, t = other.stability ?? 0
        return other.quality >= entries[i].quality && t >= s && (other.quality > entries[i].quality || t > s)
      }
    }
    let scores = Dictionary(uniqueKeysWithValues: entries.map { ($0.record.index, $0.score) })
    let qualities = rule.elbowMetric == rule.spec.metric ? [:] : Dictionary(uniqueKeysWithValues: entries.map { ($0.record.index, $0.quality) })
    consensus = KConsensus.compute(
      records: inOrder, dispersion: rule.dispersion(of:), quality: { qualities[$0.index] }, score: { scores[$0.index] })
    if let k = consensus?.k {
      for i in entries.indices { entries[i].atConsensus = (KSelection.sweep(of: entries[i].record)?.k ?? entries[i].record.clusterCount) == k }
    }
    ranked = entries.sorted { a, b in
      if a.atConsensus != b.atConsensus { return a.atConsensus }
      if a.score != b.score { return a.score > b.score }
      if a.quality != b.quality { return a.quality > b.quality }
      return a.record.index < b.record.index
    }
    self.unranked = unranked
  }

  public static func == (a: Leaderboard, b: Leaderboard) -> Bool {
    a.rule == b.rule && a.ranked == b.ranked && a.unranked.map(\.record) == b.unranked.map(\.record) && a.unranked.map(\.reason) == b.unranked.map(\.reason)
      && a.consensus == b.consensus
  }

  /// The best ranked trial of each algorithm, in rank order.
  public var bestPerMethod: [Entry] {
    var seen: Set<String> = []
    return ranked.filter { seen.insert($0.record.algorithmName).inserted }
  }

  /// A value with four decimals for tables.
  static func rounded(_ value: Double) -> String {
    let r = (value * 10_000).rounded() / 10_000
    return JSONNumber.plain(r)
  }
}
