/// Points in two dimensions: the Pareto chart of quality against stability, and the PCA scatter of the segments.
///
/// Each point has a colour and a marker shape (so methods can be told apart
/// without a second colour scheme); an optional polyline joins the Pareto
/// front and one point can be ringed and labelled (the chosen trial).
/// Points are drawn in the order given, so callers put the ones that
/// should stay visible last.
struct ScatterPlot {
  /// A marker's outline.
  enum Shape: CaseIterable {
    case circle, square, triangle, diamond

    /// Path data of the shape centred at (x, y) with "radius" r.
    func path(_ x: Double, _ y: Double, _ r: Double) -> String {
      switch self {
      case .circle: return ""
      case .square: return SVG.polygon([(x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r)])
      case .triangle: return SVG.polygon([(x, y - 1.2 * r), (x + 1.1 * r, y + 0.8 * r), (x - 1.1 * r, y + 0.8 * r)])
      case .diamond: return SVG.polygon([(x, y - 1.3 * r), (x + 1.3 * r, y), (x, y + 1.3 * r), (x - 1.3 * r, y)])
      }
    }
  }

  struct Point {
    var x: Double
    var y: Double
    var colour: String
    var shape: Shape = .circle
    var title: String?
  }

  /// A legend entry.
  struct Key {
    var label: String
    var colour: String
    var shape: Shape = .circle
  }

  var title: String
  var xTitle: String
  var yTitle: String
  var points: [Point]
  var radius = 4.0
  /// Points of a line drawn under the markers (the Pareto front), in drawing order.
  var front: [(Double, Double)] = []
  var highlight: (x: Double, y: Double, label: String)?
  var legend: [Key] = []
  var xRange: (Double, Double)?
  var yRange: (Double, Double)?
  var width = 560.0
  var height = 380.0
  /// Extra class on every marker (the PCA scatter's translucent dots).
  var markerClass: String?

  var svg: HTML {
    let legendWidth = legend.isEmpty ? 0.0 : 170
    let frame = PlotFrame(
      width: width, height: height, right: 16 + legendWidth, xRange: xRange ?? Self.range(points.map(\.x)),
      yRange: yRange ?? Self.range(points.map(\.y)))
    var parts: [HTML] = [frame.axes(xTitle: xTitle, yTitle: yTitle)]
    if front.count > 1 {
      parts.append(SVG.path(SVG.polyline(front.map { (frame.x($0.0), frame.y($0.1)) }), stroke: "#555555", width: 1.5, class: "front", dashed: true))
    }
    for point in points {
      let (px, py) = (frame.x(point.x), frame.y(point.y))
      if point.shape == .circle {
        parts.append(SVG.circle(px, py, radius, fill: point.colour, class: markerClass, title: point.title))
      } else {
        let shape: HTML = "<path d=\"\(point.shape.path(px, py, radius))\" fill=\"\(point.colour)\"\(markerClass.map { " class=\"\($0)\"" as HTML } ?? "")>"
        parts.append("\(shape)\(point.title.map { "<title>\($0)</title>" as HTML } ?? "")</path>")
      }
    }
    if let highlight {
      let (px, py) = (frame.x(highlight.x), frame.y(highlight.y))
      parts.append(SVG.circle(px, py, radius + 5, fill: "none", class: "mark"))
      // Beside the ring, towards the middle; below it when the mark is on the top edge (there the label would sit on
      // the frame and on the other best trials, which crowd the same edge).
      let anchor = px > (frame.plotLeft + frame.plotRight) / 2 ? "end" : "start"
      let onTopEdge = py - frame.plotTop < 16
      parts.append(
        SVG.text(px + (anchor == "end" ? -12 : 12), onTopEdge ? py + radius + 19 : py + 4, highlight.label, anchor: anchor, class: "mark-label"))
    }
    for (i, key) in legend.enumerated() {
      let (lx, ly) = (frame.plotRight + 14, frame.plotTop + 10 + Double(i) * 18)
      if key.shape == .circle {
        parts.append(SVG.circle(lx, ly, 5, fill: key.colour))
      } else {
        parts.append(SVG.path(key.shape.path(lx, ly, 5), fill: key.colour))
      }
      parts.append(SVG.text(lx + 10, ly + 4, key.label, class: "legend"))
    }
    return SVG.chart(width: width, height: height, title: title, parts.joined())
  }

  /// The smallest and largest value (0…1 when there are none).
  static func range(_ values: [Double]) -> (Double, Double) {
    (values.min() ?? 0, values.max() ?? 1)
  }
}
