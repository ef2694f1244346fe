/// A fragment of HTML in which every interpolated value is escaped unless it is itself a fragment.
///
/// The report is assembled from these: a string literal is trusted markup
/// written in this code, while a `String` interpolated into it (a column
/// name, a category, a segment name, a spec value) is escaped with
/// ``escape(_:)``, so data can only ever appear as text — a category called
/// `<script>alert(1)</script>` is shown, never run. Integers interpolate as
/// digits; other numbers must go through a formatter (``SVGNumber``,
/// ``ReadableNumber``), so what reaches the page is a deliberate, byte-stable
/// rendering.
public struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
  /// The markup.
  public private(set) var text: String

  /// Markup produced by this module's own code (already escaped where needed).
  init(trusted text: String) {
    self.text = text
  }

  public init(stringLiteral value: String) {
    text = value
  }

  public init(stringInterpolation: StringInterpolation) {
    text = stringInterpolation.text
  }

  public var description: String { text }

  /// Builds a fragment: literals are markup, interpolated strings are escaped.
  public struct StringInterpolation: StringInterpolationProtocol {
    var text = ""

    public init(literalCapacity: Int, interpolationCount: Int) {
      text.reserveCapacity(literalCapacity + 16 * interpolationCount)
    }

    public mutating func appendLiteral(_ literal: String) { text += literal }
    /// A data value: escaped.
    public mutating func appendInterpolation(_ value: String) { text += HTML.escape(value) }
    /// A fragment: inserted as it is.
    public mutating func appendInterpolation(_ fragment: HTML) { text += fragment.text }
    /// Fragments, one after another.
    public mutating func appendInterpolation(_ fragments: [HTML]) { for fragment in fragments { text += fragment.text } }
    /// An integer, as digits.
    public mutating func appendInterpolation(_ value: Int) { text += String(value) }
    /// A drawing coordinate or length, with one decimal (see ``SVGNumber``).
    public mutating func appendInterpolation(_ value: Double) { text += SVGNumber.format(value) }
  }

  /// `value` with `&`, `<`, `>`, `"` and `'` replaced by character references, and line feeds by `&#10;`: safe in
  /// text and in quoted attributes of HTML and XML alike (the gate's JUnit file uses it too).
  public static func escape(_ value: String) -> String {
    var out = ""
    out.reserveCapacity(value.utf8.count)
    for character in value.unicodeScalars {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\n": out += "&#10;"
      default: out.unicodeScalars.append(character)
      }
    }
    return out
  }
}

extension Array where Element == HTML {
  /// The fragments one after another, with `separator` between them.
  func joined(separator: HTML = "") -> HTML {
    HTML(trusted: map(\.text).joined(separator: separator.text))
  }
}
