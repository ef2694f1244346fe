import Foundation

/// The text of an axis's numeric tick labels: readable numbers, with a common power of ten taken out when they are large.
///
/// Ticks up to a million read as they are ("0.25", "20,000"); beyond, they
/// are divided by the largest power of 1,000 below the largest tick and the
/// axis title says so ("inertia (× 10¹²)" over "0.5", "1", "1.5"), so a
/// label never takes more room than the chart gives it.
struct TickLabels {
  /// One label per tick.
  var labels: [String]
  /// What the axis title gets: "" or " (× 10ⁿ)".
  var titleSuffix: String

  /// Ticks at least this large (in magnitude) are written with a common power of ten.
  static let scaledFrom = 1e6

  init(_ ticks: [Double]) {
    let largest = ticks.map(abs).max() ?? 0
    guard largest >= Self.scaledFrom, largest.isFinite else {
      (labels, titleSuffix) = (ticks.map(ReadableNumber.format), "")
      return
    }
    let exponent = 3 * Int((log10(largest) / 3).rounded(.down))
    let scale = pow(10, Double(exponent))
    labels = ticks.map { ReadableNumber.format($0 / scale) }
    titleSuffix = " (× 10" + Self.superscript(exponent) + ")"
  }

  /// `n` in superscript digits ("¹²").
  static func superscript(_ n: Int) -> String {
    let digits = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    return (n < 0 ? "⁻" : "") + String(abs(n)).map { digits[Int(String($0))!] }.joined()
  }
}
