extension GateReport {
  /// The verdict as GitHub-flavoured Markdown: a headline, the chosen trial(s), and a table of checks.
  ///
  /// Fit for `$GITHUB_STEP_SUMMARY` (append it) or a merge-request comment.
  public var markdown: String {
    let failed = failures.count
    let headline = passed ? "✅ Quality gate passed" : "❌ Quality gate failed: \(failed) of \(checks.count) checks"
    var out = "## \(headline) — \(experiment)\n\n"
    out += "Run `\(runKey)`: " + (chosen.map { "chosen \($0.label), score \(Leaderboard.rounded($0.entry.score))" } ?? "no trial chosen") + ".\n"
    if let baseline {
      out += "Baseline run `\(baseline.runKey)`" + (baseline.experiment == experiment ? "" : " (\(baseline.experiment))") + ": "
      out += (baseline.chosen.map { "chosen \($0.label)" } ?? "no trial chosen")
      if let agreement = baseline.agreement { out += "; \(agreement.sharedRows) customers in common" }
      out += ".\n"
    }
    out += "\n| | check | measured | threshold |\n|---|---|---:|---|\n"
    for check in checks {
      let mark = switch check.outcome {
      case .passed: "✅"
      case .failed: "❌"
      case .skipped: "⏭️"
      }
      out += "| \(mark) | `\(check.name)`: \(check.summary) | \(check.measuredText) | \(check.threshold) |\n"
    }
    let notes = checks.compactMap { check in check.detail.map { "- `\(check.name)`: \($0)" } }
    if !notes.isEmpty { out += "\n" + notes.joined(separator: "\n") + "\n" }
    return out
  }
}
