extension Leaderboard {
  /// The leaderboard as CSV for pandas and spreadsheets: one row per trial, ranked rows first (rank 1…), then the
  /// unranked with ranks continuing after them, `ranked` false and their reason.
  ///
  /// `quality` is the ranking metric's value as ranked (in the shared evaluation space when measured there); the
  /// metric columns hold each trial's own-space values.
  /// Every column keeps one type: `rank` is always an integer, `ranked` always `true`/`false`, and each algorithm
  /// parameter the spec sets has its own column (`parameterColumns`, prefixed `param_` where a name would clash
  /// with a fixed column), empty for algorithms without it.
  public func csv(
    metricNames: [String], describe: (TrialRecord) -> String, parameterColumns: [String], parameterValue: (TrialRecord, String) -> JSONValue?
  ) -> String {
    let fixed = ["rank", "ranked", "score", "trial", "config_hash", "pipeline", "algorithm", "parameters", "clusters", "stability", "quality", "pareto"]
    let parameterHeaders = parameterColumns.map { fixed.contains($0) || metricNames.contains($0) ? "param_" + $0 : $0 }
    var rows = [fixed + parameterHeaders + metricNames + ["status", "reason"]]
    func row(_ rank: Int, _ entry: Entry?, _ record: TrialRecord, _ reason: String) -> [String] {
      [
        String(rank), entry == nil ? "false" : "true", entry.map { JSONNumber.format($0.score) } ?? "", String(record.index), record.configHash,
        record.pipeline, record.algorithmName, describe(record), record.clusterCount.map(String.init) ?? "",
        record.stability?.score.map(JSONNumber.format) ?? "", rule.quality(of: record)?.value.map(JSONNumber.format) ?? "", entry.flatMap { $0.stability == nil ? nil : ($0.onParetoFront ? "true" : "false") } ?? "",
      ] + parameterColumns.map { parameterValue(record, $0).map(Self.cell) ?? "" }
        + metricNames.map { record.metrics[$0]?.value.map(JSONNumber.format) ?? "" } + [record.status.rawValue, reason]
    }
    for (position, entry) in ranked.enumerated() { rows.append(row(position + 1, entry, entry.record, "")) }
    for (offset, (record, reason)) in unranked.enumerated() { rows.append(row(ranked.count + offset + 1, nil, record, reason)) }
    return CSVWriter().text(rows: rows)
  }

  /// A parameter value as a cell: strings bare, numbers and booleans as JSON writes them, lists as compact JSON.
  private static func cell(_ value: JSONValue) -> String { value.string ?? value.canonicalText }
}
