/// A table of coloured cells: segment × feature relative differences, discount z-scores, channel shares.
///
/// Each cell has an intensity (in [−1, 1] for the diverging scale, [0, 1]
/// for the sequential one; nil = no value, drawn with the page's hatched `no-value` pattern), the text
/// written in it and a tooltip. Row labels may carry a segment's colour
/// swatch; column labels are turned so long names fit.
struct Heatmap {
  struct Cell {
    var intensity: Double?
    var text: String
    var title: String
  }

  var title: String
  var rows: [(label: String, swatch: String?)]
  var columns: [String]
  /// `rows.count` × `columns.count` cells.
  var cells: [[Cell]]
  var diverging: Bool
  /// The words at the two ends of the colour key ("−100 %", "+100 %").
  var keyLabels: (low: String, high: String)
  var cellWidth = 66.0
  var rowHeight = 26.0
  var labelWidth = 200.0

  var svg: HTML {
    let header = 92.0, steps = 10
    let keyEnd = labelWidth + Double(steps + 1) * 14 + 14 + PlotFrame.characterWidth * Double(keyLabels.high.count)
    let width = max(labelWidth + Double(columns.count) * cellWidth + 80, keyEnd)
    let height = header + Double(rows.count) * rowHeight + 44
    var parts: [HTML] = []
    for (j, column) in columns.enumerated() {
      let x = labelWidth + (Double(j) + 0.5) * cellWidth
      parts.append(SVG.text(x, header - 8, BarChart.clipped(column, width: 120), anchor: "start", class: "tick", rotate: -40))
    }
    for (i, row) in rows.enumerated() {
      let y = header + Double(i) * rowHeight
      if let swatch = row.swatch { parts.append(SVG.rect(4, y + 7, 10, rowHeight - 14, fill: swatch)) }
      parts.append(SVG.text(labelWidth - 8, y + rowHeight / 2 + 4, BarChart.clipped(row.label, width: labelWidth - 24), anchor: "end"))
      for (j, cell) in cells[i].enumerated() {
        let x = labelWidth + Double(j) * cellWidth
        let fill = cell.intensity.map { diverging ? ColourScale.diverging($0) : ColourScale.sequential($0) } ?? "url(#no-value)"
        parts.append(SVG.rect(x + 1, y + 1, cellWidth - 2, rowHeight - 2, fill: fill, title: cell.title))
        let ink = ColourScale.textColour(intensity: cell.intensity ?? 0)
        parts.append(SVG.text(x + cellWidth / 2, y + rowHeight / 2 + 4, cell.text, anchor: "middle", class: "cell", fill: ink))
      }
    }
    let keyY = header + Double(rows.count) * rowHeight + 14
    for s in 0...steps {
      let t = diverging ? -1 + 2 * Double(s) / Double(steps) : Double(s) / Double(steps)
      parts.append(SVG.rect(labelWidth + Double(s) * 14, keyY, 14, 10, fill: diverging ? ColourScale.diverging(t) : ColourScale.sequential(t)))
    }
    parts.append(SVG.text(labelWidth - 6, keyY + 9, keyLabels.low, anchor: "end", class: "note"))
    parts.append(SVG.text(labelWidth + Double(steps + 1) * 14 + 6, keyY + 9, keyLabels.high, class: "note"))
    return SVG.chart(width: width, height: height, title: title, parts.joined())
  }
}
