/// Horizontal bars with optional intervals and reference lines: Jaccard per segment, feature importance, response rates, lifts.
///
/// One row per bar, labelled on the left and annotated on the right. An
/// interval draws as a whisker with caps (± one SD of importance, a Wilson
/// interval). Reference lines mark thresholds (clusterboot's 0.5 / 0.75 /
/// 0.85, the population's rate, a lift of 1).
struct BarChart {
  struct Bar {
    var label: String
    var value: Double
    var interval: (low: Double, high: Double)?
    var colour: String
    /// Text right of the bar ("0.93 highly stable").
    var note: String
    /// A swatch of this colour before the label (segment rows).
    var swatch: String?
  }

  var title: String
  var xTitle: String
  var bars: [Bar]
  var references: [(value: Double, label: String)] = []
  var xRange: (Double, Double)?
  var width = 620.0
  var labelWidth = 190.0
  var noteWidth = 120.0
  var rowHeight = 22.0

  var svg: HTML {
    let values = bars.flatMap { bar in [bar.value] + (bar.interval.map { [$0.low, $0.high] } ?? []) } + references.map(\.value)
    let height = 30 + Double(bars.count) * rowHeight + 46
    let frame = PlotFrame(
      width: width, height: height, left: labelWidth, right: noteWidth, top: 24, bottom: 46,
      xRange: xRange ?? (min(values.min() ?? 0, 0), max(values.max() ?? 1, 0)), yRange: (0, 1), niceY: false)
    var parts: [HTML] = [frame.axes(xTitle: xTitle, yTitle: "", yLabels: [])]
    let zero = frame.x(max(min(0, frame.x.high), frame.x.low))
    for (i, bar) in bars.enumerated() {
      let top = frame.plotTop + 4 + Double(i) * rowHeight
      let middle = top + (rowHeight - 6) / 2
      let end = frame.x(bar.value)
      parts.append(SVG.rect(min(zero, end), top, abs(end - zero), rowHeight - 6, fill: bar.colour, title: "\(bar.label): \(bar.note)"))
      if let interval = bar.interval {
        let (low, high) = (frame.x(interval.low), frame.x(interval.high))
        parts.append(SVG.line(low, middle, high, middle, class: "whisker"))
        parts.append(SVG.line(low, middle - 5, low, middle + 5, class: "whisker"))
        parts.append(SVG.line(high, middle - 5, high, middle + 5, class: "whisker"))
      }
      if let swatch = bar.swatch {
        parts.append(SVG.rect(8, top + 2, 10, rowHeight - 10, fill: swatch))
      }
      parts.append(SVG.text(frame.plotLeft - 8, middle + 4, Self.clipped(bar.label, width: labelWidth - (bar.swatch == nil ? 16 : 30)), anchor: "end"))
      parts.append(SVG.text(frame.plotRight + 6, middle + 4, bar.note, class: "note"))
    }
    for reference in references {
      let px = frame.x(reference.value)
      parts.append(SVG.line(px, frame.plotTop, px, frame.plotBottom, class: "reference", dashed: true))
      parts.append(SVG.text(px, frame.plotTop - 6, reference.label, anchor: "middle", class: "note"))
    }
    return SVG.chart(width: width, height: height, title: title, parts.joined())
  }

  /// `text` shortened with an ellipsis to fit about `width` points of 7-point-wide characters.
  static func clipped(_ text: String, width: Double) -> String {
    let limit = max(4, Int(width / 6.6))
    return text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
  }
}
