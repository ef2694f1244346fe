import Foundation
import Testing
import WorkbenchNumerics
@testable import WorkbenchKit

/// Where the charts put things, on fixed inputs: the coordinates are worked out by hand in each test.
@Suite("Report chart geometry")
struct ChartGeometryTests {
  @Test("the plot frame widens its left margin for wide tick labels and writes large ticks with a common power of ten")
  func frame() {
    let narrow = PlotFrame(width: 320, height: 210, xRange: (0, 1), yRange: (0, 1))
    #expect(narrow.plotLeft == 56 && narrow.plotRight == 304 && narrow.plotTop == 14 && narrow.plotBottom == 168)
    let wide = PlotFrame(width: 320, height: 210, xRange: (0, 1), yRange: (0, 800_000))
    #expect(wide.plotLeft == 30 + 6.2 * 7)  // "800,000"
    #expect(wide.x(0) == wide.plotLeft && wide.y(800_000) == 14)
    let huge = PlotFrame(width: 320, height: 210, xRange: (0, 1), yRange: (0, 2e12))
    #expect(huge.plotLeft == 56)
    let axes = huge.axes(xTitle: "k", yTitle: "inertia").text
    #expect(axes.contains(">1.5</text>") && axes.contains(">inertia (× 10¹²)</text>"))
  }

  @Test("line chart points, error bars and the ringed pick")
  func lineChart() {
    let chart = LineChart(
      title: "t", xTitle: "k", yTitle: "m",
      series: [LineChart.Series(name: "m", colour: "#0072B2", points: [(2, 0), (3, 0.5), (4, 1)], intervals: [nil, (0.4, 0.6), nil])],
      marks: [LineChart.Mark(x: 4, y: 1, label: "max: k = 4")], xLabels: [(2, "2"), (3, "3"), (4, "4")])
    let svg = chart.svg.text
    // x: 1.5…4.5 onto 56…304, so k = 2 → 97.3, 3 → 180, 4 → 262.7; y: 0…1 onto 168…14.
    #expect(svg.contains("<circle cx=\"97.3\" cy=\"168\" r=\"3\" fill=\"#0072B2\">"))
    #expect(svg.contains("<circle cx=\"180\" cy=\"91\" r=\"3\""))
    #expect(svg.contains("<circle cx=\"262.7\" cy=\"14\" r=\"3\""))
    #expect(svg.contains("d=\"M97.3 168 L180 91 L262.7 14\""))
    #expect(svg.contains("<line x1=\"180\" y1=\"106.4\" x2=\"180\" y2=\"75.6\""))  // the interval 0.4…0.6
    #expect(svg.contains("<circle cx=\"262.7\" cy=\"14\" r=\"7\" fill=\"none\" class=\"mark\"/>"))
    #expect(svg.contains(">max: k = 4</text>"))
  }

  @Test("tick labels: as they are below a million, else over a power of 1,000 named in the title")
  func tickLabels() {
    #expect(TickLabels([0, 0.5, 1]).labels == ["0", "0.5", "1"] && TickLabels([0, 0.5, 1]).titleSuffix == "")
    #expect(TickLabels([0, 500_000]).labels == ["0", "500,000"])
    #expect(TickLabels([0, 5e6, 1e7]).labels == ["0", "5", "10"] && TickLabels([0, 5e6, 1e7]).titleSuffix == " (× 10⁶)")
    #expect(TickLabels([-2e9, 0]).labels == ["-2", "0"] || TickLabels([-2e9, 0]).labels == ["−2", "0"])
    #expect(TickLabels.superscript(12) == "¹²")
  }

  @Test("a missing value breaks the line")
  func brokenLine() {
    #expect(LineChart.unbroken([(1, 1), (2, nil), (3, 3), (4, 4)]).map { $0.map(\.0) } == [[1], [3, 4]])
  }

  @Test("bars start at zero and end at their value")
  func bars() {
    let chart = BarChart(
      title: "t", xTitle: "x",
      bars: [.init(label: "a", value: 0.5, colour: "#111111", note: "half"), .init(label: "b", value: 1, interval: (0.9, 1), colour: "#222222", note: "all")],
      references: [(0.75, "0.75")], xRange: (0, 1))
    let svg = chart.svg.text
    // x: 0…1 onto 190…500 (620 wide, 190 of labels, 120 of notes); rows 22 high from y = 28.
    #expect(svg.contains("<rect x=\"190\" y=\"28\" width=\"155\" height=\"16\" fill=\"#111111\">"))
    #expect(svg.contains("<rect x=\"190\" y=\"50\" width=\"310\" height=\"16\" fill=\"#222222\">"))
    #expect(svg.contains("<line x1=\"469\" y1=\"58\" x2=\"500\" y2=\"58\" class=\"whisker\"/>"))
    #expect(svg.contains("<line x1=\"422.5\""))
  }

  @Test("silhouette bands are sized by segment and drawn from zero")
  func silhouettes() {
    let chart = SilhouettePlot(
      title: "t", segments: [.init(label: "0", colour: "#0072B2", values: [0.5, 0.25]), .init(label: "1", colour: "#E69F00", values: [0.5, 0.25])], mean: 0.375)
    let svg = chart.svg.text
    // x: 0…1 onto 190…604; two bands of 175 between gaps of 6 from y = 16.
    #expect(svg.contains("d=\"M190 16 L397 16 L397 103.5 L293.5 103.5 L293.5 191 L190 191 Z\" fill=\"#0072B2\""))
    #expect(svg.contains("d=\"M190 197 L397 197 L397 284.5 L293.5 284.5 L293.5 372 L190 372 Z\" fill=\"#E69F00\""))
    #expect(svg.contains("<line x1=\"345.3\" y1=\"10\" x2=\"345.3\" y2=\"378\" class=\"mean-line\""))
  }

  @Test("radar axes start at the top and go clockwise; the radius is the clipped z-score")
  func radar() {
    let chart = RadarChart(title: "t", axes: ["a", "b", "c", "d"], series: [.init(label: "s", colour: "#0072B2", values: [2, 5, nil, -2])], limit: 2)
    // Centre (280, 220), radius 160 for z = +2, 80 for z = 0, 0 for z = −2.
    #expect(chart.svg.text.contains("d=\"M280 60 L440 220 L280 300 L280 220 Z\" fill=\"#0072B2\""))
  }

  @Test("the 3-D projection turns about the vertical axis, then tilts")
  func projection() {
    let p = Scatter3D.project(1, 2, 3, yaw: 0, pitch: 0)
    #expect(p.x == 1 && p.y == 2 && p.depth == 3)
    let q = Scatter3D.project(1, 0, 0, yaw: .pi / 2, pitch: 0)
    #expect(abs(q.x) < 1e-12 && abs(q.depth + 1) < 1e-12)
    let r = Scatter3D.project(0, 1, 0, yaw: 0, pitch: .pi / 2)
    #expect(abs(r.y) < 1e-12 && abs(r.depth - 1) < 1e-12)
  }

  @Test("principal axes of points on a line: one axis along it, signed positive, with all the variance")
  func principalAxes() {
    var x = Matrix(rows: 5, columns: 2)
    for i in 0..<5 { (x[i, 0], x[i, 1]) = (Double(i), 2 * Double(i) + 1) }
    let axes = PrincipalAxes(x, rows: Array(0..<5), count: 2)
    #expect(abs(axes.axes[0][0] - 1 / 5.0.squareRoot()) < 1e-12 && abs(axes.axes[0][1] - 2 / 5.0.squareRoot()) < 1e-12)
    #expect(abs(axes.explainedRatio[0] - 1) < 1e-12 && abs(axes.explainedRatio[1]) < 1e-12)
    #expect(abs(axes.project(x, row: 4)[0] - 2 * 5.0.squareRoot()) < 1e-12)  // (4, 9) − the mean (2, 5) = (2, 4), and (2, 4)·(1, 2)/√5 = 2√5
    #expect(PrincipalAxes(x, rows: [0], count: 2).axes.isEmpty)
  }

  @Test("box summaries are numpy's linear percentiles")
  func box() throws {
    // numpy.percentile(range(1, 11), [5, 25, 50, 75, 95]) = [1.45, 3.25, 5.5, 7.75, 9.55]
    let box = try #require(BoxSummary((1...10).map(Double.init) + [.nan]))
    #expect([box.p5, box.q1, box.median, box.q3, box.p95].map { ($0 * 100).rounded() / 100 } == [1.45, 3.25, 5.5, 7.75, 9.55])
    #expect(box.mean == 5.5 && box.count == 10)
    #expect(BoxSummary([.nan]) == nil)
    #expect(abs((BoxSummary([1.6e308, 1.7e308])?.mean ?? 0) - 1.65e308) < 1e293)
  }
}
