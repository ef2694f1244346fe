import Foundation

/// Points in three dimensions, drawn at a fixed view and turned by dragging (the page's script re-projects them).
///
/// Coordinates are scaled together so the farthest point lies on the unit
/// sphere (so no turn can move a point out of the drawing), then rotated by `yaw` about the vertical axis and `pitch` about
/// the horizontal one and projected orthographically; points are drawn far
/// to near. The drawing is complete without script (a print shows this
/// view); the script reads the coordinates from the JSON block written
/// next to the drawing, in the same order as the circles, and applies the
/// same rotation as the pointer or the arrow keys move.
struct Scatter3D {
  struct Point {
    var x: Double, y: Double, z: Double
    var colour: String
  }

  var title: String
  /// Element id of the JSON block (unique on the page).
  var id: String
  var axisLabels: [String]
  var points: [Point]
  var legend: [(label: String, colour: String)]
  var yaw = 0.6
  var pitch = 0.35
  var size = 460.0

  /// The drawing and, after it, its coordinates as JSON.
  var html: HTML {
    let scale = size * 0.42, (cx, cy) = (size / 2, size / 2)
    let extent = points.map { ($0.x * $0.x + $0.y * $0.y + $0.z * $0.z).squareRoot() }.max() ?? 1
    let unit = extent > 0 ? extent : 1
    let normalised = points.map { (x: $0.x / unit, y: $0.y / unit, z: $0.z / unit, colour: $0.colour) }
    let projected = normalised.map { Self.project($0.x, $0.y, $0.z, yaw: yaw, pitch: pitch) }
    let order = normalised.indices.sorted { projected[$0].depth != projected[$1].depth ? projected[$0].depth < projected[$1].depth : $0 < $1 }
    var parts: [HTML] = []
    for (a, label) in axisLabels.prefix(3).enumerated() {
      let tip = [(1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)][a]
      let end = Self.project(tip.0, tip.1, tip.2, yaw: yaw, pitch: pitch)
      parts.append(SVG.line(cx, cy, cx + scale * end.x, cy - scale * end.y, class: "a3"))
      parts.append(SVG.text(cx + scale * 1.08 * end.x, cy - scale * 1.08 * end.y, label, anchor: "middle", class: "a3 tick"))
    }
    for i in order {
      parts.append(SVG.circle(cx + scale * projected[i].x, cy - scale * projected[i].y, 2.6, fill: normalised[i].colour, class: "p3"))
    }
    for (i, key) in legend.enumerated() {
      parts.append(SVG.rect(size + 10, 16 + Double(i) * 18, 12, 10, fill: key.colour))
      parts.append(SVG.text(size + 28, 25 + Double(i) * 18, BarChart.clipped(key.label, width: 150), class: "legend"))
    }
    let coordinates = order.map { i in
      "[" + [normalised[i].x, normalised[i].y, normalised[i].z].map { SVGNumber.format($0, decimals: 3) }.joined(separator: ",") + "]"
    }.joined(separator: ",")
    let view: HTML = "data-points=\"\(id)\" data-yaw=\"\(SVGNumber.format(yaw, decimals: 3))\" data-pitch=\"\(SVGNumber.format(pitch, decimals: 3))\" data-scale=\"\(scale)\" data-cx=\"\(cx)\" data-cy=\"\(cy)\""
    let width = size + 190
    return """
      <svg class="chart scatter3d" tabindex="0" viewBox="0 0 \(width) \(size)" width="\(width)" height="\(size)" role="img" aria-label="\(title)" \(view)><title>\(title)</title>\(parts.joined())</svg>
      <script type="application/json" id="\(id)">[\(HTML(trusted: coordinates))]</script>
      """
  }

  /// (x, y) on the screen plane and the depth (larger = nearer) of a point after turning by `yaw` then `pitch`.
  static func project(_ x: Double, _ y: Double, _ z: Double, yaw: Double, pitch: Double) -> (x: Double, y: Double, depth: Double) {
    let x1 = x * cos(yaw) + z * sin(yaw)
    let z1 = -x * sin(yaw) + z * cos(yaw)
    let y2 = y * cos(pitch) - z1 * sin(pitch)
    let z2 = y * sin(pitch) + z1 * cos(pitch)
    return (x1, y2, z2)
  }
}
