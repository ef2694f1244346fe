/// The SVG elements the report's charts are drawn with, as escaped HTML fragments.
///
/// Coordinates are written with one decimal (``SVGNumber``); styling lives in
/// the page's style sheet under the class names given here (`axis`, `grid`,
/// `label`, …), so each element carries only its geometry and colour. Text
/// content and titles are data and are escaped.
enum SVG {
  /// The root element of a chart: a `viewBox` of `width` × `height` that scales to the page's width, labelled for
  /// screen readers by `title`.
  static func chart(width: Double, height: Double, title: String, _ content: HTML) -> HTML {
    "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(title)\"><title>\(title)</title>\(content)</svg>"
  }

  static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, class name: String? = nil, stroke: String? = nil, width: Double? = nil, dashed: Bool = false) -> HTML {
    "<line x1=\"\(x1)\" y1=\"\(y1)\" x2=\"\(x2)\" y2=\"\(y2)\"\(attributes(class: name, stroke: stroke, strokeWidth: width, dashed: dashed))/>"
  }

  static func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, fill: String, class name: String? = nil, title: String? = nil) -> HTML {
    let tooltip: HTML = title.map { "<title>\($0)</title>" } ?? ""
    let body: HTML = "x=\"\(x)\" y=\"\(y)\" width=\"\(max(width, 0))\" height=\"\(max(height, 0))\" fill=\"\(fill)\"\(attributes(class: name))"
    return title == nil ? "<rect \(body)/>" : "<rect \(body)>\(tooltip)</rect>"
  }

  static func circle(_ cx: Double, _ cy: Double, _ r: Double, fill: String, class name: String? = nil, title: String? = nil) -> HTML {
    let body: HTML = "cx=\"\(cx)\" cy=\"\(cy)\" r=\"\(r)\" fill=\"\(fill)\"\(attributes(class: name))"
    return title.map { "<circle \(body)><title>\($0)</title></circle>" } ?? "<circle \(body)/>"
  }

  /// A path from its `d` data (built with ``polyline(_:)`` and friends).
  static func path(_ d: String, fill: String = "none", stroke: String? = nil, width: Double? = nil, class name: String? = nil, opacity: Double? = nil, dashed: Bool = false) -> HTML {
    let fade: HTML = opacity.map { "fill-opacity=\"\(SVGNumber.format($0, decimals: 2))\"" } ?? ""
    return "<path d=\"\(d)\" fill=\"\(fill)\" \(fade)\(attributes(class: name, stroke: stroke, strokeWidth: width, dashed: dashed))/>"
  }

  /// Text anchored at (x, y); `anchor` is `start`, `middle` or `end`; `rotate` turns it about its anchor (degrees).
  static func text(_ x: Double, _ y: Double, _ content: String, anchor: String = "start", class name: String = "label", fill: String? = nil, rotate: Double? = nil) -> HTML {
    let turn: HTML = rotate.map { " transform=\"rotate(\(SVGNumber.format($0)) \(x) \(y))\"" } ?? ""
    let colour: HTML = fill.map { " fill=\"\($0)\"" } ?? ""
    return "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"\(anchor)\" class=\"\(name)\"\(colour)\(turn)>\(content)</text>"
  }

  /// Path data through `points` ("M x y L x y …").
  static func polyline(_ points: [(Double, Double)]) -> String {
    points.enumerated().map { i, p in (i == 0 ? "M" : "L") + SVGNumber.format(p.0) + " " + SVGNumber.format(p.1) }.joined(separator: " ")
  }

  /// Path data of the closed polygon through `points`.
  static func polygon(_ points: [(Double, Double)]) -> String {
    points.isEmpty ? "" : polyline(points) + " Z"
  }

  private static func attributes(class name: String? = nil, stroke: String? = nil, strokeWidth: Double? = nil, dashed: Bool = false) -> HTML {
    var out: HTML = ""
    if let name { out = "\(out) class=\"\(name)\"" }
    if let stroke { out = "\(out) stroke=\"\(stroke)\"" }
    if let strokeWidth { out = "\(out) stroke-width=\"\(strokeWidth)\"" }
    if dashed { out = "\(out) stroke-dasharray=\"4 3\"" }
    return out
  }
}
