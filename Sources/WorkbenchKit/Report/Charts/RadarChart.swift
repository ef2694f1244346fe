import Foundation

/// Segment profiles on a spider web: one axis per feature, one polygon per segment, radius = the standardised mean.
///
/// Values are z-scores (segment mean − population mean, in population
/// standard deviations), clipped to ±`limit`; the dashed ring is the
/// population (z = 0). Axis 0 points up and the others follow clockwise.
struct RadarChart {
  struct Series {
    var label: String
    var colour: String
    /// One value per axis; nil (undefined) is drawn at 0.
    var values: [Double?]
  }

  var title: String
  var axes: [String]
  var series: [Series]
  var limit: Double
  var size = 440.0

  var svg: HTML {
    let width = size + 200, height = size
    let (cx, cy) = (size / 2 + 60, size / 2)
    let radius = size / 2 - 60
    func point(_ axis: Double, _ value: Double) -> (Double, Double) {
      let angle = -Double.pi / 2 + 2 * Double.pi * axis / Double(max(axes.count, 1))
      let r = radius * (min(max(value, -limit), limit) + limit) / (2 * limit)
      return (cx + r * cos(angle), cy + r * sin(angle))
    }
    var parts: [HTML] = []
    let rings = [-limit, -limit / 2, 0, limit / 2, limit]
    for ring in rings {
      let outline = SVG.polygon(axes.indices.map { point(Double($0), ring) })
      parts.append(SVG.path(outline, class: ring == 0 ? "ring zero" : "ring", dashed: ring == 0))
      let (lx, ly) = point(0.5, ring)  // between the first two axes, clear of the first axis's name
      parts.append(SVG.text(lx + 4, ly - 2, (ring > 0 ? "+" : "") + ReadableNumber.format(ring), class: "tick"))
    }
    for (i, axis) in axes.enumerated() {
      let (ox, oy) = point(Double(i), -limit), (ex, ey) = point(Double(i), limit)
      parts.append(SVG.line(ox, oy, ex, ey, class: "grid"))
      let (tx, ty) = point(Double(i), limit * 1.16)
      let anchor = abs(tx - cx) < 8 ? "middle" : (tx > cx ? "start" : "end")
      parts.append(SVG.text(tx, ty + 4, BarChart.clipped(axis, width: 130), anchor: anchor, class: "tick"))
    }
    for s in series {
      let outline = SVG.polygon(s.values.indices.map { point(Double($0), s.values[$0] ?? 0) })
      parts.append(SVG.path(outline, fill: s.colour, stroke: s.colour, width: 2, class: "area", opacity: 0.12))
    }
    for (i, s) in series.enumerated() {
      let y = 20 + Double(i) * 18
      parts.append(SVG.rect(size + 40, y - 8, 12, 10, fill: s.colour))
      parts.append(SVG.text(size + 58, y + 1, BarChart.clipped(s.label, width: 140), class: "legend"))
    }
    return SVG.chart(width: width, height: height, title: title, parts.joined())
  }
}
