/// Trials ordered best first by the ranking metric.
///
/// Rule: successful trials whose ranking metric is defined are ranked by it
/// in the metric's direction; equal values keep grid order (lower trial
/// index first), so the order is total and reproducible. Trials that failed
/// or whose ranking metric is undefined follow, unranked, in grid order.
public struct Leaderboard: Sendable, Equatable {
  /// The metric that orders the board.
  public var metric: String
  /// Its direction.
  public var direction: MetricDirection
  /// Ranked trials, best first.
  public var ranked: [TrialRecord]
  /// Trials that could not be ranked, in grid order.
  public var unranked: [TrialRecord]

  /// Ranks `records` by `metric`.
  public init(records: [TrialRecord], metric: String, direction: MetricDirection) {
    self.metric = metric
    self.direction = direction
    let inOrder = records.sorted { $0.index < $1.index }
    let scorable = inOrder.filter { $0.status == .ok && $0.metrics[metric]?.value != nil }
    ranked = scorable.sorted { a, b in
      let x = a.metrics[metric]!.value!, y = b.metrics[metric]!.value!
      if x != y { return direction == .higherIsBetter ? x > y : x < y }
      return a.index < b.index
    }
    let rankedIndices = Set(ranked.map(\.index))
    unranked = inOrder.filter { !rankedIndices.contains($0.index) }
  }

  /// The leaderboard as CSV: a header, ranked rows (rank 1…), then unranked rows (empty rank).
  public func csv(metricNames: [String], describe: (TrialRecord) -> String) -> String {
    var rows = [["rank", "trial", "config_hash", "pipeline", "algorithm", "parameters", "clusters"] + metricNames + ["status", "error"]]
    for (position, record) in (ranked + unranked).enumerated() {
      let rank = position < ranked.count ? String(position + 1) : ""
      let metrics = metricNames.map { record.metrics[$0]?.value.map(JSONNumber.format) ?? "" }
      rows.append(
        [rank, String(record.index), record.configHash, record.pipeline, record.algorithmName, describe(record), record.clusterCount.map(String.init) ?? ""]
          + metrics + [record.status.rawValue, record.error ?? ""])
    }
    return CSVWriter().text(rows: rows)
  }

  /// The leaderboard as a Markdown document for people; with `limit`, only the best rows and a count of the unranked.
  public func markdown(title: String, metricNames: [String], describe: (TrialRecord) -> String, limit: Int? = nil) -> String {
    var out = "# \(title)\n\nRanked by **\(metric)** (\(direction == .higherIsBetter ? "higher is better" : "lower is better")); ties keep grid order.\n\n"
    out += "| rank | pipeline | algorithm | parameters | clusters | " + metricNames.joined(separator: " | ") + " | config |\n"
    out += "|---:|---|---|---|---:|" + String(repeating: "---:|", count: metricNames.count) + "---|\n"
    for (position, record) in ranked.prefix(limit ?? ranked.count).enumerated() {
      let metrics = metricNames.map { record.metrics[$0]?.value.map(Self.rounded) ?? "—" }
      out += "| \(position + 1) | \(record.pipeline) | \(record.algorithmName) | \(describe(record)) | \(record.clusterCount ?? 0) | "
        + metrics.joined(separator: " | ") + " | `\(record.configHash)` |\n"
    }
    if !unranked.isEmpty, limit != nil {
      out += "\n\(unranked.count) trial\(unranked.count == 1 ? "" : "s") not ranked (failed or \(metric) undefined).\n"
    } else if !unranked.isEmpty {
      out += "\n## Not ranked\n\n| trial | pipeline | algorithm | parameters | reason |\n|---:|---|---|---|---|\n"
      for record in unranked {
        let reason = record.error ?? (record.metrics[metric].flatMap { if case .undefined(let r) = $0 { r } else { nil } } ?? "\(metric) missing")
        out += "| \(record.index) | \(record.pipeline) | \(record.algorithmName) | \(describe(record)) | \(reason.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")) |\n"
      }
    }
    return out
  }

  /// A metric value with four significant decimals for tables.
  static func rounded(_ value: Double) -> String {
    let scale = 10_000.0
    let r = (value * scale).rounded() / scale
    return JSONNumber.format(r)
  }
}
