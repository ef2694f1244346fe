/// The number of clusters the run's sweeps over k agree on: each sweep votes for the larger of its elbow and its
/// best-quality k, weighted by how good its trial there is.
///
/// Silhouette and stability alone favour the fewest clusters whenever the
/// segments group into a few super-segments (two broad spending classes, say),
/// so a leaderboard ranked by them picks k = 2 on typical customer data. The
/// elbow of the within-cluster dispersion is far less biased that way: it
/// marks the k after which more clusters stop paying. But the elbow (Kneedle,
/// the point of the normalised curve farthest above the chord) errs low too:
/// on a steep dispersion curve it lands before the last clear drop (six
/// well-separated blobs: the elbow is at 4). Both criteria err towards too
/// few clusters, never towards too many, so when the quality metric peaks
/// beyond the elbow the peak is the better-supported k. Each sweep (a
/// pipeline × algorithm setting tried at three or more values of k) therefore
/// votes for the larger of its elbow (computed in the evaluation space) and
/// the k where its eligible trials' normalised quality is highest, with the
/// score of its trial at that k as the vote's weight, so sweeps whose trials
/// rank badly (an unscaled pipeline, an unstable algorithm) count little. The
/// consensus is the k with the most weight (ties to the smaller k). When the
/// ranking metric is the dispersion itself, its peak is always the largest k
/// and says nothing; the elbow alone votes.
///
/// Validated on labelled data (see the README's model-selection table): with
/// the consensus first, the rank-1 trial recovers the known segments nearly
/// as well as the best trial of the grid.
public struct KConsensus: Sendable, Equatable {
  /// One sweep's vote.
  public struct Vote: Sendable, Equatable {
    /// The sweep's pipeline and algorithm.
    public var pipeline: String
    public var algorithm: String
    /// The elbow of its dispersion curve.
    public var elbow: Int
    /// The k of its best normalised quality, when the quality metric is not the dispersion.
    public var peak: Int?
    /// The score of its trial at ``k``.
    public var weight: Double

    /// The k it votes for: the larger of ``elbow`` and ``peak``.
    public var k: Int { max(elbow, peak ?? elbow) }
  }

  /// The k agreed on.
  public var k: Int
  /// Every sweep's vote, in grid order.
  public var votes: [Vote]

  /// The weight of the votes for ``k``.
  public var weight: Double { votes.filter { $0.k == k }.reduce(0) { $0 + $1.weight } }
  /// The weight of every vote.
  public var totalWeight: Double { votes.reduce(0) { $0 + $1.weight } }

  /// The consensus of `records` (grid order), or nil when no sweep votes.
  ///
  /// `dispersion` reads a record's within-cluster dispersion (the elbow
  /// metric); `quality` gives an eligible record's normalised quality (higher
  /// is better), or nil for records that are not ranked and always nil when
  /// the quality metric is the dispersion; `score` gives an eligible record's
  /// leaderboard score and nil for records that are not ranked (they cast no
  /// vote).
  public static func compute(
    records: [TrialRecord], dispersion: (TrialRecord) -> Double?, quality: (TrialRecord) -> Double?, score: (TrialRecord) -> Double?
  ) -> KConsensus? {
    var order: [String] = []
    var sweeps: [String: [(k: Int, record: TrialRecord)]] = [:]
    for record in records where record.status == .ok {
      guard let (k, setting) = KSelection.sweep(of: record) else { continue }
      let key = setting.canonicalText
      if sweeps[key] == nil { order.append(key) }
      sweeps[key, default: []].append((k, record))
    }
    var votes: [Vote] = []
    for key in order {
      let sweep = sweeps[key]!.sorted { $0.k < $1.k }
      let curve = sweep.compactMap { entry in dispersion(entry.record).map { (entry.k, $0) } }
      guard Set(curve.map(\.0)).count >= 3, let elbow = KSelection.kneedle(curve) else { continue }
      let peak = sweep.compactMap { entry in quality(entry.record).map { (k: entry.k, quality: $0) } }
        .max { $0.quality < $1.quality || ($0.quality == $1.quality && $0.k > $1.k) }?.k
      var vote = Vote(pipeline: sweep[0].record.pipeline, algorithm: sweep[0].record.algorithmName, elbow: elbow, peak: peak, weight: 0)
      guard let weight = sweep.first(where: { $0.k == vote.k }).flatMap({ score($0.record) }) else { continue }
      vote.weight = weight
      votes.append(vote)
    }
    var totals: [Int: Double] = [:]
    for vote in votes { totals[vote.k, default: 0] += vote.weight }
    guard let k = totals.keys.sorted().max(by: { totals[$0]! < totals[$1]! || (totals[$0]! == totals[$1]! && $0 > $1) }) else { return nil }
    return KConsensus(k: k, votes: votes)
  }
}
