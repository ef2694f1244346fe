import Testing
@testable import WorkbenchKit

/// The report's building blocks: escaping, number text, ticks, colours.
@Suite("Report markup")
struct ReportMarkupTests {
  @Test("data interpolated into HTML is escaped; literals and fragments are not")
  func escaping() {
    #expect(HTML.escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
    #expect(HTML.escape("a & \"b\" 'c'\n") == "a &amp; &quot;b&quot; &apos;c&apos;&#10;")
    let name = "<b onclick=\"x\">"
    let inner: HTML = "<i>\(name)</i>"
    let outer: HTML = "<p title=\"\(name)\">\(inner) \(3) \(2.25)</p>"
    #expect(outer.text == "<p title=\"&lt;b onclick=&quot;x&quot;&gt;\"><i>&lt;b onclick=&quot;x&quot;&gt;</i> 3 2.3</p>")
    #expect([HTML("<a>"), HTML("<b>")].joined(separator: "|").text == "<a>|<b>")
  }

  @Test("JSON in a script element cannot close it")
  func scriptSafe() throws {
    let json = JSONValue.object(["name": .string("</script><script>alert(1)</script> & more")]).canonicalText
    let safe = RunReport.scriptSafe(json)
    #expect(!safe.contains("<") && !safe.contains(">") && !safe.contains("&"))
    #expect(try JSONParser.parse(safe) == JSONParser.parse(json))
  }

  @Test("drawing numbers have fixed decimals, no trailing zeros, and never a non-finite value")
  func svgNumbers() {
    #expect(SVGNumber.format(12) == "12")
    #expect(SVGNumber.format(12.54) == "12.5")
    #expect(SVGNumber.format(-0.26) == "-0.3")
    #expect(SVGNumber.format(0.04) == "0")
    #expect(SVGNumber.format(-0.04) == "0")
    #expect(SVGNumber.format(0.05) == "0.1")
    #expect(SVGNumber.format(1.23456, decimals: 3) == "1.235")
    #expect(SVGNumber.format(0.0012, decimals: 3) == "0.001")
    #expect(SVGNumber.format(.nan) == "0" && SVGNumber.format(.infinity) == "0")
    #expect(SVGNumber.format(-1.6e308) == "-1000000000000")
  }

  @Test("ticks are 1, 2 or 5 times a power of ten and cover the data")
  func ticks() {
    let a = NiceTicks.covering(0.17, 0.63)
    #expect(a.ticks == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
    #expect(a.low == 0.1 && a.high == 0.7)
    let b = NiceTicks.covering(1_629, 20_368)
    #expect(b.ticks == [0, 5_000, 10_000, 15_000, 20_000, 25_000])
    let flat = NiceTicks.covering(3, 3)
    #expect(flat.low < 3 && flat.high > 3)
    #expect(NiceTicks.covering(.nan, 1).ticks.first == 0)
    // Near the largest doubles: finite ticks, capped, and a scale that maps them inside the drawing.
    let huge = NiceTicks.covering(-1.6e308, 1.6e308)
    #expect(huge.ticks.allSatisfy(\.isFinite) && huge.low <= -1.6e308 && huge.high >= 1.6e308)
    let scale = LinearScale(low: huge.low, high: huge.high, start: 0, end: 100)
    #expect(scale(0) == 50 && scale(huge.high) == 100)
  }

  @Test("segment colours follow the aligned id, noise is grey, and the scales end in the documented colours")
  func colours() {
    #expect(SegmentPalette.colour(0) == "#0072B2")
    #expect(SegmentPalette.colour(3) == "#D55E00")
    #expect(SegmentPalette.colour(16) == SegmentPalette.colour(0))
    #expect(SegmentPalette.colour(-1) == SegmentPalette.noise)
    #expect(Set(SegmentPalette.colours).count == SegmentPalette.colours.count)
    #expect(ColourScale.diverging(0) == "#FFFFFF")
    #expect(ColourScale.diverging(-1) == "#2166AC")
    #expect(ColourScale.diverging(5) == "#B35806")
    #expect(ColourScale.sequential(0.5) == "#90B3D6")
    #expect(ColourScale.sequential(.nan) == "#FFFFFF")
  }
}
