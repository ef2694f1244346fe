/// Shares of a categorical column's categories, one group of bars per category, one bar per segment.
///
/// Bars take their segment's colour (so the segment colours stay the only
/// colours on the page); a black tick across each group marks the
/// population's share of that category.
struct GroupedBars {
  struct Group {
    var category: String
    /// One share per segment, in the order of ``GroupedBars/segments``; nil when the segment has no values.
    var shares: [Double?]
    var population: Double?
  }

  var title: String
  var yTitle: String
  var segments: [(label: String, colour: String)]
  var groups: [Group]
  var height = 260.0

  var svg: HTML {
    let barWidth = 12.0
    let groupWidth = Double(max(segments.count, 1)) * barWidth + 18
    let width = max(360, 70 + Double(groups.count) * groupWidth + 20)
    let top = groups.flatMap { $0.shares.compactMap { $0 } + [$0.population].compactMap { $0 } }.max() ?? 1
    let frame = PlotFrame(width: width, height: height, left: 56, right: 16, top: 14, bottom: 70, xRange: (0, Double(groups.count)), yRange: (0, top), niceX: false, tickCount: 4)
    var parts: [HTML] = [frame.axes(xTitle: "", yTitle: yTitle, xLabels: [], yLabels: frame.yTicks.map { ($0, ReadableNumber.format($0 * 100) + " %") })]
    let slot = (frame.plotRight - frame.plotLeft) / Double(max(groups.count, 1))
    for (g, group) in groups.enumerated() {
      let start = frame.plotLeft + Double(g) * slot + (slot - Double(segments.count) * barWidth) / 2
      for (s, share) in group.shares.enumerated() {
        guard let share else { continue }
        let x = start + Double(s) * barWidth
        let tip = "\(segments[s].label), \(group.category): \(ReadableNumber.format(share * 100)) %"
        parts.append(SVG.rect(x, frame.y(share), barWidth - 2, frame.plotBottom - frame.y(share), fill: segments[s].colour, title: tip))
      }
      if let population = group.population {
        parts.append(SVG.line(start - 3, frame.y(population), start + Double(segments.count) * barWidth + 1, frame.y(population), class: "population"))
      }
      parts.append(SVG.text(frame.plotLeft + (Double(g) + 0.5) * slot, frame.plotBottom + 14, BarChart.clipped(group.category, width: 100), anchor: "end", class: "tick", rotate: -30))
    }
    return SVG.chart(width: width, height: height, title: title, parts.joined())
  }
}
