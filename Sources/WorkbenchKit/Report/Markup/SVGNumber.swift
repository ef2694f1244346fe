/// Numbers as the report's drawings write them: a fixed number of decimals, from integer digits.
///
/// Coordinates carry one decimal (a tenth of a pixel is finer than any
/// screen shows), which keeps the page small and its bytes the same on
/// every machine: the text is built from a rounded integer, never from a
/// locale-dependent formatter. A non-finite value is a programmer error
/// upstream; it is written as 0 so the page stays valid. Values beyond
/// ±``limit`` (far outside any drawing) are written as ±``limit``.
enum SVGNumber {
  /// The largest magnitude written.
  static let limit = 1e12

  /// `value` rounded to `decimals` places, without trailing zeros ("12", "12.5", "-0.3").
  static func format(_ value: Double, decimals: Int = 1) -> String {
    guard value.isFinite else { return "0" }
    var scale = 1.0
    for _ in 0..<min(max(decimals, 0), 6) { scale *= 10 }
    let scaled = Int64((min(abs(value), limit) * scale).rounded())
    guard scaled != 0 else { return "0" }
    var digits = String(scaled)
    if decimals > 0 {
      if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
      var fraction = String(digits.suffix(decimals))
      let whole = String(digits.dropLast(decimals))
      while fraction.last == "0" { fraction.removeLast() }
      digits = fraction.isEmpty ? whole : whole + "." + fraction
    }
    return (value < 0 ? "-" : "") + digits
  }
}
