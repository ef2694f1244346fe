/// The profile charts of the Segments section: radar, snake plot, heatmap of relative differences, box plots, category shares.
extension RunReport {
  /// Radar and snake plot of standardised means over the clustered features, and the heatmap of relative differences.
  func profileFigures(_ view: SegmentView, _ insight: SegmentInsight) -> HTML {
    let groups = insight.segments.indices.filter { insight.segments[$0].id >= 0 }
    let clustered = insight.profiles.numeric.filter { view.clusteredColumns.contains($0.column) }
    let spread = { (p: NumericColumnProfile) in groups.compactMap { p.zScores[$0].value }.map(abs).max() ?? 0 }
    let strongest = Set(clustered.sorted { (spread($0), $1.column) > (spread($1), $0.column) }.prefix(Self.profileFeatureLimit).map(\.column))
    let shown = clustered.filter { strongest.contains($0.column) }
    var out: HTML = ""
    if shown.count >= 3 {
      let largest = shown.map(spread).max() ?? 1
      let limit = min(3, max(1, (largest * 2).rounded(.up) / 2))
      let series = groups.map { g in
        RadarChart.Series(label: view.label(insight.segments[g].id), colour: SegmentPalette.colour(insight.segments[g].id), values: shown.map { $0.zScores[g].value })
      }
      let radar = RadarChart(title: "Segment profiles: standardised means", axes: shown.map(\.column), series: series, limit: limit)
      out = "\(out)\(Self.figure("radar", radar.svg, caption: "Each segment's mean of each clustered feature in population standard deviations (z-scores, clipped to ±\(ReadableNumber.format(limit))); the dashed ring is the population average."))"
    }
    if !shown.isEmpty {
      let snake = LineChart(
        title: "Snake plot: standardised means by segment", xTitle: "", yTitle: "z-score (segment mean vs all)",
        series: groups.map { g in
          LineChart.Series(
            name: view.label(insight.segments[g].id), colour: SegmentPalette.colour(insight.segments[g].id),
            points: shown.enumerated().map { (x: Double($0.offset), y: $0.element.zScores[g].value) })
        }, xLabels: shown.enumerated().map { (Double($0.offset), $0.element.column) }, width: 820, height: 360, rotateXLabels: true)
      out = "\(out)\(Self.figure("snake", snake.svg, caption: "The same standardised means as lines (a snake plot): segments whose lines cross differ most where they part."))"
    }
    return "\(out)\(relativeHeatmap(view, insight))"
  }

  /// Segment × numeric column: the segment mean's relative difference to the population mean.
  private func relativeHeatmap(_ view: SegmentView, _ insight: SegmentInsight) -> HTML {
    let columns = insight.profiles.numeric
    guard !columns.isEmpty else { return "" }
    let cells = insight.segments.indices.map { g in
      columns.map { profile -> Heatmap.Cell in
        let mean = profile.segments[g].mean.value, population = profile.population.mean.value
        let detail = "\(view.label(insight.segments[g].id)), \(profile.column): mean \(mean.map(ReadableNumber.format) ?? "—") vs \(population.map(ReadableNumber.format) ?? "—") overall"
        guard let relative = profile.relativeDifferences[g].value else { return Heatmap.Cell(intensity: nil, text: "—", title: detail) }
        return Heatmap.Cell(intensity: max(-1, min(1, relative)), text: Self.signedPercent(relative), title: "\(detail) (\(Self.signedPercent(relative)))")
      }
    }
    let chart = Heatmap(
      title: "Relative difference of each segment's mean to the population mean",
      rows: insight.segments.map { (view.label($0.id), SegmentPalette.colour($0.id)) }, columns: columns.map(\.column), cells: cells, diverging: true,
      keyLabels: ("−100 %", "+100 % or more"))
    return Self.figure("heatmap", chart.svg, caption: "Segment mean / population mean − 1 for every numeric column of the data (clustered or not), in original units; colours saturate at ±100 %. Hover a cell for both means.")
  }

  /// Box plots of each column of `distributions` by segment.
  func distributionFigures(_ distributions: [Distribution], view: SegmentView, heading: String) -> HTML {
    guard !distributions.isEmpty else { return "" }
    let charts = distributions.map { d -> HTML in
      let rows = d.segments.map { BoxPlot.Row(label: view.label($0.id), colour: SegmentPalette.colour($0.id), box: $0.box) }
        + [BoxPlot.Row(label: "All customers", colour: "#DDDDDD", box: d.population)]
      return Self.figure("box", BoxPlot(title: "\(d.column) by segment", xTitle: d.column, rows: rows).svg, caption: "\(d.column)")
    }
    return """
      <h3>\(heading)</h3>
      \(Self.note("Boxes span the quartiles with the median as a bar and the mean as a dot; whiskers reach the 5th and 95th percentiles (so one extreme customer does not squash the boxes). Original units; missing values left out."))<div class="grid-figures">\(charts.joined())</div>

      """
  }

  /// Grouped bars of each categorical column's category shares by segment.
  func categoricalFigures(_ view: SegmentView, _ insight: SegmentInsight) -> HTML {
    let shown = insight.profiles.categorical.filter { $0.categories.count <= Self.categoryLimit }
    guard !shown.isEmpty else { return "" }
    let segments = insight.segments.map { (view.label($0.id), SegmentPalette.colour($0.id)) }
    let charts = shown.map { profile -> HTML in
      let groups = profile.categories.indices.map { c in
        GroupedBars.Group(category: profile.categories[c], shares: profile.segments.map { $0.shares?[c] }, population: profile.population.shares?[c])
      }
      let chart = GroupedBars(title: "\(profile.column): share of each category by segment", yTitle: "share of the segment", segments: segments, groups: groups)
      return Self.figure("categorical", chart.svg, caption: "\(profile.column): a bar per segment in its colour; black line: all customers")
    }
    let skipped = insight.profiles.categorical.count - shown.count
    let note: HTML = skipped > 0 ? Self.note("\(skipped) categorical column\(skipped == 1 ? " has" : "s have") more than \(Self.categoryLimit) categories and no chart (see the insight JSON).") : ""
    return "<h3>Categorical columns</h3>\n<div class=\"grid-figures\">\(charts.joined())</div>\(note)"
  }

  /// "+80 %", "−12 %".
  static func signedPercent(_ value: Double) -> String {
    (value >= 0 ? "+" : "−") + RankingRule.percent(abs(value), decimals: 0)
  }
}
