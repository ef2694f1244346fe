/// The rectangle an x–y chart draws in, its two scales and its axes with ticks, grid lines and titles.
///
/// The plot area is the chart minus its margins (the left one widened to fit
/// the y tick labels); y grows upwards. Ticks are
/// ``NiceTicks`` over the data, so the axes start and end on round values;
/// tick labels are ``TickLabels`` unless the caller names its own (k values,
/// feature names).
struct PlotFrame {
  var width: Double, height: Double
  var left: Double, right: Double, top: Double, bottom: Double
  var x: LinearScale, y: LinearScale
  var xTicks: [Double], yTicks: [Double]

  /// A frame whose axes cover `xRange` and `yRange` (nil = that axis is laid out by the caller).
  init(
    width: Double, height: Double, left: Double = 56, right: Double = 16, top: Double = 14, bottom: Double = 42,
    xRange: (Double, Double), yRange: (Double, Double), niceX: Bool = true, niceY: Bool = true, tickCount: Int = 5
  ) {
    self.width = width
    self.height = height
    self.right = right
    self.top = top
    self.bottom = bottom
    let flat = { (range: (Double, Double)) in (ticks: [Double](), low: range.0, high: range.1) }
    let xs = niceX ? NiceTicks.covering(xRange.0, xRange.1, count: tickCount) : flat(xRange)
    let ys = niceY ? NiceTicks.covering(yRange.0, yRange.1, count: tickCount) : flat(yRange)
    xTicks = xs.ticks
    yTicks = ys.ticks
    // Wide tick labels ("20,000,000") push the plot right so they and the axis title stay inside the chart.
    let widest = TickLabels(ys.ticks).labels.map(\.count).max() ?? 0
    self.left = max(left, 30 + Self.characterWidth * Double(widest))
    x = LinearScale(low: xs.low, high: xs.high, start: self.left, end: width - right)
    y = LinearScale(low: ys.low, high: ys.high, start: height - bottom, end: top)
  }

  /// The width of one character of a tick label, in drawing units (10.5 px system sans-serif digits, rounded up).
  static let characterWidth = 6.2

  var plotLeft: Double { left }
  var plotRight: Double { width - right }
  var plotTop: Double { top }
  var plotBottom: Double { height - bottom }

  /// Grid lines and tick labels of both axes, the frame's border and the axis titles.
  func axes(xTitle: String, yTitle: String, xLabels: [(Double, String)]? = nil, yLabels: [(Double, String)]? = nil) -> HTML {
    var parts: [HTML] = []
    let (xText, yText) = (TickLabels(xTicks), TickLabels(yTicks))
    for (value, label) in yLabels ?? Array(zip(yTicks, yText.labels)) {
      let py = y(value)
      parts.append(SVG.line(plotLeft, py, plotRight, py, class: "grid"))
      parts.append(SVG.text(plotLeft - 6, py + 4, label, anchor: "end", class: "tick"))
    }
    for (value, label) in xLabels ?? Array(zip(xTicks, xText.labels)) {
      let px = x(value)
      parts.append(SVG.line(px, plotTop, px, plotBottom, class: "grid"))
      parts.append(SVG.text(px, plotBottom + 15, label, anchor: "middle", class: "tick"))
    }
    parts.append(SVG.rect(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop, fill: "none", class: "frame"))
    let xSuffix = xLabels == nil && !xTitle.isEmpty ? xText.titleSuffix : "", ySuffix = yLabels == nil && !yTitle.isEmpty ? yText.titleSuffix : ""
    parts.append(SVG.text((plotLeft + plotRight) / 2, height - 6, xTitle + xSuffix, anchor: "middle", class: "axis-title"))
    parts.append(SVG.text(14, (plotTop + plotBottom) / 2, yTitle + ySuffix, anchor: "middle", class: "axis-title", rotate: -90))
    return parts.joined()
  }
}
