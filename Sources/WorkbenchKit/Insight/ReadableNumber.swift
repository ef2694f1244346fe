/// Numbers as a reader wants them in names and rules: about four significant digits, thousands grouped.
///
/// `82000` → "82,000", `81999.5` → "82,000", `0.6574` → "0.6574", `18` → "18",
/// `1234.5678` → "1,235", `-3.25` → "-3.25", `0.000123456` → "0.0001235".
/// Values of 1 000 and more are rounded to whole numbers; smaller ones keep
/// four significant digits, trailing zeros dropped. Built from integer
/// digits, so the text never depends on the locale. Exact values stay in the
/// JSON; this is for the words only.
public enum ReadableNumber {
  /// `value` as readable text; "–" for a non-finite value.
  public static func format(_ value: Double) -> String {
    guard value.isFinite else { return "–" }
    if value == 0 { return "0" }
    let magnitude = abs(value)
    var decimals = 0
    var scale = 1.0
    while magnitude * scale < 1_000 && decimals < 12 {
      decimals += 1
      scale *= 10
    }
    let scaled = (magnitude * scale).rounded()
    guard scaled < 9.0e15 else { return (value < 0 ? "-" : "") + JSONNumber.plain(magnitude.rounded()) }
    var digits = String(Int64(scaled))
    if decimals > 0 {
      if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
      var whole = String(digits.dropLast(decimals))
      var fraction = String(digits.suffix(decimals))
      while fraction.last == "0" { fraction.removeLast() }
      whole = grouped(whole)
      digits = fraction.isEmpty ? whole : whole + "." + fraction
    } else {
      digits = grouped(digits)
    }
    return digits == "0" ? "0" : (value < 0 ? "-" : "") + digits
  }

  /// `digits` with a comma every three digits from the right.
  private static func grouped(_ digits: String) -> String {
    var out = ""
    for (i, ch) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(ch)
    }
    return out
  }
}
