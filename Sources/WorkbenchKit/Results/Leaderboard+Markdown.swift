extension Leaderboard {
  /// The leaderboard as a Markdown document for people; with `limit`, only the best rows and a count of the unranked.
  ///
  /// Below the title: the rule, where quality was measured (`evaluation`), the consensus k when the sweeps agree on
  /// one, and why rank 1 beat rank 2.
  public func markdown(title: String, metricNames: [String], describe: (TrialRecord) -> String, evaluation: EvaluationSpec, limit: Int? = nil) -> String {
    let showStability = ranked.contains { $0.stability != nil }
    var out = "# \(title)\n\n\(rule.explanation(stabilityComputed: showStability)) \(spaceSentence(evaluation))\n\n"
    if let consensus = consensusSentence { out += consensus + "\n\n" }
    if let why = whyFirst(describe: describe) { out += why + "\n\n" }
    out += table(ranked.prefix(limit ?? ranked.count), metricNames: metricNames, describe: describe, showStability: showStability)
    if limit == nil, bestPerMethod.count > 1 {
      out += "\n## Best configuration of each method\n\n" + table(bestPerMethod[...], metricNames: metricNames, describe: describe, showStability: showStability)
    }
    if !unranked.isEmpty, limit != nil {
      out += "\n\(unranked.count) trial\(unranked.count == 1 ? "" : "s") not ranked (see leaderboard.md).\n"
    } else if !unranked.isEmpty {
      out += "\n## Not ranked\n\n| trial | pipeline | algorithm | parameters | reason |\n|---:|---|---|---|---|\n"
      for (record, reason) in unranked {
        out += "| \(record.index) | \(record.pipeline) | \(record.algorithmName) | \(describe(record)) | \(reason.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")) |\n"
      }
    }
    return out
  }

  /// The rows of `entries`: rank (★ on the Pareto front), score, the trial, stability, the ranking metric's value
  /// in the shared evaluation space when it was measured there, then every metric in the trial's own space.
  private func table(_ entries: ArraySlice<Entry>, metricNames: [String], describe: (TrialRecord) -> String, showStability: Bool) -> String {
    let shared = ranked.first?.record.evaluation.flatMap { $0.metrics[rule.spec.metric] == nil ? nil : $0.space }
    var out = "| rank | score | pipeline | algorithm | parameters | clusters | " + (showStability ? "stability | " : "")
      + (shared.map { "\(rule.spec.metric) (\($0)) | " } ?? "") + metricNames.joined(separator: " | ") + " | config |\n"
    out += "|---:|---:|---|---|---|---:|" + (showStability ? "---:|" : "") + (shared == nil ? "" : "---:|")
      + String(repeating: "---:|", count: metricNames.count) + "---|\n"
    for entry in entries {
      let record = entry.record
      let rank = (ranked.firstIndex { $0.record.index == record.index } ?? 0) + 1
      let star = showStability && entry.onParetoFront ? " ★" : ""
      let metrics = metricNames.map { record.metrics[$0]?.value.map(Self.rounded) ?? "—" }
      out += "| \(rank)\(star) | \(Self.rounded(entry.score)) | \(record.pipeline) | \(record.algorithmName) | \(describe(record)) | \(record.clusterCount ?? 0) | "
        + (showStability ? "\(entry.stability.map(Self.rounded) ?? "—") | " : "")
        + (shared == nil ? "" : "\(rule.quality(of: record)?.value.map(Self.rounded) ?? "—") | ")
        + metrics.joined(separator: " | ") + " | `\(record.configHash)` |\n"
    }
    return out
  }
}
