import WorkbenchKit

/// The end-of-run summary printed on standard output.
enum LeaderboardText {
  /// The best `limit` trials as a Markdown table, then where the full results are.
  static func top(_ summary: RunSummary, limit: Int, registry: PluginRegistry) -> String {
    let board = summary.leaderboard.markdown(
      title: "Top \(min(limit, summary.leaderboard.ranked.count)) of \(MessageText.counted(summary.records.count, "trial"))", metricNames: summary.metricNames,
      describe: { summary.parameterText(of: $0, registry: registry) }, evaluation: summary.plan.experiment.evaluation, limit: limit)
    return board + "\nFull results: \(summary.directory)/leaderboard.md"
  }
}
