/// Section 4: how well the described trial's segments hold together (silhouettes) and how reproducible each one is (bootstrap Jaccard).
extension RunReport {
  var qualitySection: HTML {
    guard let view = segments else { return Self.note("No trial is ranked, so there are no segments to assess.") }
    var out: HTML = "<p>Trial <code>\(view.record.configHash)</code>: \(describe(view.record)).</p>\n"
    switch view.geometry.silhouettes {
    case .success(let s):
      let sample = s.sampled < s.population
        ? "a sample of \(ReadableNumber.format(Double(s.sampled))) of the \(ReadableNumber.format(Double(s.population))) rows (each segment in proportion, at least 30 rows each; about \(ReadableNumber.format(Double(SegmentGeometry.silhouetteLimit))) rows are measured)"
        : "all \(ReadableNumber.format(Double(s.population))) rows"
      let chart = SilhouettePlot(
        title: "Silhouettes by segment", segments: s.segments.map { .init(label: view.label($0.id), colour: SegmentPalette.colour($0.id), values: $0.values) },
        mean: s.mean)
      out = "\(out)\(Self.figure("silhouette", chart.svg, caption: "Each row's silhouette (how much closer it is to its own segment than to the nearest other one, from −1 to 1), grouped by segment and sorted; the dashed line is the mean. Computed in the standardized space (\(view.spaceDescription)) on \(sample). Rows below 0 sit closer to another segment."))"
      let space = view.record.evaluation.map { " (the run's value in the \($0.space) space: \(Self.decimal($0.metrics["silhouette"]?.value)))" } ?? ""
      out = "\(out)\(Self.note("Mean silhouette of the rows shown: \(Self.decimal(s.mean))\(space)."))"
    case .failure(let reason):
      out = "\(out)\(Self.note("No silhouette plot: \(reason.reason)."))"
    }
    return "\(out)\(jaccardPart(view))"
  }

  /// Per-segment bootstrap Jaccard with clusterboot's verdicts, as bars with the thresholds and as a table.
  private func jaccardPart(_ view: SegmentView) -> HTML {
    guard let stability = view.record.stability, !stability.clusterJaccard.isEmpty else {
      return Self.note("No per-segment stability: the spec has no \"stability\" section.")
    }
    let ids = view.record.segmentIds ?? Array(0..<stability.clusterJaccard.count)
    let rows = zip(ids, stability.clusterJaccard).sorted { $0.0 < $1.0 }
    let bars = rows.map { id, jaccard in
      BarChart.Bar(
        label: view.label(id), value: jaccard, colour: SegmentPalette.colour(id), note: "\(Self.decimal(jaccard)) \(StabilityResult.verdict(jaccard))",
        swatch: SegmentPalette.colour(id))
    }
    let chart = BarChart(
      title: "Mean bootstrap Jaccard per segment", xTitle: "mean best Jaccard over \(stability.resampleARI.count) \(stability.method.rawValue) resamples",
      bars: bars, references: [(0.5, "0.5"), (0.75, "0.75"), (0.85, "0.85")], xRange: (0, 1))
    let table = rows.map { id, jaccard in
      "<tr><td>\(Self.swatch(id))\(view.label(id))</td><td class=\"num\">\(Self.decimal(jaccard))</td><td>\(StabilityResult.verdict(jaccard))</td></tr>" as HTML
    }.joined()
    let failed: HTML = stability.failedResamples > 0 ? " \(stability.failedResamples) resample fits failed and count as 0." : ""
    return """
      <h3>Stability of each segment</h3>
      \(Self.figure("jaccard", chart.svg, caption: "For each segment, the mean over resamples of its best Jaccard overlap with a segment of the refitted clustering. fpc::clusterboot's reading: below 0.5 dissolved, below 0.75 weak, below 0.85 stable, above highly stable.\(failed)"))
      <div class="table-wrap"><table><thead><tr><th>segment</th><th class="num">Jaccard</th><th>verdict</th></tr></thead><tbody>\(table)</tbody></table></div>

      """
  }
}
