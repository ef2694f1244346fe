extension RunComparison {
  /// The comparison as Markdown: what changed, the chosen segmentations and their contingency table, then every shared trial.
  public var markdown: String {
    var out = "# Comparison: \(first.experiment) `\(first.runKey)` → \(second.experiment) `\(second.runKey)`\n\n## What changed\n\n"
    out += "| | first | second |\n|---|---|---|\n"
    for (a, b) in zip(Self.facts(first), Self.facts(second)) {
      out += "| \(a.key) | \(a.value) | \(a.value == b.value ? "same" : b.value) |\n"
    }
    out += "| spec | | " + (specChanges.isEmpty ? "same" : "\(specChanges.count) difference\(specChanges.count == 1 ? "" : "s")") + " |\n"
    if !specChanges.isEmpty { out += "\n" + specChanges.map { "- `\($0.text)`" }.joined(separator: "\n") + "\n" }
    out += "\n## Chosen segmentations\n\n"
    out += "- first: " + (first.chosen.map { "\($0.label), score \(Leaderboard.rounded($0.entry.score))" } ?? "no trial chosen") + "\n"
    out += "- second: " + (second.chosen.map { "\($0.label), score \(Leaderboard.rounded($0.entry.score))" } ?? "no trial chosen") + "\n"
    if let agreement {
      out += "\nOn the \(agreement.sharedRows) customers both runs label: adjusted Rand index "
        + (agreement.adjustedRandIndex.map(Leaderboard.rounded) ?? "—") + "; largest segment share shift \(RankingRule.percent(agreement.largestShift))"
        + " (\(agreement.onlyFirst) customers only in the first run, \(agreement.onlySecond) only in the second).\n\n"
      out += contingencyMarkdown(agreement)
    }
    out += "\n## Trials in both runs (\(trials.count))\n\n"
    out += "| trial | configuration | rank | score | " + metricNames.joined(separator: " | ") + " |\n"
    out += "|---:|---|---|---|" + String(repeating: "---|", count: metricNames.count) + "\n"
    for trial in trials {
      let rank = "\(trial.rank.first.map(String.init) ?? "—") → \(trial.rank.second.map(String.init) ?? "—")"
      let metrics = metricNames.map { Self.change(trial.first.metrics[$0]?.value, trial.second.metrics[$0]?.value) }
      out += "| \(trial.first.index) | \(trial.description) | \(rank) | \(Self.change(trial.score.first, trial.score.second)) | " + metrics.joined(separator: " | ") + " |\n"
    }
    if !onlyFirst.isEmpty || !onlySecond.isEmpty {
      out += "\nOnly in the first run: \(onlyFirst.count) trial\(onlyFirst.count == 1 ? "" : "s")"
        + (onlyFirst.isEmpty ? "" : " (" + onlyFirst.prefix(10).map { first.describe($0) }.joined(separator: "; ") + (onlyFirst.count > 10 ? "; …" : "") + ")")
      out += ". Only in the second: \(onlySecond.count)"
        + (onlySecond.isEmpty ? "" : " (" + onlySecond.prefix(10).map { second.describe($0) }.joined(separator: "; ") + (onlySecond.count > 10 ? "; …" : "") + ")") + ".\n"
    }
    return out
  }

  /// The comparison as JSON.
  public var json: JSONValue {
    func run(_ r: RankedRun) -> JSONValue {
      let manifest = r.results.manifest
      return [
        "experiment": .string(r.experiment), "run_key": .string(r.runKey), "data_sha256": .string(manifest.dataSHA256), "rows": .int(manifest.rows),
        "columns": .int(manifest.columns), "tool_version": .string(manifest.toolVersion), "chosen": r.chosen?.json ?? .null,
      ]
    }
    func pair(_ a: Double?, _ b: Double?) -> JSONValue { [a.map(JSONValue.double) ?? .null, b.map(JSONValue.double) ?? .null] }
    var o: [String: JSONValue] = [
      "first": run(first), "second": run(second),
      "spec_changes": .array(
        specChanges.map { ["path": .string($0.path), "first": $0.first ?? .null, "second": $0.second ?? .null] }),
      "trials": .array(
        trials.map { trial in
          [
            "config_hash": .string(trial.first.configHash), "trial": [.int(trial.first.index), .int(trial.second.index)],
            "configuration": .string(trial.description),
            "rank": [trial.rank.first.map(JSONValue.int) ?? .null, trial.rank.second.map(JSONValue.int) ?? .null],
            "score": pair(trial.score.first, trial.score.second),
            "metrics": .object(Dictionary(uniqueKeysWithValues: metricNames.map { ($0, pair(trial.first.metrics[$0]?.value, trial.second.metrics[$0]?.value)) })),
          ]
        }),
      "only_first": .array(onlyFirst.map { .string($0.configHash) }), "only_second": .array(onlySecond.map { .string($0.configHash) }),
    ]
    if let agreement {
      let table = agreement.table
      o["agreement"] = [
        "shared_rows": .int(agreement.sharedRows), "only_first": .int(agreement.onlyFirst), "only_second": .int(agreement.onlySecond),
        "ari": agreement.adjustedRandIndex.map(JSONValue.double) ?? .null, "largest_share_shift": .double(agreement.largestShift),
        "contingency": [
          "first_segments": .array(table.firstLabels.map { .string(Self.segmentName($0)) }),
          "second_segments": .array(table.secondLabels.map { .string(Self.segmentName($0)) }),
          "counts": .array(table.counts.map { .array($0.map(JSONValue.int)) }),
        ],
      ]
    }
    return .object(o)
  }

  /// The contingency table of the chosen segmentations: first run's segments as rows, the second's as columns.
  private func contingencyMarkdown(_ agreement: SegmentAgreement) -> String {
    let table = agreement.table
    guard !table.firstLabels.isEmpty else { return "" }
    var out = "| first \\ second | " + table.secondLabels.map(Self.segmentName).joined(separator: " | ") + " | total |\n"
    out += "|---|" + String(repeating: "---:|", count: table.secondLabels.count + 1) + "\n"
    for (i, label) in table.firstLabels.enumerated() {
      out += "| \(Self.segmentName(label)) | " + table.counts[i].map(String.init).joined(separator: " | ") + " | \(table.counts[i].reduce(0, +)) |\n"
    }
    let totals = table.secondLabels.indices.map { j in table.counts.reduce(0) { $0 + $1[j] } }
    return out + "| total | " + totals.map(String.init).joined(separator: " | ") + " | \(agreement.sharedRows) |\n"
  }

  /// "segment 2", or "noise" for −1.
  static func segmentName(_ label: Int) -> String { label < 0 ? "noise" : "segment \(label)" }

  /// "0.3172 → 0.3101 (−0.0071)", "0.3172 (same)", "— → 0.31".
  static func change(_ a: Double?, _ b: Double?) -> String {
    switch (a, b) {
    case let (x?, y?) where x == y: return "\(Leaderboard.rounded(x)) (same)"
    case let (x?, y?):
      let delta = y - x
      return "\(Leaderboard.rounded(x)) → \(Leaderboard.rounded(y)) (\(delta >= 0 ? "+" : "−")\(Leaderboard.rounded(abs(delta))))"
    case let (x, y): return "\(x.map(Leaderboard.rounded) ?? "—") → \(y.map(Leaderboard.rounded) ?? "—")"
    }
  }
}
