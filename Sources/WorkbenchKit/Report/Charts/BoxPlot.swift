/// One feature's distribution in each segment: boxes from the quartiles, whiskers to the 5th and 95th percentiles.
///
/// Rows are segments (and the population, grey, last). The box spans the
/// quartiles, the bar inside it is the median and the dot the mean;
/// whiskers stop at the 5th and 95th percentiles so that one extreme
/// customer does not squash every box (the page says so).
struct BoxPlot {
  struct Row {
    var label: String
    var colour: String
    var box: BoxSummary
  }

  var title: String
  var xTitle: String
  var rows: [Row]
  var width = 420.0
  var labelWidth = 180.0
  var rowHeight = 22.0

  var svg: HTML {
    let lows = rows.map(\.box.p5), highs = rows.map(\.box.p95)
    let height = 20 + Double(rows.count) * rowHeight + 44
    let frame = PlotFrame(
      width: width, height: height, left: labelWidth, right: 14, top: 12, bottom: 44,
      xRange: (lows.min() ?? 0, highs.max() ?? 1), yRange: (0, 1), niceY: false, tickCount: 4)
    var parts: [HTML] = [frame.axes(xTitle: xTitle, yTitle: "", yLabels: [])]
    for (i, row) in rows.enumerated() {
      let top = frame.plotTop + 4 + Double(i) * rowHeight
      let middle = top + (rowHeight - 6) / 2
      let b = row.box
      parts.append(SVG.line(frame.x(b.p5), middle, frame.x(b.p95), middle, class: "whisker"))
      parts.append(SVG.line(frame.x(b.p5), middle - 4, frame.x(b.p5), middle + 4, class: "whisker"))
      parts.append(SVG.line(frame.x(b.p95), middle - 4, frame.x(b.p95), middle + 4, class: "whisker"))
      let tip = "\(row.label): median \(ReadableNumber.format(b.median)), quartiles \(ReadableNumber.format(b.q1))–\(ReadableNumber.format(b.q3)), mean \(ReadableNumber.format(b.mean)), \(b.count) values"
      parts.append(SVG.rect(frame.x(b.q1), top, frame.x(b.q3) - frame.x(b.q1), rowHeight - 6, fill: row.colour, class: "box", title: tip))
      parts.append(SVG.line(frame.x(b.median), top, frame.x(b.median), top + rowHeight - 6, class: "median"))
      parts.append(SVG.circle(frame.x(b.mean), middle, 2.5, fill: "#FFFFFF", class: "mean"))
      parts.append(SVG.rect(6, top + 2, 10, rowHeight - 10, fill: row.colour))
      parts.append(SVG.text(frame.plotLeft - 8, middle + 4, BarChart.clipped(row.label, width: labelWidth - 30), anchor: "end"))
    }
    return SVG.chart(width: width, height: height, title: title, parts.joined())
  }
}
