/// Section 3: for each pipeline × algorithm setting swept over k, every metric's curve with the k its rule picks.
extension RunReport {
  var kSection: HTML {
    guard !kSelection.groups.isEmpty else {
      return Self.note("No trials differ only in k (a grid over <code>k</code> with two or more values makes this section).")
    }
    var out: HTML = Self.note(HTML(trusted:
      "Each panel is one metric over k, in the trials' own pipeline space, with the k its rule picks ringed: the maximum of silhouette and Calinski–Harabasz, "
        + "the minimum of Davies–Bouldin and BIC, the gap statistic's 1-SE rule (bars: ± one standard error), the inertia elbow by Kneedle "
        + "(the k farthest from the line through the curve's ends, after normalising both axes), and the most stable k."))
    out = "\(out)\(consensusPart)"
    for group in kSelection.groups { out = "\(out)\(kGroup(group))" }
    return out
  }

  /// The ranking's consensus k: each sweep's vote (the larger of its dispersion elbow and its best-quality k,
  /// weighted by its trial's score there).
  private var consensusPart: HTML {
    guard let consensus = board.consensus else { return "" }
    let metric = board.rule.spec.metric
    let votes = consensus.votes.map { vote in
      let peak: HTML = vote.peak.map { "\($0)" } ?? "–"
      return "<tr\(vote.k == consensus.k ? " class=\"chosen\"" : "" as HTML)><td>\(vote.pipeline) · \(vote.algorithm)</td><td class=\"num\">\(vote.elbow)</td><td class=\"num\">\(peak)</td><td class=\"num\">\(vote.k)</td><td class=\"num\">\(Self.decimal(vote.weight))</td></tr>" as HTML
    }.joined()
    return """
      <h3>The consensus k</h3>
      <p>Each sweep votes for the larger of two k: the elbow of its within-segment dispersion curve (Kneedle, in the evaluation space) \
      and the k of its best \(metric) (both tend to too few segments, so the larger is the better supported), weighted by the score of its trial at that k. \
      <b>k = \(consensus.k)</b> carries \(Self.decimal(consensus.weight)) of the \(Self.decimal(consensus.totalWeight)) weight, so trials with \(consensus.k) segments rank first.</p>
      <div class="table-wrap"><table><thead><tr><th>sweep</th><th class="num">elbow k</th><th class="num">best \(metric) k</th><th class="num">vote</th><th class="num">weight</th></tr></thead><tbody>\(votes)</tbody></table></div>

      """
  }

  private func kGroup(_ group: KSelection.Group) -> HTML {
    let members = group.records(among: records)
    let xLabels = group.ks.map { (Double($0), String($0)) }
    var panels: [HTML] = []
    for (metric, values) in group.curves where values.contains(where: { $0 != nil }) {
      let intervals = members.map { record in record?.metrics[metric]?.interval.map { (low: $0.low, high: $0.high) } }
      let rule = kRules[metric]
      let pick = rule.flatMap { rule in group.choices.first { $0.rule == "\(metric) \(rule.label)" }?.k }
      panels.append(kPanel(group, title: metric, values: values, intervals: intervals, xLabels: xLabels, pick: pick, ruleName: rule.map(Self.ruleName)))
    }
    if let stability = group.stability {
      let pick = group.choices.first { $0.rule == "stability max" }?.k
      panels.append(kPanel(group, title: "stability (mean resample ARI)", values: stability, intervals: [], xLabels: xLabels, pick: pick, ruleName: "most stable"))
    }
    let picks = group.choices.map { choice in "<tr><td>\(choice.rule)</td><td class=\"num\">\(choice.k.map(String.init) ?? "—")</td></tr>" as HTML }.joined()
    let consensus: HTML = group.consensus.map { c in
      ": \(c.votes) of \(group.choices.filter { $0.k != nil }.count) rules pick <b>k = \(c.k)</b>"
    } ?? ""
    return """
      <h3>\(kSelection.title(of: group))</h3>
      <p>Over k = \(group.ks.map(String.init).joined(separator: ", "))\(consensus).</p>
      <div class="grid-figures">\(panels.joined())</div>
      <div class="table-wrap"><table><thead><tr><th>rule</th><th class="num">k</th></tr></thead><tbody>\(picks)</tbody></table></div>

      """
  }

  private func kPanel(
    _ group: KSelection.Group, title: String, values: [Double?], intervals: [(low: Double, high: Double)?], xLabels: [(Double, String)], pick: Int?, ruleName: String?
  ) -> HTML {
    let points = zip(group.ks, values).map { (x: Double($0), y: $1) }
    let marks = pick.flatMap { k in values[group.ks.firstIndex(of: k)!].map { LineChart.Mark(x: Double(k), y: $0, label: "\(ruleName ?? "pick"): k = \(k)") } }
    let chart = LineChart(
      title: "\(title) over k, \(kSelection.title(of: group))", xTitle: "k", yTitle: title,
      series: [LineChart.Series(name: title, colour: "#0072B2", points: points, intervals: intervals)], marks: marks.map { [$0] } ?? [], xLabels: xLabels)
    let caption: HTML = pick.map { "\(title): \(ruleName ?? "rule") picks k = \($0)" } ?? "\(title)\(ruleName == nil ? " (no rule)" : ": the rule cannot decide")"
    return Self.figure("k-curve", chart.svg, caption: caption)
  }

  /// The rule in words, for the ringed point's label.
  static func ruleName(_ rule: KSelectionRule) -> String {
    switch rule {
    case .maximum: "max"
    case .minimum: "min"
    case .elbow: "elbow (Kneedle)"
    case .gapStandardError: "gap 1-SE"
    case .largestAtLeast(let threshold): "largest ≥ \(JSONNumber.plain(threshold))"
    }
  }
}
