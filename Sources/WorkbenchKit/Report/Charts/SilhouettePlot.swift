/// The silhouette plot: every (sampled) row's silhouette as a horizontal bar, grouped by segment and sorted, with the mean.
///
/// Segments are stacked top to bottom, each as one filled outline of its
/// rows' values sorted from largest to smallest (Rousseeuw 1987); a
/// segment's height is its share of the rows. A drawing cannot show more
/// rows than it has pixel lines, so a segment with more rows than its
/// height in pixels is drawn at one value per pixel line (the value at
/// that rank), which keeps the page small without changing the shape. The
/// dashed line is the mean over all rows shown.
/// - SeeAlso: Rousseeuw, "Silhouettes: a graphical aid…", J. Comput. Appl. Math. 20, 1987.
struct SilhouettePlot {
  struct Segment {
    var label: String
    var colour: String
    /// Its rows' silhouettes, sorted from largest to smallest.
    var values: [Double]
  }

  var title: String
  var segments: [Segment]
  var mean: Double
  var width = 620.0
  var height = 420.0

  var svg: HTML {
    let gap = 6.0
    let total = Double(segments.reduce(0) { $0 + $1.values.count })
    let low = min(segments.compactMap(\.values.last).min() ?? 0, 0)
    let frame = PlotFrame(width: width, height: height, left: 190, right: 16, top: 10, bottom: 42, xRange: (low, 1), yRange: (0, 1), niceY: false)
    var parts: [HTML] = [frame.axes(xTitle: "silhouette coefficient", yTitle: "", yLabels: [])]
    let usable = frame.plotBottom - frame.plotTop - gap * Double(segments.count + 1)
    let zero = frame.x(0)
    var top = frame.plotTop + gap
    for segment in segments where !segment.values.isEmpty {
      let band = max(usable * Double(segment.values.count) / max(total, 1), 2)
      let lines = max(1, min(segment.values.count, Int(band.rounded())))
      let step = band / Double(lines)
      var outline: [(Double, Double)] = [(zero, top)]
      for line in 0..<lines {
        let value = segment.values[line * segment.values.count / lines]
        outline.append((frame.x(value), top + Double(line) * step))
        outline.append((frame.x(value), top + Double(line + 1) * step))
      }
      outline.append((zero, top + band))
      parts.append(SVG.path(SVG.polygon(outline), fill: segment.colour, class: "silhouette"))
      parts.append(SVG.rect(8, top + band / 2 - 5, 10, 10, fill: segment.colour))
      parts.append(SVG.text(frame.plotLeft - 8, top + band / 2 + 4, BarChart.clipped(segment.label, width: 160), anchor: "end"))
      top += band + gap
    }
    parts.append(SVG.line(frame.x(mean), frame.plotTop, frame.x(mean), frame.plotBottom, class: "mean-line", dashed: true))
    // Right of the line, or left of it when the label (about 6.5 px a character at 11 px) would pass the frame.
    let meanLabel = "mean " + ReadableNumber.format(mean)
    let fitsRight = frame.x(mean) + 4 + Double(meanLabel.count) * 6.5 <= frame.plotRight
    parts.append(
      SVG.text(frame.x(mean) + (fitsRight ? 4 : -4), frame.plotTop + 12, meanLabel, anchor: fitsRight ? "start" : "end", class: "mark-label"))
    return SVG.chart(width: width, height: height, title: title, parts.joined())
  }
}
