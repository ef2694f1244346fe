/// The insight of one trial of a finished run, on request: what `workbench profile` shows.
public struct TrialProfile: Sendable {
  /// The trial profiled, with its run-wide segment ids.
  public var record: TrialRecord
  /// Its rank on the leaderboard, when ranked.
  public var rank: Int?
  /// The insight.
  public var insight: SegmentInsight

  /// Profiles trial `trial` (a config hash or unique prefix), or the trial at `rank` (1 = chosen), of the run in `runDirectory`.
  public static func compute(runDirectory: String, trial: String?, rank: Int?, registry: PluginRegistry) throws -> TrialProfile {
    let results = try RunResults.open(runDirectory, registry: registry)
    let finalizer = RunFinalizer(registry: registry)
    let (board, records) = try finalizer.ranked(results)
    let record: TrialRecord
    if let trial {
      let hash = try results.record(matching: trial).configHash
      record = records.first { $0.configHash == hash }!
    } else {
      let position = rank ?? 1
      guard position >= 1, position <= board.ranked.count else {
        throw SpecError(
          Location(file: runDirectory), board.ranked.isEmpty ? "no trial of this run is ranked." : "there is no rank \(position); \(board.ranked.count) trials are ranked.",
          fix: board.ranked.isEmpty ? "name a successful trial with --trial (see leaderboard.md)." : "use a rank from 1 to \(board.ranked.count), or --trial HASH.")
      }
      record = board.ranked[position - 1].record
    }
    guard record.status == .ok else {
      throw SpecError(Location(file: runDirectory), "trial \(record.configHash) failed (\(record.error ?? "no reason recorded")); it has no segments.", fix: "choose a successful trial (see leaderboard.md).")
    }
    let (insight, _, _) = try finalizer.insight(of: record, in: results, source: try finalizer.loadSource(results))
    let rank = board.ranked.firstIndex { $0.record.configHash == record.configHash }.map { $0 + 1 }
    return TrialProfile(record: record, rank: rank, insight: insight)
  }

  /// One screen per segment: name, size and share, what distinguishes it (the columns furthest from the
  /// population in standard deviations), and the surrogate tree's rule for it.
  public var text: String {
    let rankText = rank.map { "rank \($0)" } ?? "not ranked"
    var out = "Trial \(record.configHash) (\(rankText)): \(record.pipeline) · \(record.algorithmName), \(insight.segments.filter { $0.id >= 0 }.count) segments\n"
    let rules = try? insight.importance.get()
    for (g, segment) in insight.segments.enumerated() {
      out += "\nSegment \(segment.id) · \(segment.name.name) — \(segment.size.formatted()) rows (\(RankingRule.percent(segment.share, decimals: 1)))\n"
      let distinctive = insight.distinguishing(g, limit: 3)
      if !distinctive.isEmpty {
        let parts = distinctive.map { column, z, relative in
          "\(column) \(relative.map { ($0 >= 0 ? "+" : "−") + RankingRule.percent(abs($0), decimals: 0) + " vs all, " } ?? "")z \(z >= 0 ? "+" : "−")\(JSONNumber.plain((abs(z) * 10).rounded() / 10))"
        }
        out += "  stands out by: " + parts.joined(separator: "; ") + "\n"
      }
      if let rule = rules?.rules[safe: g]?.first {
        out += "  rule: \(rule.text) (precision \(RankingRule.percent(rule.precision, decimals: 0)), covers \(RankingRule.percent(rule.coverage, decimals: 0)))\n"
      }
    }
    return out
  }
}

extension Array {
  /// The element at `index`, or nil outside the array.
  subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
