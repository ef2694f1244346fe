/// Section 2: the leaderboard (sortable), the Pareto chart of quality against stability, and the best of each method.
extension RunReport {
  var methodSection: HTML {
    let stabilityComputed = board.ranked.contains { $0.stability != nil }
    let rule = board.rule.explanation(stabilityComputed: stabilityComputed).replacingOccurrences(of: "**", with: "")
    var out: HTML = "<p>\(rule)</p>\n"
    if let consensus = board.consensus {
      out = "\(out)<p>Trials with <b>k = \(consensus.k)</b>, the number of segments the sweeps over k agree on (see \"Choosing k\"), rank before all others.</p>\n"
    }
    out = "\(out)<h3>Leaderboard</h3>\n\(Self.note("Click a column heading to sort. Quality is the ranking metric normalised to [0, 1]; the metric columns are each trial's own values (in its pipeline's space), as in <code>leaderboard.csv</code>."))"
    out = "\(out)\(leaderboardTable(board.ranked.map { Optional($0) }, unranked: true))"
    if stabilityComputed {
      out = "\(out)<h3>Quality against stability</h3>\n\(paretoFigure)"
    } else {
      out = "\(out)\(Self.note("No stability was computed (the spec has no \"stability\" section), so there is no Pareto chart of quality against stability."))"
    }
    if board.bestPerMethod.count > 1 {
      out = "\(out)<h3>Best configuration of each method</h3>\n\(leaderboardTable(board.bestPerMethod.map { Optional($0) }, unranked: false))"
    }
    return out
  }

  /// A sortable table of `entries` (and, with `unranked`, the trials not ranked with their reason).
  private func leaderboardTable(_ entries: [Leaderboard.Entry?], unranked: Bool) -> HTML {
    let metricNames = plan.metrics.map(\.name)
    let headings: [(String, Bool)] = [("rank", true), ("score", true), ("quality", true), ("stability", true), ("configuration", false), ("clusters", true)]
      + metricNames.map { ($0, true) } + [("config hash", false)] + (unranked ? [("not ranked because", false)] : [])
    let head = headings.map { name, numeric in "<th\(numeric ? " class=\"num\"" : "" as HTML) scope=\"col\">\(name)</th>" as HTML }.joined()
    let chosen = board.ranked.first?.record.configHash
    var rows: [HTML] = entries.compactMap { $0 }.map { entry in
      let rank = (board.ranked.firstIndex { $0.record.configHash == entry.record.configHash } ?? 0) + 1
      return row(entry.record, rank: rank, entry: entry, reason: unranked ? "" : nil, chosen: entry.record.configHash == chosen)
    }
    if unranked { rows += board.unranked.map { row($0.record, rank: nil, entry: nil, reason: $0.reason, chosen: false) } }
    return "<div class=\"table-wrap\"><table class=\"sortable\"><thead><tr>\(head)</tr></thead><tbody>\(rows.joined())</tbody></table></div>\n"
  }

  private func row(_ record: TrialRecord, rank: Int?, entry: Leaderboard.Entry?, reason: String?, chosen: Bool) -> HTML {
    func numeric(_ value: Double?, _ text: String? = nil) -> HTML {
      "<td class=\"num\" data-sort=\"\(value.map { JSONNumber.format($0) } ?? "")\">\(text ?? Self.decimal(value))</td>"
    }
    let star = entry?.onParetoFront == true ? " ★" : ""
    var cells: [HTML] = [
      "<td class=\"num\" data-sort=\"\(rank.map(String.init) ?? "")\">\(rank.map { "\($0)\(star)" } ?? "—")</td>",
      numeric(entry?.score), numeric(entry?.quality), numeric(entry?.stability ?? record.stability?.score),
      "<td class=\"configuration\">\(describe(record))</td>",
      numeric(record.clusterCount.map(Double.init), record.clusterCount.map(String.init) ?? "—"),
    ]
    cells += plan.metrics.map { numeric(record.metrics[$0.name]?.value) }
    cells.append("<td><code>\(record.configHash)</code></td>")
    if let reason { cells.append("<td class=\"reason\">\(reason)</td>") }
    return "<tr\(chosen ? " class=\"chosen\"" : "" as HTML)>\(cells.joined())</tr>\n"
  }

  /// Every ranked trial by normalised quality and stability; markers by method, the front dashed, the chosen trial ringed.
  private var paretoFigure: HTML {
    let methods = Array(Set(board.ranked.map(\.record.algorithmName))).sorted()
    let shapes = ScatterPlot.Shape.allCases
    func shape(_ method: String) -> ScatterPlot.Shape { shapes[(methods.firstIndex(of: method) ?? 0) % shapes.count] }
    let entries = board.ranked.reversed()
    let points = entries.map { entry in
      ScatterPlot.Point(
        x: entry.quality, y: entry.stability ?? 0, colour: entry.onParetoFront ? "#12355B" : "#8C8C8C", shape: shape(entry.record.algorithmName),
        title: "\(describe(entry.record)): quality \(Self.decimal(entry.quality)), stability \(Self.decimal(entry.stability)), score \(Self.decimal(entry.score))")
    }
    let front = board.ranked.filter(\.onParetoFront).map { ($0.quality, $0.stability ?? 0) }.sorted { $0.0 < $1.0 }
    let best = board.ranked[0]
    let legend = methods.map { ScatterPlot.Key(label: $0, colour: "#555555", shape: shape($0)) }
      + [ScatterPlot.Key(label: "on the Pareto front", colour: "#12355B"), ScatterPlot.Key(label: "dominated", colour: "#8C8C8C")]
    let chart = ScatterPlot(
      title: "Quality against stability of the ranked trials", xTitle: "quality (normalised \(board.rule.spec.metric))", yTitle: "stability (mean resample ARI)",
      points: points, radius: 5, front: front, highlight: (best.quality, best.stability ?? 0, "chosen: \(describe(best.record))"), legend: legend, width: 760, height: 400)
    return Self.figure(
      "pareto", chart.svg,
      caption: "Each marker is a ranked trial (shape = algorithm). Dark markers are on the Pareto front (no trial is at least as good in both and better in one), joined by the dashed line; the ringed one ranks first. Hover a marker for the trial.")
  }
}
