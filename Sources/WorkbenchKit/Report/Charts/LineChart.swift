/// Lines over an x axis with optional error bars and marked points: the metric curves over k and the snake plot.
///
/// A series is broken where a value is missing (a failed trial, an
/// undefined metric). Error bars are drawn from each point's interval with
/// caps; a mark rings one point and labels it (the k a rule picks, the
/// Kneedle point). With `xLabels` the x axis shows those labels at those
/// positions instead of numeric ticks (k values, feature names).
struct LineChart {
  /// One line.
  struct Series {
    var name: String
    var colour: String
    /// (x, y) with y nil where the value is missing.
    var points: [(x: Double, y: Double?)]
    /// The interval of each point, when it has one (same order as `points`).
    var intervals: [(low: Double, high: Double)?] = []
    var dashed = false
  }

  /// A ringed, labelled point.
  struct Mark {
    var x: Double
    var y: Double
    var label: String
  }

  var title: String
  var xTitle: String
  var yTitle: String
  var series: [Series]
  var marks: [Mark] = []
  var xLabels: [(Double, String)]?
  var yRange: (Double, Double)?
  var width = 320.0
  var height = 210.0
  var rotateXLabels = false

  var svg: HTML {
    let ys = series.flatMap { s in s.points.compactMap(\.y) + s.intervals.compactMap { $0 }.flatMap { [$0.low, $0.high] } }
    let xs = series.flatMap { $0.points.map(\.x) } + (xLabels?.map(\.0) ?? [])
    let xPad = xLabels == nil ? 0 : 0.5
    let frame = PlotFrame(
      width: width, height: height, bottom: rotateXLabels ? 92 : 42, xRange: ((xs.min() ?? 0) - xPad, (xs.max() ?? 1) + xPad),
      yRange: yRange ?? (ys.min() ?? 0, ys.max() ?? 1), niceX: xLabels == nil)
    var parts: [HTML] = [frame.axes(xTitle: xTitle, yTitle: yTitle, xLabels: rotateXLabels ? [] : xLabels)]
    if rotateXLabels, let xLabels {
      for (value, label) in xLabels {
        parts.append(SVG.line(frame.x(value), frame.plotTop, frame.x(value), frame.plotBottom, class: "grid"))
        parts.append(SVG.text(frame.x(value) - 4, frame.plotBottom + 10, label, anchor: "end", class: "tick", rotate: -40))
      }
    }
    for s in series {
      for (point, interval) in zip(s.points, s.intervals) {
        guard let interval else { continue }
        let px = frame.x(point.x)
        let (low, high) = (frame.y(interval.low), frame.y(interval.high))
        parts.append(SVG.line(px, low, px, high, stroke: s.colour, width: 1.2))
        parts.append(SVG.line(px - 4, low, px + 4, low, stroke: s.colour, width: 1.2))
        parts.append(SVG.line(px - 4, high, px + 4, high, stroke: s.colour, width: 1.2))
      }
      for run in Self.unbroken(s.points) where run.count > 1 {
        parts.append(SVG.path(SVG.polyline(run.map { (frame.x($0.0), frame.y($0.1)) }), stroke: s.colour, width: 2, class: "series", dashed: s.dashed))
      }
      for point in s.points {
        guard let y = point.y else { continue }
        parts.append(SVG.circle(frame.x(point.x), frame.y(y), 3, fill: s.colour, title: "\(s.name): \(ReadableNumber.format(y))"))
      }
    }
    for mark in marks {
      let (px, py) = (frame.x(mark.x), frame.y(mark.y))
      parts.append(SVG.circle(px, py, 7, fill: "none", class: "mark"))
      let fitsRight = px + 9 + PlotFrame.characterWidth * Double(mark.label.count) <= frame.plotRight
      let anchor = px > (frame.plotLeft + frame.plotRight) / 2 || !fitsRight ? "end" : "start"
      parts.append(SVG.text(px + (anchor == "end" ? -9 : 9), max(py - 9, frame.plotTop + 10), mark.label, anchor: anchor, class: "mark-label"))
    }
    return SVG.chart(width: width, height: height, title: title, parts.joined())
  }

  /// The runs of consecutive defined points.
  static func unbroken(_ points: [(x: Double, y: Double?)]) -> [[(Double, Double)]] {
    var runs: [[(Double, Double)]] = [[]]
    for point in points {
      if let y = point.y { runs[runs.count - 1].append((point.x, y)) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
    }
    return runs.filter { !$0.isEmpty }
  }
}
