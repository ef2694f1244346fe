/// Section 6: discount sensitivity, campaign response, channel and category preferences, aha moments, scores and feature importance.
extension RunReport {
  var behaviourSection: HTML {
    guard let view = segments else { return Self.note("No trial is ranked, so there is no behaviour to describe.") }
    guard case .success(let insight) = view.insight else {
      if case .failure(let reason) = view.insight { return Self.note("No behaviour sections: \(reason.reason).") }
      return ""
    }
    let rows = insight.segments.map { (view.label($0.id), SegmentPalette.colour($0.id) as String?) }
    var out: HTML = ""
    out = "\(out)<h3>Discount sensitivity</h3>\n\(discountPart(insight, rows: rows))"
    out = "\(out)<h3>Campaign response</h3>\n\(campaignPart(insight, view: view))"
    out = "\(out)<h3>Channel preferences</h3>\n\(preferencePart(insight.channels, rows: rows, what: "channel", name: "channels"))"
    out = "\(out)<h3>Category preferences</h3>\n\(preferencePart(insight.categories, rows: rows, what: "product category", name: "categories"))"
    out = "\(out)<h3>Aha moments</h3>\n\(ahaPart(insight))"
    if view.derivedScores.isEmpty {
      out = "\(out)<h3>Scores</h3>\n\(Self.note("The pipeline derives no score columns (churn risk, lifetime value, loyalty, … come from the churn-risk, clv and score steps), so there are no score distributions."))"
    } else {
      out = "\(out)\(distributionFigures(view.derivedScores, view: view, heading: "Scores the pipeline derived (churn risk, lifetime value, …)"))"
    }
    return "\(out)<h3>Feature importance</h3>\n\(importancePart(insight))"
  }

  private func discountPart(_ insight: SegmentInsight, rows: [(String, String?)]) -> HTML {
    switch insight.discount {
    case .failure(let reason): return Self.note("No discount section: \(reason.reason).")
    case .success(let discount):
      let cells = discount.zScores.indices.map { g in
        discount.measures.indices.map { m -> Heatmap.Cell in
          let z = discount.zScores[g][m].value, mean = discount.means[g][m].value
          let text = mean.map(ReadableNumber.format) ?? "—"
          return Heatmap.Cell(intensity: z.map { max(-1, min(1, $0 / 1.5)) }, text: text, title: "\(rows[g].0), \(discount.measures[m]): mean \(text), z \(z.map(ReadableNumber.format) ?? "—")")
        }
      }
      let chart = Heatmap(
        title: "Discount share, frequency and spend by segment", rows: rows, columns: discount.measures, cells: cells, diverging: true,
        keyLabels: ("z −1.5", "z +1.5"), cellWidth: 96)
      let correlations = zip(discount.measures.dropFirst(), discount.correlations).map { measure, rho in
        "ρ(\(discount.measures[0]), \(measure)) = \(rho.value.map(ReadableNumber.format) ?? "—")"
      }.joined(separator: "; ")
      return Self.figure("discount", chart.svg, caption: "Cells show each segment's mean; colour is its z-score against the population (blue below, orange above). Spearman correlations over all customers: \(correlations).")
    }
  }

  private func campaignPart(_ insight: SegmentInsight, view: SegmentView) -> HTML {
    switch insight.campaigns {
    case .failure(let reason): return Self.note("No campaign section: \(reason.reason).")
    case .success(let response):
      let charts = response.campaigns.map { campaign -> HTML in
        let bars = zip(response.segmentIds, campaign.segments).compactMap { id, rate -> BarChart.Bar? in
          guard let value = rate.rate.value else { return nil }
          return BarChart.Bar(
            label: view.label(id), value: value, interval: rate.rate.interval, colour: SegmentPalette.colour(id),
            note: "\(Self.percent(value)) of \(ReadableNumber.format(Double(rate.customers)))", swatch: SegmentPalette.colour(id))
        }
        let population = campaign.population.rate.value.map { [(value: $0, label: "all \(Self.percent($0))")] } ?? []
        let chart = BarChart(title: "\(campaign.column): response rate by segment", xTitle: "share of customers who responded", bars: bars, references: population, xRange: (0, 1))
        return Self.figure("campaign", chart.svg, caption: "\(campaign.column): share of each segment's customers who responded, with its 95 % Wilson interval; the dashed line is all customers.")
      }
      return charts.joined()
    }
  }

  private func preferencePart(_ result: Result<PreferenceShares, StatisticUndefined>, rows: [(String, String?)], what: String, name: String) -> HTML {
    switch result {
    case .failure(let reason): return Self.note("No \(what) section: \(reason.reason).")
    case .success(let shares):
      let cells = shares.segments.indices.map { g in
        shares.options.indices.map { o -> Heatmap.Cell in
          guard case .success(let values) = shares.segments[g] else { return Heatmap.Cell(intensity: nil, text: "—", title: "\(rows[g].0): no purchases") }
          return Heatmap.Cell(intensity: values[o], text: Self.percent(values[o]), title: "\(rows[g].0), \(shares.options[o]): \(Self.percent(values[o]))")
        }
      }
      let chart = Heatmap(title: "Share of each segment's purchases by \(what)", rows: rows, columns: shares.options, cells: cells, diverging: false, keyLabels: ("0 %", "100 %"), cellWidth: 96)
      let top = zip(rows, shares.top).map { row, option in "\(row.0): \(option ?? "—")" }.joined(separator: "; ")
      return Self.figure(name, chart.svg, caption: "Each \(what)'s share of the segment's purchases (rows sum to 100 %). Top \(what): \(top).")
    }
  }

  private func ahaPart(_ insight: SegmentInsight) -> HTML {
    switch insight.ahaMoments {
    case .failure(let reason): return Self.note("No aha moments: \(reason.reason).")
    case .success(let aha):
      let top = aha.top
      guard !top.isEmpty else { return Self.note("No behaviour threshold covers at least 5 % of customers.") }
      let bars = top.map { moment in
        BarChart.Bar(
          label: "\(moment.column) \(moment.atLeast ? "≥" : "≤") \(ReadableNumber.format(moment.threshold))", value: moment.lift.value ?? 0, interval: moment.lift.interval,
          colour: "#56B4E9", note: "\(ReadableNumber.format(((moment.lift.value ?? 0) * 10).rounded() / 10))× (\(ReadableNumber.format(Double(moment.customers))) customers)")
      }
      let chart = BarChart(title: "Behaviour thresholds that flag high-value customers", xTitle: "lift: P(high value | condition) / P(high value)", bars: bars, references: [(1, "1×")])
      let list = top.map { "<li>\($0.text)</li>" as HTML }.joined()
      return """
        \(Self.figure("aha", chart.svg, caption: "High value = \(aha.monetary) at or above its 80th percentile (\(ReadableNumber.format(aha.highValueThreshold))). Bars: the best threshold of each behaviour column, with the 95 % Wilson interval of the rate divided by the base rate (optimistic: the threshold was chosen by scanning)."))
        <ul>\(list)</ul>

        """
    }
  }

  private func importancePart(_ insight: SegmentInsight) -> HTML {
    switch insight.importance {
    case .failure(let reason): return Self.note("No feature importance: \(reason.reason).")
    case .success(let importance):
      let bars = importance.overall.map { feature in
        BarChart.Bar(
          label: feature.column, value: feature.mean, interval: (feature.mean - feature.standardDeviation, feature.mean + feature.standardDeviation), colour: "#0072B2",
          note: "\(ReadableNumber.format(feature.mean)) ± \(ReadableNumber.format(feature.standardDeviation))")
      }
      let chart = BarChart(title: "Permutation importance of the clustered features", xTitle: "drop in out-of-bag accuracy when the feature is shuffled", bars: bars)
      let sample = importance.fitRows < importance.includedRows ? " learnt from a stratified sample of \(ReadableNumber.format(Double(importance.fitRows))) rows" : ""
      let missing: HTML = importance.missingFeatures.isEmpty ? "" : " Clustered features that are not columns of the data (left out): \(importance.missingFeatures.joined(separator: ", "))."
      return Self.figure(
        "importance", chart.svg,
        caption: "A random forest of \(importance.trees) trees\(sample) predicts each row's segment (out-of-bag accuracy \(Self.percent(importance.outOfBagAccuracy))); bars are the mean drop in accuracy over \(importance.repeats) shuffles, whiskers ± one standard deviation. The surrogate tree (depth \(importance.surrogateDepth)) behind the cards' rules agrees with the segmentation on \(Self.percent(importance.surrogateFidelity)) of rows.\(missing)")
    }
  }
}
