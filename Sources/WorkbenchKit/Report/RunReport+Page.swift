/// The page around the sections: head with style sheet and content policy, header, table of contents, key figures, script.
extension RunReport {
  /// The sections, in page order: (element id, heading).
  static let sections = [
    ("summary", "Summary"), ("method", "Choosing the method"), ("choosing-k", "Choosing k"), ("quality", "Segment quality"),
    ("segments", "Segments"), ("behaviour", "Behaviour"), ("reproducibility", "Reproducibility"),
  ]

  /// The id of the JSON block holding the key figures.
  static let dataBlockId = "workbench-report-data"

  /// The content security policy: nothing may be fetched — no network, no other file — only the inline style and script run.
  static let contentPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

  /// `report.html`: one self-contained file.
  var html: String {
    let bodies: [HTML] = [summarySection, methodSection, kSection, qualitySection, segmentsSection, behaviourSection, reproducibilitySection]
    let sections = zip(Self.sections, bodies).map { section, body -> HTML in
      "<section id=\"\(section.0)\" data-section=\"\(section.1)\"><h2>\(section.1)</h2>\n\(body)</section>\n"
    }
    let toc = Self.sections.map { "<a href=\"#\($0.0)\">\($0.1)</a>" as HTML }.joined()
    let description: HTML = plan.experiment.description.map { "<p>\($0)</p>" } ?? ""
    let hatch: HTML = """
      <svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs><pattern id="no-value" width="6" height="6" patternUnits="userSpaceOnUse">\
      <rect width="6" height="6" fill="#EEEEEE"/><path d="M0 6 L6 0" stroke="#BBBBBB"/></pattern></defs></svg>
      """
    let page: HTML = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta http-equiv="Content-Security-Policy" content="\(HTML(trusted: Self.contentPolicy))">
      <meta name="generator" content="workbench \(manifest.toolVersion)">
      <title>Segmentation report: \(plan.experiment.name)</title>
      <style>\(HTML(trusted: ReportStyle.css))</style>
      </head>
      <body>
      \(hatch)
      <header class="top"><h1>Segmentation report: \(plan.experiment.name)</h1>\(description)</header>
      <nav class="toc" aria-label="Sections">\(toc)</nav>
      <main>
      \(sections)</main>
      <script type="application/json" id="\(Self.dataBlockId)">\(HTML(trusted: Self.scriptSafe(keyFigures.prettyText)))</script>
      <script>\(HTML(trusted: ReportStyle.script))</script>
      </body>
      </html>

      """
    return page.text
  }

  /// JSON text that cannot end the `<script>` element it sits in: `<`, `>` and `&` written as `\u003c`, `\u003e`, `\u0026`.
  ///
  /// Those characters occur in JSON only inside strings, where the escapes mean the same characters.
  static func scriptSafe(_ json: String) -> String {
    json.replacingOccurrences(of: "&", with: "\\u0026").replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
  }

  /// A labelled key figure.
  static func fact(_ label: String, _ value: HTML) -> HTML {
    "<div class=\"fact\"><b>\(label)</b><span>\(value)</span></div>"
  }

  /// A chart with its caption; `name` identifies the chart kind for readers and the browser check.
  static func figure(_ name: String, _ chart: HTML, caption: HTML) -> HTML {
    "<figure data-chart=\"\(name)\">\(chart)<figcaption>\(caption)</figcaption></figure>\n"
  }

  /// A paragraph of explanatory small print.
  static func note(_ text: HTML) -> HTML { "<p class=\"note\">\(text)</p>\n" }

  /// A colour swatch for segment `id`.
  static func swatch(_ id: Int) -> HTML { "<span class=\"swatch\" style=\"background:\(SegmentPalette.colour(id))\"></span>" }

  /// `value` with four decimals at most ("0.8632", "2612.9132").
  static func decimal(_ value: Double?) -> String { value.map(Leaderboard.rounded) ?? "—" }

  /// `share` as a percentage with one decimal ("14.3 %").
  static func percent(_ share: Double) -> String { RankingRule.percent(share, decimals: 1) }
}
