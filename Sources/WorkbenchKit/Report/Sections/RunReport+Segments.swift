/// Section 5: who is in each segment — cards, the segments in principal-component space, profiles and distributions.
extension RunReport {
  /// Most features on the radar and snake plots (those furthest from the population when there are more).
  static let profileFeatureLimit = 12
  /// Most categories a categorical column may have to get a bar chart.
  static let categoryLimit = 12

  var segmentsSection: HTML {
    guard let view = segments else { return Self.note("No trial is ranked, so there are no segments to describe.") }
    var out: HTML = "<div class=\"cards\">\(view.sizes.map { card(view, id: $0.id, size: $0.size) }.joined())</div>\n"
    if view.excluded > 0 {
      out = "\(out)\(Self.note("\(ReadableNumber.format(Double(view.excluded))) rows were excluded by a pipeline step and belong to no segment."))"
    }
    out = "\(out)<h3>The segments in principal-component space</h3>\n\(scatterFigures(view))"
    guard case .success(let insight) = view.insight else {
      if case .failure(let reason) = view.insight { out = "\(out)\(Self.note("No profiles: \(reason.reason)."))" }
      return "\(out)\(distributionFigures(view.keyFeatures, view: view, heading: "Key features by segment"))"
    }
    out = "\(out)<h3>Profiles</h3>\n\(profileFigures(view, insight))"
    out = "\(out)\(distributionFigures(view.keyFeatures, view: view, heading: "Key features by segment"))"
    return "\(out)\(categoricalFigures(view, insight))"
  }

  /// One segment's card: name, size, share, what sets it apart, the surrogate tree's rule.
  private func card(_ view: SegmentView, id: Int, size: Int) -> HTML {
    let total = view.sizes.reduce(0) { $0 + $1.size }
    var body: HTML = "<div class=\"size\">\(ReadableNumber.format(Double(size))) customers · \(Self.percent(Double(size) / Double(max(total, 1))))</div>"
    if case .success(let insight) = view.insight, let g = insight.segments.firstIndex(where: { $0.id == id }), id >= 0 {
      let apart = insight.distinguishing(g, limit: 3).map { column, z, relative in
        let change: HTML = relative.map { "\($0 >= 0 ? "+" : "−")\(RankingRule.percent(abs($0), decimals: 0)) vs all, " } ?? ""
        return "<li><b>\(column)</b> \(change)z \(z >= 0 ? "+" : "−")\(ReadableNumber.format((abs(z) * 10).rounded() / 10))</li>" as HTML
      }
      if !apart.isEmpty { body = "\(body)<div>Stands out by:</div><ul>\(apart.joined())</ul>" }
      if case .success(let importance) = insight.importance {
        if let rule = importance.rules[safe: g]?.first {
          body = "\(body)<div>Rule: <i>\(rule.text)</i> (precision \(RankingRule.percent(rule.precision, decimals: 0)), covers \(RankingRule.percent(rule.coverage, decimals: 0)) of the segment)</div>"
        }
        let top = (importance.perSegment[safe: g] ?? []).prefix(3).map(\.column)
        if !top.isEmpty { body = "\(body)<div class=\"muted\">Most telling features: \(top.joined(separator: ", "))</div>" }
      }
      let name = insight.segments[g].name
      let why = name.rule == .vocabulary ? "named from the customer vocabulary (\(name.label ?? name.name))" : "named by its most distinctive features"
      body = "\(body)<div class=\"muted\">\(why)</div>"
    }
    return "<div class=\"card\" style=\"--c:\(SegmentPalette.colour(id))\"><h3>\(view.label(id))</h3>\(body)</div>"
  }

  /// The 2-D scatter on the first two axes and the rotating 3-D scatter on the first three.
  private func scatterFigures(_ view: SegmentView) -> HTML {
    let geometry = view.geometry
    guard geometry.explainedRatio.count >= 2 else { return Self.note("The standardized space has fewer than two dimensions: no scatter plot.") }
    let axisNames = geometry.explainedRatio.enumerated().map { "PC\($0.offset + 1) (\(Self.percent($0.element)) of variance)" }
    let ordered = geometry.points.filter { $0.segment < 0 } + geometry.points.filter { $0.segment >= 0 }
    let legend = view.sizes.map { ScatterPlot.Key(label: view.label($0.id), colour: SegmentPalette.colour($0.id)) }
    let scatter = ScatterPlot(
      title: "Segments on the first two principal components", xTitle: axisNames[0], yTitle: axisNames[1],
      points: ordered.map { ScatterPlot.Point(x: $0.coordinates[0], y: $0.coordinates[1], colour: SegmentPalette.colour($0.segment)) }, radius: 2.6,
      legend: legend, width: 820, height: 480, markerClass: "dot")
    let sample = geometry.points.count < geometry.population
      ? "a sample of \(ReadableNumber.format(Double(geometry.points.count))) of the \(ReadableNumber.format(Double(geometry.population))) rows, each segment in proportion with at least 30 rows (about \(ReadableNumber.format(Double(SegmentGeometry.scatterLimit))) points are drawn)"
      : "all \(ReadableNumber.format(Double(geometry.population))) rows"
    let fitted = geometry.axisRows < geometry.population
      ? "\(ReadableNumber.format(Double(geometry.axisRows))) evenly spaced rows of the \(ReadableNumber.format(Double(geometry.population)))"
      : "every row"
    var out = Self.figure(
      "pca-2d", scatter.svg,
      caption: "Principal components of the standardized space (\(view.spaceDescription)), fitted on \(fitted); the plot shows \(sample).")
    guard geometry.explainedRatio.count >= 3 else { return out }
    let cube = Scatter3D(
      title: "Segments on the first three principal components (drag to turn)", id: "scatter3d-points",
      axisLabels: ["PC1", "PC2", "PC3"],
      points: ordered.map { Scatter3D.Point(x: $0.coordinates[0], y: $0.coordinates[1], z: $0.coordinates[2], colour: SegmentPalette.colour($0.segment)) },
      legend: view.sizes.map { (view.label($0.id), SegmentPalette.colour($0.id)) })
    out = "\(out)\(Self.figure("pca-3d", cube.html, caption: "The same rows on the first three components (\(axisNames.joined(separator: ", "))). Drag, or focus it and use the arrow keys, to turn it."))"
    return out
  }
}
